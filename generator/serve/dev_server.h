// The HTTP side of `serve` (cpp-httplib): answers GETs from the current ServeState and keeps
// the live-reload event stream open. It never reads the disk.
#ifndef PORTALGEN_SERVE_DEV_SERVER_H_
#define PORTALGEN_SERVE_DEV_SERVER_H_

#include <memory>
#include <string>
#include <thread>

#include "base/status.h"
#include "serve/live_reload.h"
#include "serve/snapshot.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace portalgen::serve {

class DevServer {
 public:
  /// `state` and `reload` must outlive the server.
  DevServer(const StateHolder& state, ReloadBroadcaster& reload);
  /// Stops the server if it still runs.
  ~DevServer();
  DevServer(const DevServer&) = delete;
  DevServer& operator=(const DevServer&) = delete;

  /// Binds to `host`:`port`; port 0 picks a free one. Returns the port bound.
  Result<int> Bind(const std::string& host, int port);
  /// Serves on a background thread until Stop(). Requires a successful Bind().
  void Start();
  /// Closes the event streams and the listening socket, and waits for every request thread.
  void Stop();

 private:
  void Route();

  const StateHolder& state_;
  ReloadBroadcaster& reload_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
};

}  // namespace portalgen::serve

#endif  // PORTALGEN_SERVE_DEV_SERVER_H_
