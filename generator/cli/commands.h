// The command table (after ninja's Tool table): name, summary, and the function that runs it.
#ifndef PORTALGEN_CLI_COMMANDS_H_
#define PORTALGEN_CLI_COMMANDS_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace portalgen::cli {

/// Exit codes (docs in README): success, content/build errors, usage errors, interrupted.
enum ExitCode { kExitOk = 0, kExitErrors = 1, kExitUsage = 2, kExitInterrupted = 130 };

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  // The process ends when the command returns (main.cc): a command may leave its memory to
  // the operating system (build::BuildOptions::leave_memory_at_exit). False in tests.
  bool exits_after = false;
};

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args, Io& io);
};

const std::vector<Command>& Commands();

/// Entry point behind main(): `portalgen <command> [options]`.
int Main(const std::vector<std::string>& argv, Io& io);

int RunBuild(const std::vector<std::string>& args, Io& io);     // build_command.cc
int RunCheck(const std::vector<std::string>& args, Io& io);     // check_command.cc
int RunMarkdown(const std::vector<std::string>& args, Io& io);  // markdown_command.cc
int RunNew(const std::vector<std::string>& args, Io& io);       // new_command.cc
int RunServe(const std::vector<std::string>& args, Io& io);     // serve_command.cc

}  // namespace portalgen::cli

#endif  // PORTALGEN_CLI_COMMANDS_H_
