// libFuzzer entry point of the "feeds" target (feeds_target.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "feeds_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string problem = portalgen::fuzz::FeedsTarget(data, size);
  if (!problem.empty()) {
    std::fprintf(stderr, "feeds_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
