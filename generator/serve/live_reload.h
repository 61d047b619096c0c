// Live reload: the Server-Sent Events channel that tells open pages to reload (or to refresh
// only their stylesheets), and the small script that listens to it. Only `serve` uses this;
// `build` output never contains the script.
#ifndef PORTALGEN_SERVE_LIVE_RELOAD_H_
#define PORTALGEN_SERVE_LIVE_RELOAD_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace portalgen::serve {

/// The SSE endpoint the injected script connects to.
inline constexpr std::string_view kEventsPath = "/__portalgen/events";

enum class ReloadKind { kReload, kCss };

/// The inline <script> element: reloads the page on a `reload` event, and on a `css` event
/// re-fetches every stylesheet with a cache-busting query instead.
std::string_view LiveReloadScript();

/// `html` with `fragment` inserted before its last "</body>" (any case), or appended when
/// there is none.
std::string InjectBeforeBodyEnd(std::string_view html, std::string_view fragment);

/// One SSE message: "event: reload\ndata: 1\n\n".
std::string SseMessage(ReloadKind kind);

/// Hands each reload event to every connected client. A client remembers the last generation
/// it saw, so an event published while it was busy writing is not lost.
class ReloadBroadcaster {
 public:
  void Publish(ReloadKind kind);
  /// The current generation: a new client starts from here.
  uint64_t generation() const;
  /// Waits up to `timeout` for an event after generation `*seen`, and moves `*seen` to the
  /// latest. Several events at once collapse into one: kCss only if the single event was.
  /// nullopt on timeout or once closed.
  std::optional<ReloadKind> Wait(uint64_t* seen, std::chrono::milliseconds timeout);
  /// Wakes every waiter for good, so that the server's threads can finish.
  void Close();
  bool closed() const;

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  uint64_t generation_ = 0;
  ReloadKind last_ = ReloadKind::kReload;
  bool closed_ = false;
};

}  // namespace portalgen::serve

#endif  // PORTALGEN_SERVE_LIVE_RELOAD_H_
