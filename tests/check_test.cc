// `portalgen check`: unit tests for the HTML scanner, link resolution and report formats, and
// end-to-end fixtures: every tests/check/<case>/ (a site over the shared mini theme and
// tests/check/site.toml) prints exactly expected-text.txt (stderr, --format text) and
// expected-github.txt (stdout, --format github); it exits 1 when the text has an error.
//
// Set PORTALGEN_UPDATE_GOLDEN=1 to rewrite the expected files (then read the diff by hand).
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "check/external_links.h"
#include "check/html_scan.h"
#include "check/report.h"
#include "check/site_index.h"
#include "test_util.h"

namespace portalgen::testing {
namespace {

const fs::path kTests = fs::path(PORTALGEN_SOURCE_DIR) / "tests";

TEST(HtmlScanTest, FindsTagsAndDecodedAttributes) {
  const auto tags = check::ScanTags(
      "<!-- <a href=x> --><A HREF='/a?b=1&amp;c=2' id=top>x</a><script>if (a<b) '<a href=y>'"
      "</script><img src=\"/i.png\" alt=\"\"><p class=x data-v=\"&#233;&#x41;\">");
  ASSERT_EQ(tags.size(), 4u);
  EXPECT_EQ(tags[0].name, "a");
  EXPECT_EQ(*tags[0].Find("href"), "/a?b=1&c=2");
  EXPECT_EQ(*tags[0].Find("id"), "top");
  EXPECT_EQ(tags[1].name, "script");
  EXPECT_EQ(tags[2].name, "img");
  EXPECT_EQ(*tags[2].Find("alt"), "");
  EXPECT_EQ(*tags[3].Find("data-v"),
            "\xC3\xA9"
            "A");
  EXPECT_EQ(tags[3].Find("href"), nullptr);
}

TEST(SiteIndexTest, ResolvesLinksAgainstFilesAndIds) {
  const std::vector<output::OutputFile> files = {
      {"index.html", "<h2 id=\"intro\">x</h2>"},
      {"briefs/x/index.html", "<h2 id=\"key-findings\">x</h2>"},
      {"files/report.pdf", "%PDF"},
  };
  const check::SiteIndex index(files, "https://example.org/icat/");
  struct Case {
    const char* href;
    const char* page;
    const char* problem;  // "" when the link resolves; "-" when it is not internal
  } cases[] = {
      {"/icat/briefs/x/", "/", ""},
      {"/icat/briefs/x", "/", ""},
      {"/icat/", "/briefs/x/", ""},
      {"/icat", "/briefs/x/", ""},
      {"https://example.org/icat/files/report.pdf", "/", ""},
      {"../../files/report.pdf", "/briefs/x/", ""},
      {"#key-findings", "/briefs/x/", ""},
      {"/icat/#top", "/briefs/x/", ""},
      {"/icat/briefs/x/?a=1#key-findings", "/", ""},
      {"/icat/files/report%2Epdf", "/", ""},
      {"/icat/files/report.pd%66", "/", ""},  // an escape that ends the path...
      {"#key-finding%73", "/briefs/x/", ""},  // ...or the fragment is decoded too
      {"/icat/files/report.pdf%", "/",        // a '%' without two hex digits stays as it is
       "broken link '/icat/files/report.pdf%': no file '/files/report.pdf%' in static/ or the "
       "theme"},
      {"mailto:a@b.org", "/", "-"},
      {"https://other.org/icat/", "/", "-"},
      {"//cdn.example.org/x.js", "/", "-"},
      {"/briefs/x/", "/", "link '/briefs/x/' is outside the site's base path '/icat/'"},
      {"../../../x/", "/briefs/x/", "link '../../../x/' climbs above the site's root"},
      {"/icat/briefs/y/", "/", "broken link '/icat/briefs/y/': no page at '/briefs/y/'"},
      {"/icat/files/r.pdf", "/",
       "broken link '/icat/files/r.pdf': no file '/files/r.pdf' in static/ or the theme"},
      {"#key", "/briefs/x/", "broken anchor '#key': no id 'key' on this page"},
      {"/icat/#intr", "/briefs/x/", "broken anchor '#intr': no id 'intr' on '/'"},
  };
  for (const Case& c : cases) {
    check::LinkProblem problem;
    std::optional<check::InternalLink> link = index.Internal(c.href, c.page, &problem);
    if (link) {
      if (auto bad = index.Check(c.href, *link, c.page)) problem = *bad;
    } else if (problem.message.empty()) {
      problem.message = "-";
    }
    EXPECT_EQ(problem.message, c.problem) << c.href << " on " << c.page;
  }
}

TEST(ReportTest, GithubAnnotationsAreEscaped) {
  const std::vector<Diagnostic> ds = {
      {Diagnostic::Severity::kError, "content/a,b:c.md", 3, 7, "100% broken\nlink", "x, y", {}},
      {Diagnostic::Severity::kWarning, "public/x.html", 0, 0, "orphan: page", "", {}},
      {Diagnostic::Severity::kError, "", 0, 0, "no site.toml\r", "", {}},
  };
  EXPECT_EQ(check::FormatGithub(ds),
            "::error file=content/a%2Cb%3Ac.md,line=3,col=7::100%25 broken%0Alink (x, y)\n"
            "::warning file=public/x.html::orphan: page\n"
            "::error::no site.toml%0D\n");
}

TEST(ReportTest, JsonHasOneObjectPerDiagnostic) {
  const std::vector<Diagnostic> ds = {
      {Diagnostic::Severity::kError, "content/a.md", 3, 7, "broken \"link\"", "hint", {}},
      {Diagnostic::Severity::kWarning, "x.html", 0, 0, "orphan", "", {}},
  };
  const nlohmann::json parsed = nlohmann::json::parse(check::FormatJson(ds));
  ASSERT_EQ(parsed.size(), 2u);
  EXPECT_EQ(parsed[0], nlohmann::json({{"severity", "error"},
                                       {"path", "content/a.md"},
                                       {"line", 3},
                                       {"col", 7},
                                       {"message", "broken \"link\""},
                                       {"hint", "hint"}}));
  EXPECT_EQ(parsed[1]["severity"], "warning");
  EXPECT_EQ(check::FormatJson({}), "[]\n");
}

// The HEAD checker against a server on 127.0.0.1 only: no test reaches the internet.
TEST(ExternalLinksTest, ReportsGonePagesAndCachesSuccesses) {
  httplib::Server server;
  int requests = 0;
  server.Get("/ok", [&](const httplib::Request&, httplib::Response& res) {
    ++requests;
    res.set_content("ok", "text/plain");
  });
  server.Get("/moved",
             [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/ok"); });
  const int port = server.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread thread([&] { server.listen_after_bind(); });
  for (int i = 0; i < 200 && !server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  std::vector<check::ExternalRef> refs;
  for (const char* path : {"/ok", "/moved", "/gone"}) {
    Diagnostic where{Diagnostic::Severity::kError, "content/a.md", 2, 5, "", "", "x"};
    refs.push_back({base + path, where});
  }
  MemoryFileSystem fs;
  check::ExternalOptions options;
  options.timeout_seconds = 2;
  options.concurrency = 2;
  options.cache_path = "cache.json";
  options.now = 1000;
  DiagnosticSink sink;
  check::CheckExternalLinks(fs, refs, options, sink);
  const int first_run = requests;
  DiagnosticSink again;
  check::CheckExternalLinks(fs, refs, options, again);
  server.stop();
  thread.join();

  const std::vector<Diagnostic> ds = sink.Sorted();
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].message, "external link '" + base + "/gone' is gone (HTTP 404)");
  EXPECT_EQ(ds[0].line, 2);
  EXPECT_EQ(again.error_count(), 1);
  EXPECT_EQ(requests, first_run) << "cached successes were asked again";
  EXPECT_EQ(check::FetchStatus("http://127.0.0.1:1/x", 1).status, 0);
}

bool UpdateGolden() { return std::getenv("PORTALGEN_UPDATE_GOLDEN") != nullptr; }

std::vector<std::string> Cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kTests / "check")) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class CheckFixtureTest : public ::testing::TestWithParam<std::string> {
 protected:
  // The shared mini theme and site.toml, then the case's own files over them.
  void SetUp() override {
    fixture_ = kTests / "check" / GetParam();
    site_ = tmp_.path() / "site";
    CopyTree(kTests / "themes", site_ / "themes");
    WriteFile(site_ / "site.toml", ReadFile(kTests / "check" / "site.toml"));
    CopyTree(fixture_, site_);
    for (const char* name : {"expected-text.txt", "expected-github.txt"}) {
      fs::remove(site_ / name);
    }
  }
  RunResult Check(const std::string& format) {
    return RunPortalgen("check --format " + format + " --source '" + site_.string() + "'");
  }
  void ExpectGolden(const std::string& actual, const char* name) {
    if (UpdateGolden()) WriteFile(fixture_ / name, actual);
    EXPECT_EQ(actual, ReadFile(fixture_ / name)) << "in " << name;
  }

  TempDir tmp_;
  fs::path fixture_, site_;
};

TEST_P(CheckFixtureTest, TextFormat) {
  const RunResult r = Check("text");
  ExpectGolden(r.err, "expected-text.txt");
  EXPECT_EQ(r.exit_code, r.err.find(": error: ") == std::string::npos ? 0 : 1);
  EXPECT_EQ(r.out, "");
}

TEST_P(CheckFixtureTest, GithubFormat) {
  const RunResult r = Check("github");
  ExpectGolden(r.out, "expected-github.txt");
  EXPECT_EQ(r.exit_code, r.out.find("::error") == std::string::npos ? 0 : 1);
}

TEST_P(CheckFixtureTest, JsonFormatMatchesText) {
  const RunResult r = Check("json");
  const nlohmann::json parsed = nlohmann::json::parse(r.out);
  const std::string text = ReadFile(fixture_ / "expected-text.txt");
  for (const nlohmann::json& d : parsed) {
    EXPECT_NE(text.find(d["message"].get<std::string>()), std::string::npos) << d.dump();
  }
  EXPECT_EQ(r.err, "");
}

INSTANTIATE_TEST_SUITE_P(Check, CheckFixtureTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(CheckCommandTest, RejectsAnUnknownFormat) {
  const RunResult r = RunPortalgen("check --format xml --source /nonexistent");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "portalgen check: error: --format 'xml' is not one of text, github, json\n");
}

}  // namespace
}  // namespace portalgen::testing
