#include "base/stage_clock.h"

#include <sys/resource.h>

namespace portalgen {

double ProcessCpuSeconds() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

long ProcessPeakRssKib() {
  rusage usage{};
  return getrusage(RUSAGE_SELF, &usage) == 0 ? usage.ru_maxrss : 0;
}

void StageClock::Restart() {
  wall_ = std::chrono::steady_clock::now();
  cpu_ = ProcessCpuSeconds();
}

void StageClock::Done(const char* stage, std::vector<StageTime>& out) {
  const auto wall = std::chrono::steady_clock::now();
  const double cpu = ProcessCpuSeconds();
  out.push_back({stage, std::chrono::duration<double>(wall - wall_).count(), cpu - cpu_,
                 ProcessPeakRssKib()});
  wall_ = wall;
  cpu_ = cpu;
}

}  // namespace portalgen
