// SIGINT and SIGTERM as a readable file descriptor (signalfd) rather than a handler and a
// process-wide flag: the serve loop polls it next to the file watcher.
#ifndef PORTALGEN_SERVE_STOP_SIGNALS_H_
#define PORTALGEN_SERVE_STOP_SIGNALS_H_

#include <signal.h>

#include <memory>

#include "base/status.h"

namespace portalgen::serve {

class StopSignals {
 public:
  /// Blocks SIGINT and SIGTERM in the calling thread and opens their signalfd. Call it before
  /// starting any thread: threads inherit the blocked mask, so the signals reach only the fd.
  static Result<std::unique_ptr<StopSignals>> Open();
  /// Restores the previous signal mask.
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  /// Readable once a stop signal is pending.
  int fd() const { return fd_; }
  /// The pending stop signal (SIGINT or SIGTERM), consumed; 0 when none is pending.
  int Take();

 private:
  StopSignals(int fd, sigset_t old_mask) : fd_(fd), old_mask_(old_mask) {}
  int fd_;
  sigset_t old_mask_;
};

}  // namespace portalgen::serve

#endif  // PORTALGEN_SERVE_STOP_SIGNALS_H_
