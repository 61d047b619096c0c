// `portalgen serve`: build the site in memory, serve it on a local address with live reload,
// and rebuild whenever its sources change, until SIGINT or SIGTERM.
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <iostream>

#include "base/file_system.h"
#include "build/pipeline.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "serve/dev_server.h"
#include "serve/site_builder.h"
#include "serve/stop_signals.h"
#include "serve/watcher.h"

extern char** environ;

namespace portalgen::cli {

namespace po = boost::program_options;

namespace {

struct ServeOptions {
  build::BuildOptions build;
  std::string bind = "127.0.0.1";
  int port = 1313;
  bool open = false;
};

// Parses the command line into `*o`; returns the exit code to stop with, or nullopt.
std::optional<int> ParseServeOptions(const std::vector<std::string>& args, ServeOptions* o,
                                     Io& io) {
  std::string now;
  po::options_description desc("options");
  // One option a line reads as the --help table.
  // clang-format off
  desc.add_options()
      ("source,s", po::value(&o->build.source_dir)->default_value("."), "site folder (site.toml, content/, themes/)")
      ("bind", po::value(&o->bind)->default_value("127.0.0.1"), "address to listen on")
      ("port,p", po::value(&o->port)->default_value(1313), "port to listen on (0: any free port)")
      ("drafts", po::bool_switch(&o->build.drafts), "include documents with draft = true")
      ("open", po::bool_switch(&o->open), "open the site in the default browser (xdg-open)")
      ("now", po::value(&now), "reference time for upcoming/past events (as for build)")
      ("jobs,j", po::value(&o->build.jobs)->default_value(0), "threads (0: all cores)");
  // clang-format on
  po::variables_map vm;
  const std::string synopsis =
      "[--source DIR] [--bind 127.0.0.1] [--port 1313] [--drafts] [--open] [--now T] [--jobs N]";
  if (auto code = ParseOptions("serve", synopsis, desc, args, vm, io)) return code;
  if (o->port < 0 || o->port > 65535 || o->build.jobs < 0) {
    io.err << "portalgen serve: error: --port must be 0-65535 and --jobs 0 or more\n";
    return kExitUsage;
  }
  std::optional<int64_t> t = ResolveNow("serve", vm.count("now") > 0, now, io);
  if (!t) return kExitUsage;
  o->build.now = *t;
  return std::nullopt;
}

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1";
}

// The site's base URL as a browser on this machine reaches it.
std::string LocalUrl(const std::string& bind, int port) {
  std::string host = bind;
  if (host == "0.0.0.0" || host == "::" || host.empty()) host = "127.0.0.1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port) + "/";
}

// Starts xdg-open without a shell; returns its pid (0 when it could not start).
pid_t OpenBrowser(const std::string& url) {
  pid_t pid = 0;
  std::string program = "xdg-open", arg = url;
  char* argv[] = {program.data(), arg.data(), nullptr};
  return posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) == 0 ? pid : 0;
}

void Report(const serve::BuildOutcome& outcome, const char* verb, Io& io) {
  io.err << FormatDiagnostics(outcome.diagnostics);
  if (outcome.site) {
    io.out << verb << " in " << static_cast<long>(outcome.milliseconds + 0.5) << " ms ("
           << outcome.pages << " pages"
           << (outcome.incremental ? ", edited bodies only; pages are made on request)"
                                   : "; made on request)")
           << std::endl;
  } else {
    io.err << "portalgen: build failed; the browser shows the errors until they are fixed"
           << std::endl;
  }
}

// How long the sources must stay quiet before a rebuild: one save (write, or write to a temporary
// file and rename) takes well under this; a checkout of many files may take two rebuilds, and a
// body edit rebuilds in milliseconds.
constexpr std::chrono::milliseconds kQuiet(10);

// Rebuilds after each batch of changes until a stop signal arrives.
void WatchAndRebuild(serve::Watcher& watcher, serve::SiteBuilder& builder,
                     serve::StateHolder& state, serve::ReloadBroadcaster& reload, int stop_fd,
                     Io& io) {
  for (;;) {
    serve::ChangeSet changes;
    if (watcher.Wait(stop_fd, &changes, kQuiet) == serve::Watcher::Wake::kStop) return;
    serve::BuildOutcome outcome = builder.Rebuild(changes);
    Report(outcome, "rebuilt", io);
    reload.Publish(serve::ApplyOutcome(outcome, changes, state));
  }
}

}  // namespace

int RunServe(const std::vector<std::string>& args, Io& io) {
  ServeOptions o;
  if (auto code = ParseServeOptions(args, &o, io)) return *code;
  // Before any thread starts, so that every thread inherits the blocked signals.
  Result<std::unique_ptr<serve::StopSignals>> signals = serve::StopSignals::Open();
  Result<std::unique_ptr<serve::Watcher>> watcher = serve::Watcher::Open(o.build.source_dir);
  if (!signals.ok() || !watcher.ok()) {
    io.err << "portalgen serve: error: "
           << (signals.ok() ? watcher.status() : signals.status()).message() << "\n";
    return kExitErrors;
  }
  serve::StateHolder state;
  serve::ReloadBroadcaster reload;
  serve::DevServer server(state, reload);
  Result<int> port = server.Bind(o.bind, o.port);
  if (!port.ok()) {
    io.err << "portalgen serve: error: " << port.status().message() << "\n";
    return kExitErrors;
  }
  if (!IsLoopback(o.bind)) {
    io.err << "portalgen serve: warning: listening on " << o.bind
           << ": other machines can reach this development server\n";
  }
  const std::string url = LocalUrl(o.bind, *port);
  o.build.base_url = url;  // every link then points at this server
  RealFileSystem fs;
  serve::SiteBuilder builder(fs, o.build);
  const serve::BuildOutcome first = builder.BuildAll();
  Report(first, "built", io);
  serve::ApplyOutcome(first, {}, state);
  server.Start();
  io.out << "Serving at " << url << " (Ctrl-C to stop)" << std::endl;
  const pid_t browser = o.open ? OpenBrowser(url) : 0;
  WatchAndRebuild(**watcher, builder, state, reload, (*signals)->fd(), io);
  const int signal = (*signals)->Take();
  server.Stop();
  if (browser > 0) waitpid(browser, nullptr, WNOHANG);
  io.out << "portalgen: stopped" << std::endl;
  return signal == SIGTERM ? 128 + SIGTERM : kExitInterrupted;
}

}  // namespace portalgen::cli
