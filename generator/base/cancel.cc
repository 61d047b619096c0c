#include "base/cancel.h"

#include <signal.h>

#include <atomic>

namespace portalgen {

namespace {

std::atomic<bool> g_requested{false};
std::atomic<int> g_signal{0};

extern "C" void OnStopSignal(int sig) {
  // Async-signal-safe: lock-free atomics and signal() only.
  g_signal.store(sig);
  g_requested.store(true);
  signal(sig, SIG_DFL);  // a second signal of the same kind ends the process
}

}  // namespace

void InstallCancelHandlers() {
  struct sigaction action = {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool CancelRequested() { return g_requested.load(std::memory_order_relaxed); }
int CancelSignal() { return g_signal.load(); }
void RequestCancel() { g_requested.store(true); }
void ResetCancel() {
  g_requested.store(false);
  g_signal.store(0);
}

}  // namespace portalgen
