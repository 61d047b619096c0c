#include "serve/stop_signals.h"

#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace portalgen::serve {

Result<std::unique_ptr<StopSignals>> StopSignals::Open() {
  sigset_t stop, old_mask;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  if (pthread_sigmask(SIG_BLOCK, &stop, &old_mask) != 0) {
    return Status::Io("cannot block SIGINT and SIGTERM");
  }
  const int fd = signalfd(-1, &stop, SFD_NONBLOCK | SFD_CLOEXEC);
  if (fd < 0) {
    const std::string reason = std::strerror(errno);
    pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    return Status::Io("cannot wait for signals: " + reason);
  }
  return std::unique_ptr<StopSignals>(new StopSignals(fd, old_mask));
}

StopSignals::~StopSignals() {
  close(fd_);
  pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
}

int StopSignals::Take() {
  signalfd_siginfo info;
  if (read(fd_, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) return 0;
  return static_cast<int>(info.ssi_signo);
}

}  // namespace portalgen::serve
