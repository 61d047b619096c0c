// `serve`: unit tests for request paths, content types, script injection, the error overlay,
// the reload fan-out and the watcher; then end to end against a `portalgen serve` child process
// on a loopback port (edits, live reload, error overlay, traversal, load during rebuilds, and
// SIGINT). Every wait is bounded; each server is stopped by its test.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <mutex>

#include "serve/error_overlay.h"
#include "serve/live_reload.h"
#include "serve/responder.h"
#include "serve/safe_path.h"
#include "serve/serve_process.h"
#include "serve/site_builder.h"
#include "serve/snapshot.h"
#include "serve/watcher.h"
#include "test_util.h"

namespace portalgen::testing {
namespace {

using serve::ReloadKind;

TEST(SafePathTest, DecodesSitePathsAndRefusesEverythingElse) {
  struct Case {
    const char* target;
    const char* decoded;  // nullptr: refused
  } cases[] = {
      {"/", "/"},
      {"/briefs/x/", "/briefs/x/"},
      {"/style.css?v=3", "/style.css"},
      {"/a%20b/#top", "/a b/"},
      {"/caf%C3%A9/", "/caf\xC3\xA9/"},
      {"/../site.toml", nullptr},
      {"/%2e%2e/site.toml", nullptr},
      {"/%2E%2E/site.toml", nullptr},
      {"/..%2fsite.toml", nullptr},
      {"/a%2Fb", nullptr},
      {"/a%5c..%5cb", nullptr},
      {"/a\\..\\b", nullptr},
      {"//etc/passwd", nullptr},
      {"/a//b", nullptr},
      {"/./a", nullptr},
      {"/a/..", nullptr},
      {"/%00", nullptr},
      {"/a%0a", nullptr},
      {"/bad%zz", nullptr},
      {"/trailing%2", nullptr},
      {"etc/passwd", nullptr},
      {"http://example.org/", nullptr},
      {"", nullptr},
  };
  for (const Case& c : cases) {
    std::optional<std::string> got = serve::DecodeRequestPath(c.target);
    if (c.decoded) {
      EXPECT_EQ(got.value_or("<refused>"), c.decoded) << c.target;
    } else {
      EXPECT_FALSE(got) << c.target << " -> " << *got;
    }
  }
}

TEST(SafePathTest, MapsSitePathsToSnapshotKeys) {
  EXPECT_EQ(serve::SnapshotKey("/"), "index.html");
  EXPECT_EQ(serve::SnapshotKey("/briefs/x/"), "briefs/x/index.html");
  EXPECT_EQ(serve::SnapshotKey("/feed.xml"), "feed.xml");
  EXPECT_EQ(serve::SnapshotKey("/about"), "about");
}

TEST(SnapshotTest, ContentTypesByExtension) {
  struct Case {
    const char* path;
    const char* type;
  } cases[] = {
      {"index.html", "text/html; charset=utf-8"},
      {"style.css", "text/css; charset=utf-8"},
      {"app.js", "text/javascript; charset=utf-8"},
      {"search/index.json", "application/json"},
      {"feed.xml", "application/xml"},
      {"events.ics", "text/calendar; charset=utf-8"},
      {"logo.svg", "image/svg+xml"},
      {"a.png", "image/png"},
      {"a.JPG", "image/jpeg"},
      {"a.jpeg", "image/jpeg"},
      {"a.webp", "image/webp"},
      {"docs/a.pdf", "application/pdf"},
      {"f.woff2", "font/woff2"},
      {"robots.txt", "text/plain; charset=utf-8"},
      {"archive.tar.gz", "application/octet-stream"},
      {"Makefile", "application/octet-stream"},
      {".hidden", "application/octet-stream"},
      {"dir.html/file", "application/octet-stream"},
  };
  for (const Case& c : cases) EXPECT_EQ(serve::ContentTypeFor(c.path), c.type) << c.path;
}

TEST(LiveReloadTest, InjectsBeforeTheLastBodyEnd) {
  EXPECT_EQ(serve::InjectBeforeBodyEnd("<p>x</p></body></html>", "<s>"),
            "<p>x</p><s></body></html>");
  EXPECT_EQ(serve::InjectBeforeBodyEnd("<code></body></code>\n</BODY>", "<s>"),
            "<code></body></code>\n<s></BODY>");
  EXPECT_EQ(serve::InjectBeforeBodyEnd("<p>no body end", "<s>"), "<p>no body end<s>");
  EXPECT_EQ(serve::InjectBeforeBodyEnd("", "<s>"), "<s>");
}

TEST(LiveReloadTest, ScriptIsSmallAndListensForBothEvents) {
  const std::string_view script = serve::LiveReloadScript();
  EXPECT_LT(script.size(), 400u);
  EXPECT_TRUE(script.starts_with("<script>") && script.ends_with("</script>"));
  EXPECT_NE(script.find("/__portalgen/events"), std::string_view::npos);
  EXPECT_NE(script.find("\"reload\""), std::string_view::npos);
  EXPECT_NE(script.find("\"css\""), std::string_view::npos);
  EXPECT_EQ(serve::SseMessage(ReloadKind::kCss), "event: css\ndata: 1\n\n");
  EXPECT_EQ(serve::SseMessage(ReloadKind::kReload), "event: reload\ndata: 1\n\n");
}

TEST(LiveReloadTest, BroadcasterCollapsesMissedEventsIntoAReload) {
  serve::ReloadBroadcaster b;
  uint64_t seen = b.generation();
  EXPECT_EQ(b.Wait(&seen, milliseconds(1)), std::nullopt);
  b.Publish(ReloadKind::kCss);
  EXPECT_EQ(b.Wait(&seen, milliseconds(1)), ReloadKind::kCss);
  b.Publish(ReloadKind::kCss);
  b.Publish(ReloadKind::kCss);
  EXPECT_EQ(b.Wait(&seen, milliseconds(1)), ReloadKind::kReload);
  b.Close();
  b.Publish(ReloadKind::kReload);
  EXPECT_EQ(b.Wait(&seen, milliseconds(1000)), std::nullopt);  // returns at once
}

TEST(ErrorOverlayTest, EscapesTheDiagnosticsText) {
  const std::string overlay = serve::ErrorOverlay(
      "content/a.md:3:5: error: bad <tag> & \"quote\"\ntitle = \"</pre><script>\"\n    ^\n");
  EXPECT_NE(overlay.find("position:fixed"), std::string::npos);
  EXPECT_NE(overlay.find("content/a.md:3:5: error: bad &lt;tag&gt; &amp; &quot;quote&quot;\n"
                         "title = &quot;&lt;/pre&gt;&lt;script&gt;&quot;\n    ^\n</pre>"),
            std::string::npos);
  EXPECT_EQ(overlay.find("<script>"), std::string::npos);
}

serve::ServeState StateWith(std::vector<output::OutputFile> files, std::string error = {}) {
  serve::ServeState state;
  state.site = std::make_shared<const serve::Snapshot>(std::move(files));
  state.error = std::move(error);
  return state;
}

TEST(ResponderTest, RoutesOnlySnapshotEntries) {
  const serve::ServeState state = StateWith({{"index.html", "<html><body>home</body></html>"},
                                             {"about/index.html", "<body>about</body>"},
                                             {"404.html", "<body>lost</body>"},
                                             {"style.css", "p{}"}});
  serve::Reply home = serve::Respond(state, "/");
  EXPECT_EQ(home.status, 200);
  EXPECT_EQ(home.body,
            "<html><body>home" + std::string(serve::LiveReloadScript()) + "</body></html>");
  serve::Reply css = serve::Respond(state, "/style.css?v=1");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.body, "p{}");
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  serve::Reply redirect = serve::Respond(state, "/about?x=1");
  EXPECT_EQ(redirect.status, 301);
  EXPECT_EQ(redirect.location, "/about/?x=1");
  serve::Reply missing = serve::Respond(state, "/nope/");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("lost"), std::string::npos);
  EXPECT_EQ(serve::Respond(state, "/../index.html").status, 400);
}

TEST(ResponderTest, OverlaysErrorsAndServesAnErrorPageBeforeAnyGoodBuild) {
  const serve::ServeState failed = StateWith({{"index.html", "<body>home</body>"}}, "x.md:1:1");
  const serve::Reply page = serve::Respond(failed, "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("home<div id=\"portalgen-error\""), std::string::npos);
  EXPECT_NE(page.body.find("x.md:1:1"), std::string::npos);
  serve::ServeState never;
  never.error = "x.md:2:3: error: broken";
  const serve::Reply error = serve::Respond(never, "/any/");
  EXPECT_EQ(error.status, 503);
  EXPECT_NE(error.body.find("x.md:2:3"), std::string::npos);
  EXPECT_NE(error.body.find("EventSource"), std::string::npos);
}

TEST(SiteBuilderTest, FailedBuildKeepsTheLastGoodSite) {
  serve::StateHolder holder;
  serve::BuildOutcome good;
  good.site = std::make_shared<const serve::Snapshot>(
      std::vector<output::OutputFile>{{"style.css", "a{}"}});
  serve::ChangeSet css;
  css.paths = {"static/style.css"};
  EXPECT_EQ(serve::ApplyOutcome(good, css, holder), ReloadKind::kCss);
  serve::BuildOutcome bad;
  bad.diagnostics.push_back({Diagnostic::Severity::kError, "static/x", 1, 1, "broken", {}, {}});
  EXPECT_EQ(serve::ApplyOutcome(bad, css, holder), ReloadKind::kReload);
  EXPECT_EQ(holder.Get()->site, good.site);
  EXPECT_NE(holder.Get()->error.find("static/x:1:1: error: broken"), std::string::npos);
  EXPECT_EQ(serve::ApplyOutcome(good, css, holder), ReloadKind::kReload);  // clears the overlay
  EXPECT_EQ(holder.Get()->error, "");
}

TEST(WatcherTest, ClassifiesChanges) {
  EXPECT_EQ(serve::ClassifyChange("site.toml"), serve::ChangeKind::kConfig);
  EXPECT_EQ(serve::ClassifyChange("content/events/a.md"), serve::ChangeKind::kContent);
  EXPECT_EQ(serve::ClassifyChange("static/a.css"), serve::ChangeKind::kStatic);
  EXPECT_EQ(serve::ClassifyChange("themes/t/templates/a.mustache"), serve::ChangeKind::kTheme);
  EXPECT_EQ(serve::ClassifyChange("README.md"), std::nullopt);
  EXPECT_EQ(serve::ClassifyChange("content/.a.md.swp"), std::nullopt);
  EXPECT_EQ(serve::ClassifyChange("content/a.md~"), std::nullopt);
  serve::ChangeSet css;
  css.paths = {"static/a.css", "themes/t/static/b.css"};
  EXPECT_TRUE(css.OnlyStylesheets());
  css.paths.insert("content/a.css");
  EXPECT_FALSE(css.OnlyStylesheets());
}

TEST(WatcherTest, SeesFilesInNewFoldersAndStops) {
  TempDir tmp;
  WriteFile(tmp.path() / "content" / "a.md", "a");
  Result<std::unique_ptr<serve::Watcher>> watcher = serve::Watcher::Open(tmp.path().string());
  ASSERT_TRUE(watcher.ok()) << watcher.status().message();
  int stop[2];
  ASSERT_EQ(pipe(stop), 0);
  // Written before Wait: the events are queued, so Wait returns without blocking.
  WriteFile(tmp.path() / "content" / "new" / "deep" / "b.md", "b");
  WriteFile(tmp.path() / "site.toml", "title = 'x'");
  WriteFile(tmp.path() / "notes.txt", "ignored");
  serve::ChangeSet changes;
  ASSERT_EQ((*watcher)->Wait(stop[0], &changes), serve::Watcher::Wake::kChanges);
  EXPECT_TRUE(changes.paths.count("content/new/deep/b.md"));
  EXPECT_TRUE(changes.paths.count("site.toml"));
  EXPECT_FALSE(changes.paths.count("notes.txt"));
  ASSERT_EQ(write(stop[1], "x", 1), 1);
  serve::ChangeSet none;
  EXPECT_EQ((*watcher)->Wait(stop[0], &none), serve::Watcher::Wake::kStop);
  close(stop[0]);
  close(stop[1]);
}

// ---- End to end ----

const fs::path kTests = fs::path(PORTALGEN_SOURCE_DIR) / "tests";
constexpr milliseconds kDeadline(5000);

// The basic fixture site with the shared test themes, as tests/sites_test.cc lays it out.
class ServeEndToEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    CopyTree(kTests / "themes", site_ / "themes");
    CopyTree(kTests / "sites" / "basic", site_, "expected");
    server_ = std::make_unique<ServeProcess>(site_, tmp_.path() / "serve.err");
    ASSERT_GT(server_->port(), 0) << server_->stdout_text() << ReadFile(tmp_.path() / "serve.err");
  }
  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->Stop(SIGINT, kDeadline), 130);
    }
  }

  std::string Get(const std::string& path) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(5, 0);
    httplib::Result r = client.Get(path.c_str());
    return r && r->status == 200 ? r->body : std::string();
  }

  TempDir tmp_;
  const fs::path site_ = tmp_.path() / "site";
  std::unique_ptr<ServeProcess> server_;
};

// Collects the event stream of /__portalgen/events on its own thread until destroyed.
class EventListener {
 public:
  explicit EventListener(int port)
      : thread_([this, port] {
          httplib::Client client("127.0.0.1", port);
          client.set_read_timeout(5, 0);
          client.Get("/__portalgen/events", [this](const char* data, size_t n) {
            std::lock_guard<std::mutex> lock(mu_);
            text_.append(data, n);
            return !stop_;
          });
        }) {}
  ~EventListener() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    thread_.join();  // the server pings every second, so the client notices within that
  }
  bool Saw(const std::string& needle) {
    std::lock_guard<std::mutex> lock(mu_);
    return text_.find(needle) != std::string::npos;
  }

 private:
  std::mutex mu_;
  std::string text_;
  bool stop_ = false;
  std::thread thread_;
};

TEST_F(ServeEndToEnd, ServesEditsReloadsAndShowsBuildErrors) {
  const std::string home = Get("/");
  EXPECT_NE(home.find("<title>Test Portal</title>"), std::string::npos);
  EXPECT_NE(home.find("href=\"/briefs/\""), std::string::npos) << "base URL not rewritten";
  EXPECT_NE(home.find("/__portalgen/events"), std::string::npos);
  EventListener events(server_->port());
  ASSERT_TRUE(PollUntil([&] { return events.Saw(": portalgen"); }, kDeadline));

  const fs::path about = site_ / "content" / "about.md";
  const std::string original = ReadFile(about);
  WriteFile(about, ReplaceAll(original, "We coordinate.", "We coordinate freshly."));
  EXPECT_TRUE(
      PollUntil([&] { return Get("/about/").find("freshly") != std::string::npos; }, kDeadline));
  EXPECT_TRUE(PollUntil([&] { return events.Saw("event: reload"); }, kDeadline));

  WriteFile(site_ / "themes" / "mini" / "static" / "style.css", "body { color: #123; }\n");
  EXPECT_TRUE(PollUntil([&] { return events.Saw("event: css"); }, kDeadline));

  WriteFile(about, "+++\ntitle = \"About\"\n## Mandate\n");
  ASSERT_TRUE(PollUntil([&] { return Get("/about/").find("portalgen-error") != std::string::npos; },
                        kDeadline));
  const std::string broken = Get("/about/");
  EXPECT_NE(broken.find("freshly"), std::string::npos) << "the last good page must stay";
  EXPECT_NE(broken.find("content/about.md:1:1: error: unclosed front matter"), std::string::npos);

  WriteFile(about, original);
  EXPECT_TRUE(PollUntil([&] { return Get("/about/").find("portalgen-error") == std::string::npos; },
                        kDeadline));
  EXPECT_NE(Get("/about/").find("We coordinate."), std::string::npos);
}

TEST_F(ServeEndToEnd, RefusesTraversalAndServesOnlyTheSite) {
  for (const char* target : {"/../site.toml", "/%2e%2e/site.toml", "/..%2fsite.toml", "/a\\..\\b",
                             "//etc/passwd", "/%00", "/../../../../etc/passwd"}) {
    const RawResponse r = RawGet(server_->port(), target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.text.find("base_url"), std::string::npos) << target;
    EXPECT_EQ(r.text.find("root:"), std::string::npos) << target;
  }
  for (const char* target : {"/site.toml", "/content/about.md", "/themes/mini/static/style.css"}) {
    const RawResponse r = RawGet(server_->port(), target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.text.find("base_url"), std::string::npos) << target;
  }
  const RawResponse missing = RawGet(server_->port(), "/no/such/page/");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.text.find("text/html"), std::string::npos);  // the site's 404.html
  const RawResponse redirect = RawGet(server_->port(), "/about");
  EXPECT_EQ(redirect.status, 301);
  EXPECT_NE(redirect.text.find("Location: /about/"), std::string::npos);
  const RawResponse css = RawGet(server_->port(), "/style.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_NE(css.text.find("Content-Type: text/css"), std::string::npos);
  EXPECT_EQ(css.text.find("EventSource"), std::string::npos);
  EXPECT_EQ(RawGet(server_->port(), "/docs/file.txt").status, 200);
}

TEST_F(ServeEndToEnd, ConcurrentRequestsDuringRebuildsSeeCompletePages) {
  constexpr int kThreads = 4, kRequestsPerThread = 50, kEdits = 20;
  std::atomic<int> complete{0};
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", server_->port());
      client.set_read_timeout(5, 0);
      for (int i = 0; i < kRequestsPerThread; ++i) {
        httplib::Result r = client.Get(i % 2 ? "/" : "/about/");
        const std::string body = r ? r->body : std::string();
        const char* title = i % 2 ? "<title>Test Portal</title>" : "<title>About</title>";
        const size_t end = body.find_last_not_of('\n');
        const bool whole = r && r->status == 200 && end != std::string::npos &&
                           std::string_view(body).substr(0, end + 1).ends_with("</html>") &&
                           body.find(title) != std::string::npos;
        if (whole) {
          ++complete;
        } else if (failures[t].empty()) {
          failures[t] = r ? body.substr(0, 200) : "request failed";
        }
        std::this_thread::sleep_for(milliseconds(30));
      }
    });
  }
  const fs::path about = site_ / "content" / "about.md";
  const std::string original = ReadFile(about);
  for (int i = 0; i < kEdits; ++i) {
    WriteFile(about, original + "\nEdit number " + std::to_string(i) + ".\n");
    std::this_thread::sleep_for(milliseconds(100));
  }
  for (std::thread& c : clients) c.join();
  EXPECT_EQ(complete.load(), kThreads * kRequestsPerThread);
  for (const std::string& f : failures) EXPECT_EQ(f, "");
  EXPECT_TRUE(PollUntil([&] { return Get("/about/").find("Edit number 19.") != std::string::npos; },
                        kDeadline));
}

TEST_F(ServeEndToEnd, StopsOnSigintAndLeavesTheSiteAsItWas) {
  const auto before = ReadTree(site_);
  EXPECT_NE(Get("/").find("</html>"), std::string::npos);
  EXPECT_EQ(server_->Stop(SIGINT, kDeadline), 130);
  server_.reset();
  EXPECT_EQ(ReadTree(site_), before);
  EXPECT_EQ(ReadTree(tmp_.path()).size(), before.size() + 1);  // + serve.err, nothing else
}

}  // namespace
}  // namespace portalgen::testing
