// PLACEHOLDER until the `serve` command lands (being written in this session).
#include <iostream>

#include "cli/commands.h"

namespace portalgen::cli {

int RunServe(const std::vector<std::string>&, Io& io) {
  io.err << "portalgen serve: error: not available in this build\n";
  return kExitUsage;
}

}  // namespace portalgen::cli
