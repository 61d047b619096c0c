// StageClock: how long each stage of a run took, in wall time and in CPU time of the whole
// process (every thread, user and system), and the process's peak memory at its end. The
// ratio of CPU to wall time shows how well a stage used the cores.
#ifndef PORTALGEN_BASE_STAGE_CLOCK_H_
#define PORTALGEN_BASE_STAGE_CLOCK_H_

#include <chrono>
#include <string>
#include <vector>

namespace portalgen {

struct StageTime {
  std::string stage;
  double wall = 0;  // seconds
  double cpu = 0;   // seconds of CPU time, all threads together
  long peak_rss_kib = 0;  // the process's peak resident memory so far, KiB
};

/// The CPU time this process has used so far, user and system, all threads (getrusage).
double ProcessCpuSeconds();
/// The peak resident memory of this process so far, in KiB (getrusage's ru_maxrss).
long ProcessPeakRssKib();

class StageClock {
 public:
  StageClock() { Restart(); }
  /// Starts the next stage now.
  void Restart();
  /// Ends the current stage, named `stage`, appending it to `out`; the next one starts now.
  void Done(const char* stage, std::vector<StageTime>& out);

 private:
  std::chrono::steady_clock::time_point wall_;
  double cpu_ = 0;
};

}  // namespace portalgen

#endif  // PORTALGEN_BASE_STAGE_CLOCK_H_
