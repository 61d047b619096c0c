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
};

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args, Io& io);
};

const std::vector<Command>& Commands();

/// Entry point behind main(): `portalgen <command> [options]`.
int Main(const std::vector<std::string>& argv, Io& io);

int RunBuild(const std::vector<std::string>& args, Io& io);
int RunMarkdown(const std::vector<std::string>& args, Io& io);

}  // namespace portalgen::cli

#endif  // PORTALGEN_CLI_COMMANDS_H_
