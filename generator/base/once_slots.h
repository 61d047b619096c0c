// OnceSlots<T>: n values, each computed by the first thread that asks for it and shared after
// that. For per-document results that many outputs repeat (a card, a feed entry).
//
// Not std::call_once: glibc's pthread_once makes a futex system call after every first run,
// waiters or not (~20,000 calls at 10,000 pages, each ~1 us on the virtual machines this is
// measured on). Here a slot's state is an atomic, and only a thread that found the value
// being made waits for it (C++20 atomic wait), and is woken.
#ifndef PORTALGEN_BASE_ONCE_SLOTS_H_
#define PORTALGEN_BASE_ONCE_SLOTS_H_

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

namespace portalgen {

template <typename T>
class OnceSlots {
 public:
  explicit OnceSlots(size_t n) : values_(n), states_(std::make_unique<std::atomic<int>[]>(n)) {}

  /// The value of slot `i`, made by `make()` on first use. `i` must be below n. When `make`
  /// throws, the slot stays empty and the next caller makes it.
  template <typename Make>
  const T& Get(size_t i, Make&& make) {
    std::atomic<int>& state = states_[i];
    int now = state.load(std::memory_order_acquire);
    while (now != kDone) {
      if (now == kEmpty) {
        if (state.compare_exchange_weak(now, kMaking, std::memory_order_acquire)) {
          MakeSlot(i, state, make);
          return values_[i];
        }
      } else if (now == kMaking) {
        // Tell the maker that someone waits, then wait.
        if (state.compare_exchange_weak(now, kWaited, std::memory_order_acquire)) now = kWaited;
      } else {  // kWaited
        state.wait(kWaited, std::memory_order_acquire);
        now = state.load(std::memory_order_acquire);
      }
    }
    return values_[i];
  }

 private:
  static constexpr int kEmpty = 0;
  static constexpr int kMaking = 1;
  static constexpr int kWaited = 2;  // being made, and a thread waits for it
  static constexpr int kDone = 3;

  template <typename MakeFn>
  void MakeSlot(size_t i, std::atomic<int>& state, MakeFn& make) {
    try {
      values_[i] = make();
    } catch (...) {
      Finish(state, kEmpty);
      throw;
    }
    Finish(state, kDone);
  }

  static void Finish(std::atomic<int>& state, int to) {
    if (state.exchange(to, std::memory_order_acq_rel) == kWaited) state.notify_all();
  }

  std::vector<T> values_;
  std::unique_ptr<std::atomic<int>[]> states_;
};

}  // namespace portalgen

#endif  // PORTALGEN_BASE_ONCE_SLOTS_H_
