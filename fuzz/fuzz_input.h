// FuzzInput: reads a fuzz input as a few leading choice bytes, then text. Plain C++ (no
// FuzzedDataProvider) so that tests/fuzz_regressions_test.cc, built with GCC, can replay the
// exact code path of each target.
#ifndef PORTALGEN_FUZZ_FUZZ_INPUT_H_
#define PORTALGEN_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace portalgen::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size) : rest_(reinterpret_cast<const char*>(data), size) {}

  /// The next byte, or 0 once the input is used up.
  uint8_t Byte() {
    if (rest_.empty()) return 0;
    const auto b = static_cast<uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  /// A number in [lo, hi] from the next two bytes.
  int Int(int lo, int hi) {
    const int high = Byte();
    const int raw = high << 8 | Byte();
    return lo + raw % (hi - lo + 1);
  }
  /// The text up to the next '\n' (not included), or the rest.
  std::string Line() {
    const size_t end = rest_.find('\n');
    std::string line(rest_.substr(0, end));
    rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
    return line;
  }
  /// Everything not read yet.
  std::string Rest() {
    std::string all(rest_);
    rest_ = {};
    return all;
  }

 private:
  std::string_view rest_;
};

}  // namespace portalgen::fuzz

#endif  // PORTALGEN_FUZZ_FUZZ_INPUT_H_
