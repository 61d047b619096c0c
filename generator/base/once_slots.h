// OnceSlots<T>: n values, each computed by the first thread that asks for it and shared after
// that. For per-document results that many outputs repeat (a card, a feed entry).
#ifndef PORTALGEN_BASE_ONCE_SLOTS_H_
#define PORTALGEN_BASE_ONCE_SLOTS_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace portalgen {

template <typename T>
class OnceSlots {
 public:
  explicit OnceSlots(size_t n) : values_(n), once_(std::make_unique<std::once_flag[]>(n)) {}

  /// The value of slot `i`, made by `make()` on first use. `i` must be below n.
  template <typename Make>
  const T& Get(size_t i, Make&& make) {
    std::call_once(once_[i], [&] { values_[i] = make(); });
    return values_[i];
  }

 private:
  std::vector<T> values_;
  std::unique_ptr<std::once_flag[]> once_;
};

}  // namespace portalgen

#endif  // PORTALGEN_BASE_ONCE_SLOTS_H_
