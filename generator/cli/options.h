// Shared Boost.Program_options plumbing: parse, --help, and usage errors as exit code 2.
#ifndef PORTALGEN_CLI_OPTIONS_H_
#define PORTALGEN_CLI_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/commands.h"

namespace portalgen::cli {

/// Parses `args` against `desc` (plus --help). Returns the exit code to stop with (0 after
/// printing help, 2 after a usage error), or nullopt to go on.
std::optional<int> ParseOptions(const std::string& command, const std::string& synopsis,
                                boost::program_options::options_description& desc,
                                const std::vector<std::string>& args,
                                boost::program_options::variables_map& vm, Io& io);

/// "2026-11-23", "2026-11-23T10:00:00Z" or seconds since the epoch -> seconds.
std::optional<int64_t> ParseNow(const std::string& text);

/// The default "now": SOURCE_DATE_EPOCH when set, else the clock.
int64_t DefaultNow();

/// Resolves a command's --now value (`given` false: DefaultNow()). On a malformed value prints
/// the usage error for `command` and returns nullopt.
std::optional<int64_t> ResolveNow(const std::string& command, bool given, const std::string& text,
                                  Io& io);

}  // namespace portalgen::cli

#endif  // PORTALGEN_CLI_OPTIONS_H_
