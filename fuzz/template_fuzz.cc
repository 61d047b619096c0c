// libFuzzer entry point of the "template" target (template_target.h). The fixed theme,
// tests/themes/mini, is compiled in (mini_theme.inc, made by fuzz/CMakeLists.txt): fuzz
// targets never read the disk.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "template_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const portalgen::fuzz::Files kTheme = {
#include "mini_theme.inc"
  };
  const std::string problem = portalgen::fuzz::TemplateTarget(kTheme, data, size);
  if (!problem.empty()) {
    std::fprintf(stderr, "template_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
