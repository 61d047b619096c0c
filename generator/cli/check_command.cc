// PLACEHOLDER until the `check` command lands (being written in this session).
#include <iostream>

#include "cli/commands.h"

namespace portalgen::cli {

int RunCheck(const std::vector<std::string>&, Io& io) {
  io.err << "portalgen check: error: not available in this build\n";
  return kExitUsage;
}

}  // namespace portalgen::cli
