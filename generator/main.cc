// portalgen: parse argv, run a command, return its exit code. Everything else is in the library.
#include <iostream>
#include <string>
#include <vector>

#include "base/malloc_tuning.h"
#include "cli/commands.h"

namespace {
// Runs before the shared libraries' initialisers (ELF .preinit_array, executables only), so a
// re-exec does not pay for them twice.
void TuneMallocEarly(int argc, char** argv, char** envp) {
  portalgen::TuneMallocByReexec(argc, argv, envp);
}
[[gnu::section(".preinit_array"),
  gnu::used]] void (*const kTuneMallocEarly)(int, char**, char**) = TuneMallocEarly;
}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  portalgen::cli::Io io{std::cin, std::cout, std::cerr, true};
  return portalgen::cli::Main(args, io);
}
