#include "serve/dev_server.h"

#include <httplib.h>

#include <chrono>

#include "serve/responder.h"

namespace portalgen::serve {

namespace {

// Each open page holds one thread with its event stream, so leave room beyond the cores.
constexpr size_t kThreads = 32;
// Idle keep-alive connections delay shutdown by up to this long.
constexpr time_t kKeepAliveSeconds = 1;
// An idle event stream sends a comment this often, which also notices closed pages.
constexpr std::chrono::milliseconds kHeartbeat(1000);
// SSE comment lines: ignored by EventSource, but they flush the headers and test the socket.
constexpr std::string_view kGreeting = ": portalgen\n\n";
constexpr std::string_view kPing = ": ping\n\n";

bool Write(httplib::DataSink& sink, std::string_view text) {
  return sink.write(text.data(), text.size());
}

void ServeFromState(const StateHolder& state, const httplib::Request& req, httplib::Response& res) {
  // The state stays alive for this request even when a rebuild swaps in a new one.
  const std::shared_ptr<const ServeState> current = state.Get();
  Reply reply = Respond(*current, req.target);
  res.status = reply.status;
  if (!reply.location.empty()) res.set_header("Location", reply.location);
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(reply.body), reply.content_type.c_str());
}

void StreamEvents(ReloadBroadcaster& reload, httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  uint64_t seen = reload.generation();
  bool greeted = false;
  res.set_chunked_content_provider(
      "text/event-stream", [&reload, seen, greeted](size_t, httplib::DataSink& sink) mutable {
        if (!greeted) {
          greeted = true;
          return Write(sink, kGreeting);
        }
        if (std::optional<ReloadKind> kind = reload.Wait(&seen, kHeartbeat)) {
          return Write(sink, SseMessage(*kind));
        }
        if (reload.closed()) {
          sink.done();
          return true;
        }
        return Write(sink, kPing);
      });
}

}  // namespace

DevServer::DevServer(const StateHolder& state, ReloadBroadcaster& reload)
    : state_(state), reload_(reload), server_(std::make_unique<httplib::Server>()) {
  server_->new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server_->set_keep_alive_timeout(kKeepAliveSeconds);
  Route();
}

DevServer::~DevServer() { Stop(); }

void DevServer::Route() {
  server_->Get(std::string(kEventsPath), [this](const httplib::Request&, httplib::Response& res) {
    StreamEvents(reload_, res);
  });
  server_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    ServeFromState(state_, req, res);
  });
}

Result<int> DevServer::Bind(const std::string& host, int port) {
  const int bound =
      port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    return Status::Io("cannot listen on " + host + ":" + std::to_string(port) +
                      " (is the port in use? try --port 0)");
  }
  return bound;
}

void DevServer::Start() {
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // httplib's stop() does nothing before the listen loop runs, so a stop right after the start
  // would leave the thread running for good: wait (briefly) until it runs.
  for (int i = 0; i < 2000 && !server_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void DevServer::Stop() {
  reload_.Close();
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace portalgen::serve
