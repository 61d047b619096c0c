// ParallelFor: runs fn(0..n-1) on up to `jobs` threads. Each call writes only its own slot,
// so results never depend on thread timing.
#ifndef PORTALGEN_BASE_THREAD_POOL_H_
#define PORTALGEN_BASE_THREAD_POOL_H_

#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace portalgen {

/// `jobs` <= 0 means one thread per core.
inline void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const size_t threads = std::min(n, static_cast<size_t>(jobs));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  // The calling thread works too, instead of waiting for the others: glibc gives each thread
  // that allocates an arena of its own, and one arena fewer holds less free memory.
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& th : pool) th.join();
}

}  // namespace portalgen

#endif  // PORTALGEN_BASE_THREAD_POOL_H_
