// libFuzzer entry point of the "front_matter" target (front_matter_target.h).
#include <cstddef>
#include <cstdint>

#include "front_matter_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  portalgen::fuzz::FrontMatterTarget(data, size);
  return 0;
}
