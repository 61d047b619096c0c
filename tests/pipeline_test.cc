// Unit tests of generator/build/pipeline: a whole small site built on a MemoryFileSystem —
// the pages it writes, atomicity on content errors, and determinism across jobs and "now".
#include "build/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "base/cancel.h"
#include "base/diagnostics.h"
#include "base/file_system.h"
#include "diagnostic_lines.h"

namespace portalgen::build {
namespace {

using Tree = std::map<std::string, std::string>;

constexpr int64_t k2020 = 1577836800;  // 2020-01-01T00:00:00Z: both events upcoming
constexpr int64_t k2031 = 1924992000;  // 2031-01-01T00:00:00Z: both events past

// Writes site/<rel>.
void Put(MemoryFileSystem& fs, const std::string& rel, const std::string& text) {
  ASSERT_TRUE(fs.Write("site/" + rel, text).ok()) << rel;
}

// A tiny theme whose home page shows which events are upcoming and which are past.
void PutTheme(MemoryFileSystem& fs) {
  for (const char* name : {"page", "brief", "event", "member", "list", "terms", "404"}) {
    Put(fs, std::string("themes/tiny/templates/") + name + ".mustache", "{{> head}}{{page.title}}");
  }
  Put(fs, "themes/tiny/templates/index.mustache",
      "{{> head}}up:{{#page.upcoming_events}}{{url}} {{/page.upcoming_events}}"
      "past:{{#page.past_events}}{{url}} {{/page.past_events}}");
  Put(fs, "themes/tiny/templates/partials/head.mustache", "<title>{{page.title}}</title>\n");
  Put(fs, "themes/tiny/static/style.css", "body{}");
}

void PutSite(MemoryFileSystem& fs) {
  Put(fs, "site.toml",
      "title = \"Tiny\"\nbase_url = \"https://example.org/\"\ntheme = \"tiny\"\n"
      "[[priorities]]\nnumber = 1\nslug = \"evidence\"\ntitle = \"Evidence\"\n");
  PutTheme(fs);
  Put(fs, "static/docs/file.txt", "download");
  Put(fs, "content/index.md", "+++\ntitle = \"Home\"\n+++\nWelcome.\n");
  Put(fs, "content/about.md", "+++\ntitle = \"About\"\n+++\nSee [[member:alpha]].\n");
  Put(fs, "content/members/alpha.md",
      "+++\ntitle = \"Alpha Agency\"\nacronym = \"ALPHA\"\nstatus = \"member\"\n+++\n");
  Put(fs, "content/briefs/b1.md",
      "+++\ntitle = \"Brief one\"\nkind = \"issue-brief\"\ndate = 2022-05-01\n"
      "members = [\"alpha\"]\ntopics = [\"Migration\"]\npriorities = [1]\n+++\nText.\n");
  Put(fs, "content/events/past.md",
      "+++\ntitle = \"Launch\"\nstart = 2022-10-11T13:30:00+02:00\n"
      "timezone = \"Europe/Vienna\"\nmembers = [\"alpha\"]\nbriefs = [\"b1\"]\n"
      "[[speakers]]\nname = \"Ana Pérez\"\nmember = \"alpha\"\n+++\n");
  Put(fs, "content/events/next.md",
      "+++\ntitle = \"Meeting\"\nstart = 2030-01-15T09:00:00Z\ntopics = [\"Migration\"]\n+++\n");
}

// The files below `dir`, relative to it.
Tree OutputOf(const MemoryFileSystem& fs, const std::string& dir) {
  Tree out;
  for (const auto& [path, bytes] : fs.Snapshot()) {
    if (path.rfind(dir + "/", 0) == 0) out[path.substr(dir.size() + 1)] = bytes;
  }
  return out;
}

std::vector<std::string> Messages(const BuildResult& r) { return testing::FirstLines(r.diagnostics); }

BuildOptions Options(int jobs, int64_t now, const std::string& output_dir = "public") {
  BuildOptions o;
  o.source_dir = "site";
  o.output_dir = output_dir;
  o.jobs = jobs;
  o.now = now;
  return o;
}

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override { PutSite(fs_); }
  MemoryFileSystem fs_;
};

TEST_F(PipelineTest, WritesTheExpectedPages) {
  BuildResult r = Build(fs_, Options(2, k2020));
  ASSERT_TRUE(r.ok) << ::testing::PrintToString(Messages(r));
  EXPECT_EQ(Messages(r), std::vector<std::string>{});
  EXPECT_EQ(r.documents, 6u);
  const Tree out = OutputOf(fs_, "public");
  EXPECT_EQ(r.files, out.size());
  for (const char* path : {"index.html",
                           "404.html",
                           "about/index.html",
                           "briefs/index.html",
                           "briefs/b1/index.html",
                           "events/index.html",
                           "events/past/index.html",
                           "events/next/index.html",
                           "members/index.html",
                           "members/alpha/index.html",
                           "topics/index.html",
                           "topics/migration/index.html",
                           "priorities/index.html",
                           "priorities/1-evidence/index.html",
                           "speakers/index.html",
                           "speakers/ana-perez/index.html",
                           "years/index.html",
                           "years/2022/index.html",
                           "years/2030/index.html",
                           "style.css",
                           "docs/file.txt",
                           "feed.xml",
                           "rss.xml",
                           "feed.json",
                           "sitemap.xml",
                           "events/calendar.ics",
                           "events/past/event.ics"}) {
    EXPECT_TRUE(out.count(path)) << "missing " << path;
  }
  size_t html = 0;
  for (const auto& [path, bytes] : out) html += path.ends_with(".html");
  EXPECT_EQ(r.pages, html);
  EXPECT_EQ(out.at("about/index.html"), "<title>About</title>\nAbout");
  EXPECT_EQ(out.at("events/past/index.html"), "<title>Launch</title>\nLaunch");
  EXPECT_EQ(out.at("index.html"),
            "<title>Tiny</title>\nup:/events/past/ /events/next/ past:");  // soonest first
  EXPECT_EQ(out.at("docs/file.txt"), "download");
  EXPECT_EQ(out.at("style.css"), "body{}");
}

TEST_F(PipelineTest, ContentErrorKeepsThePreviousOutput) {
  ASSERT_TRUE(Build(fs_, Options(2, k2020)).ok);
  const Tree before = OutputOf(fs_, "public");
  Put(fs_, "content/briefs/b1.md",
      "+++\ntitle = \"Brief one\"\nkind = \"issue-brief\"\ndate = 2022-05-01\n"
      "members = [\"alpah\"]\n+++\n");
  BuildResult r = Build(fs_, Options(2, k2020));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(Messages(r), std::vector<std::string>{"content/briefs/b1.md:5:12: error: unknown "
                                                  "member 'alpah' (did you mean 'alpha'?)"});
  EXPECT_EQ(r.files, 0u);
  EXPECT_EQ(OutputOf(fs_, "public"), before);
  EXPECT_TRUE(OutputOf(fs_, ".public.staging").empty());
}

// A static file (of the site or of the theme) at the path of a generated page is named by its
// own path, so that the author knows which file to move.
// A build lets each body's Markdown go once it is rendered (BuildOptions::keep_bodies); errors
// found later about front matter still quote their line, as a generation that keeps them does.
TEST_F(PipelineTest, ErrorsAfterTheMarkdownStageQuoteFrontMatterAsBefore) {
  ASSERT_TRUE(fs_.Write("site/content/about2.md",
                        "+++\ntitle = \"About again\"\naliases = [\"/briefs/\"]\n+++\n"
                        "A body of two paragraphs.\n\nThe second.\n")
                  .ok());
  const BuildResult built = Build(fs_, Options(2, k2020));
  BuildResult generated;
  EXPECT_FALSE(Generate(fs_, Options(2, k2020), generated));
  EXPECT_FALSE(built.ok);
  EXPECT_EQ(FormatDiagnostics(built.diagnostics), FormatDiagnostics(generated.diagnostics));
  EXPECT_NE(FormatDiagnostics(built.diagnostics)
                .find("content/about2.md:3:12: error: alias '/briefs/' would overwrite the "
                      "generated file briefs/index.html (remove the alias or pick a path nothing "
                      "else uses)\naliases = [\"/briefs/\"]\n           ^\n"),
            std::string::npos)
      << FormatDiagnostics(built.diagnostics);
}

TEST_F(PipelineTest, StaticFileAtAGeneratedPathIsNamed) {
  Put(fs_, "static/briefs/b1/index.html", "mine");
  Put(fs_, "themes/tiny/static/feed.xml", "theirs");
  BuildResult r = Build(fs_, Options(2, k2020));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(Messages(r),
            (std::vector<std::string>{
                "static/briefs/b1/index.html: error: this file would be copied to "
                "'briefs/b1/index.html', where the site already has a generated page or feed "
                "(rename or move the file)",
                "themes/tiny/static/feed.xml: error: this file would be copied to 'feed.xml', "
                "where the site already has a generated page or feed (rename or move the file)"}));
}

TEST_F(PipelineTest, WriteFailureKeepsThePreviousOutput) {
  ASSERT_TRUE(Build(fs_, Options(2, k2020)).ok);
  const Tree before = fs_.Snapshot();
  // Only the home page changes between 2020 and 2031 with this theme: it is the write that fails.
  fs_.FailWritesUnder(".public.staging");
  BuildResult r = Build(fs_, Options(2, k2031));
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.back().path, "public");
  EXPECT_EQ(r.diagnostics.back().hint, "the previous output was left as it was");
  EXPECT_EQ(fs_.Snapshot(), before);
}

TEST_F(PipelineTest, ReadOnlyOutputFolderKeepsThePreviousOutput) {
  ASSERT_TRUE(Build(fs_, Options(2, k2020)).ok);
  const Tree before = fs_.Snapshot();
  fs_.FailWritesUnder(".public.staging", "Read-only file system");
  BuildResult r = Build(fs_, Options(2, k2031));
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(Messages(r), (std::vector<std::string>{
                             "public: error: cannot write the site: .public.staging/index.html: "
                             "Read-only file system (the previous output was left as it was)"}));
  EXPECT_EQ(fs_.Snapshot(), before);  // output, cache and all
}

// Stops the build (as SIGINT would) at the n-th write into the staging folder.
class CancellingFileSystem : public MemoryFileSystem {
 public:
  void CancelAtWrite(int n) { left_ = n; }
  Status Write(const std::string& path, std::string_view bytes) override {
    if (path.rfind(".public.staging/", 0) == 0 && --left_ == 0) RequestCancel();
    return MemoryFileSystem::Write(path, bytes);
  }

 private:
  std::atomic<int> left_{-1};  // never reaches 0 until armed
};

TEST(PipelineCancelTest, InterruptedBuildLeavesThePreviousOutputAndNoStaging) {
  CancellingFileSystem fs;
  PutSite(fs);
  ASSERT_TRUE(Build(fs, Options(1, k2020), /*use_cache=*/false).ok);
  BuildResult r = Build(fs, Options(1, k2020), false);
  ASSERT_TRUE(r.ok);  // nothing changed, nothing staged, nothing to interrupt
  Put(fs, "site.toml",
      "title = \"Tiny 2\"\nbase_url = \"https://example.org/\"\ntheme = \"tiny\"\n"
      "[[priorities]]\nnumber = 1\nslug = \"evidence\"\ntitle = \"Evidence\"\n");
  const Tree edited = fs.Snapshot();
  fs.CancelAtWrite(3);
  r = Build(fs, Options(1, k2020), false);
  ResetCancel();
  EXPECT_EQ(Messages(r), std::vector<std::string>{});
  EXPECT_TRUE(r.interrupted);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(fs.Snapshot(), edited);  // the output as before the build, and no staging folder
}

TEST_F(PipelineTest, OneJobAndFourJobsGiveTheSameFiles) {
  BuildResult one = Build(fs_, Options(1, k2020, "out1"));
  BuildResult four = Build(fs_, Options(4, k2020, "out4"));
  ASSERT_TRUE(one.ok);
  ASSERT_TRUE(four.ok);
  EXPECT_FALSE(OutputOf(fs_, "out1").empty());
  EXPECT_EQ(OutputOf(fs_, "out1"), OutputOf(fs_, "out4"));
  EXPECT_EQ(Messages(one), Messages(four));
}

TEST_F(PipelineTest, TheSearchIndexWrittenInPiecesIsTheOneGenerated) {
  ASSERT_TRUE(Build(fs_, Options(2, k2020)).ok);
  BuildResult generated;
  std::optional<GeneratedSite> site = Generate(fs_, Options(2, k2020), generated);
  ASSERT_TRUE(site.has_value());
  const auto it =
      std::find_if(site->files.begin(), site->files.end(),
                   [](const output::OutputFile& f) { return f.path == "search/index.json"; });
  ASSERT_NE(it, site->files.end());
  EXPECT_NE(it->bytes.find("\"text\":\"See ALPHA.\""), std::string::npos) << it->bytes;
  EXPECT_EQ(OutputOf(fs_, "public").at("search/index.json"), it->bytes);
}

TEST_F(PipelineTest, FeedsAndCalendarsDoNotDependOnNow) {
  ASSERT_TRUE(Build(fs_, Options(2, k2020, "early")).ok);
  ASSERT_TRUE(Build(fs_, Options(2, k2031, "late")).ok);
  const Tree early = OutputOf(fs_, "early"), late = OutputOf(fs_, "late");
  ASSERT_EQ(early.size(), late.size());
  size_t compared = 0;
  for (const auto& [path, bytes] : early) {
    if (!path.ends_with(".xml") && !path.ends_with(".json") && !path.ends_with(".ics")) continue;
    ++compared;
    EXPECT_EQ(bytes, late.at(path)) << "in " << path;
  }
  EXPECT_GE(compared, 5u);
  // Upcoming and past events are the one thing `now` is for.
  EXPECT_EQ(late.at("index.html"), "<title>Tiny</title>\nup:past:/events/next/ /events/past/ ");
  EXPECT_NE(early.at("index.html"), late.at("index.html"));
}

}  // namespace
}  // namespace portalgen::build
