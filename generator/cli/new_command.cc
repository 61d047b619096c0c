// PLACEHOLDER until the `new` command lands (being written in this session).
#include <iostream>

#include "cli/commands.h"

namespace portalgen::cli {

int RunNew(const std::vector<std::string>&, Io& io) {
  io.err << "portalgen new: error: not available in this build\n";
  return kExitUsage;
}

}  // namespace portalgen::cli
