// libFuzzer entry point of the "markdown" target (markdown_target.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "markdown_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string problem = portalgen::fuzz::MarkdownTarget(data, size);
  if (!problem.empty()) {
    std::fprintf(stderr, "markdown_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
