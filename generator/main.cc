// portalgen: parse argv, run a command, return its exit code. Everything else is in the library.
#include <iostream>
#include <string>
#include <vector>

#include "base/malloc_tuning.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  portalgen::TuneMallocByReexec(argv);
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  portalgen::cli::Io io{std::cin, std::cout, std::cerr, true};
  return portalgen::cli::Main(args, io);
}
