// serve's rebuilds (generator/serve/site_builder.h) on a copy of the ICAT site: a body edit is
// made from the last model and plan, anything else loads the model again, and either way every
// file the snapshot serves equals the file a full generation of the same sources makes.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "base/file_system.h"
#include "build/pipeline.h"
#include "serve/responder.h"
#include "serve/site_builder.h"
#include "test_util.h"

namespace portalgen::serve {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

constexpr int64_t kNow = 1795392000;  // 2026-11-22T00:00:00Z
constexpr char kEvent[] = "content/events/beyond-the-short-term-vmc-2022.md";
constexpr char kBrief[] = "content/briefs/issue-brief-7-technology.md";

std::string ReplaceFirst(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class IncrementalServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::CopyIcatSite(site_, kEvent);
    options_.source_dir = site_.string();
    options_.base_url = "http://127.0.0.1:1313/";
    options_.now = kNow;
    builder_.emplace(fs_, options_);
  }

  // Writes `text` at `rel` and rebuilds as serve does after the watcher reported it.
  BuildOutcome Edit(const std::string& rel, const std::string& text) {
    WriteFile(site_ / rel, text);
    ChangeSet changes;
    changes.paths.insert(rel);
    return builder_->Rebuild(changes);
  }

  // Every file of a full generation of the current sources, served byte for byte by `site`,
  // and nothing else.
  void ExpectSameAsFullBuild(const Snapshot& site) {
    build::BuildResult result;
    std::optional<build::GeneratedSite> full = build::Generate(fs_, options_, result);
    ASSERT_TRUE(full) << FormatDiagnostics(result.diagnostics);
    EXPECT_EQ(site.size(), full->files.size());
    for (const output::OutputFile& f : full->files) {
      const SnapshotEntry* served = site.Find(f.path);
      ASSERT_NE(served, nullptr) << f.path;
      EXPECT_TRUE(served->error.empty()) << served->error;
      EXPECT_TRUE(served->bytes == f.bytes) << f.path << " differs from a full build";
    }
  }

  static std::string Page(const Snapshot& site, const std::string& path) {
    const SnapshotEntry* e = site.Find(path);
    return e ? e->bytes : "";
  }

  TempDir tmp_;
  const fs::path site_ = tmp_.path() / "site";
  RealFileSystem fs_;
  build::BuildOptions options_;
  std::optional<SiteBuilder> builder_;
};

TEST_F(IncrementalServeTest, BodyEditReusesTheModelAndServesWhatAFullBuildWould) {
  ASSERT_TRUE(builder_->BuildAll().site);
  const std::string original = ReadFile(site_ / kEvent);
  const size_t body = original.rfind("+++\n") + 4;
  const std::string edited =
      original.substr(0, body) + "\nA first paragraph written while serving.\n" +
      original.substr(body) + "\n## A new heading\n\nAnd a last one.\n";
  const BuildOutcome outcome = Edit(kEvent, edited);
  ASSERT_TRUE(outcome.site) << FormatDiagnostics(outcome.diagnostics);
  EXPECT_TRUE(outcome.incremental);
  const std::string page = Page(*outcome.site, "events/beyond-the-short-term-vmc-2022/index.html");
  EXPECT_NE(page.find("A new heading"), std::string::npos);
  // The event's card on the events listing shows the new first paragraph as its summary.
  EXPECT_NE(Page(*outcome.site, "events/index.html").find("A first paragraph written while serving"),
            std::string::npos);
  ExpectSameAsFullBuild(*outcome.site);
}

TEST_F(IncrementalServeTest, FrontMatterEditsNewLinksAndNewFilesLoadEverything) {
  ASSERT_TRUE(builder_->BuildAll().site);
  const std::string brief = ReadFile(site_ / kBrief);

  // A new title: every list that shows the brief changes.
  const std::string renamed = ReplaceFirst(brief, "title = \"", "title = \"Renamed: ");
  BuildOutcome outcome = Edit(kBrief, renamed);
  ASSERT_TRUE(outcome.site) << FormatDiagnostics(outcome.diagnostics);
  EXPECT_FALSE(outcome.incremental);
  EXPECT_NE(Page(*outcome.site, "briefs/index.html").find("Renamed: "), std::string::npos);
  ExpectSameAsFullBuild(*outcome.site);

  // A body that now links to an event: the event's "Referenced by" changes.
  outcome = Edit(kBrief, renamed + "\nSee [[event:vulnerability-mixed-migration-imrf-2022]].\n");
  ASSERT_TRUE(outcome.site) << FormatDiagnostics(outcome.diagnostics);
  EXPECT_FALSE(outcome.incremental);
  ExpectSameAsFullBuild(*outcome.site);

  // A new file.
  outcome = Edit("content/briefs/new-note.md",
                 "+++\ntitle = \"New note\"\nkind = \"joint-statement\"\ndate = 2023-01-02\n+++\nHi.\n");
  ASSERT_TRUE(outcome.site) << FormatDiagnostics(outcome.diagnostics);
  EXPECT_FALSE(outcome.incremental);
  EXPECT_NE(Page(*outcome.site, "briefs/new-note/index.html").find("New note"), std::string::npos);
  ExpectSameAsFullBuild(*outcome.site);
}

TEST_F(IncrementalServeTest, ABrokenBodyKeepsTheLastSiteAndTheNextEditLoadsEverything) {
  ASSERT_TRUE(builder_->BuildAll().site);
  const std::string event = ReadFile(site_ / kEvent);
  BuildOutcome outcome = Edit(kEvent, event + "\nSee [[brief:no-such-brief]].\n");
  EXPECT_FALSE(outcome.site);
  ASSERT_FALSE(outcome.diagnostics.empty());
  EXPECT_EQ(outcome.diagnostics[0].path, kEvent);
  EXPECT_NE(outcome.diagnostics[0].message.find("no-such-brief"), std::string::npos);

  // Still broken: a body edit elsewhere must not hide it by reusing the last good model.
  outcome = Edit(kBrief, ReadFile(site_ / kBrief) + "\nMore.\n");
  EXPECT_FALSE(outcome.site);
  EXPECT_FALSE(outcome.incremental);

  outcome = Edit(kEvent, event);
  ASSERT_TRUE(outcome.site) << FormatDiagnostics(outcome.diagnostics);
  EXPECT_FALSE(outcome.incremental);  // the first build after a failure loads everything
  ExpectSameAsFullBuild(*outcome.site);
  outcome = Edit(kEvent, event + "\nFixed.\n");
  EXPECT_TRUE(outcome.incremental);
  ExpectSameAsFullBuild(*outcome.site);
}

TEST_F(IncrementalServeTest, OldSnapshotsKeepServingTheirOwnBytes) {
  const BuildOutcome first = builder_->BuildAll();
  ASSERT_TRUE(first.site);
  const std::string path = "events/beyond-the-short-term-vmc-2022/index.html";
  const BuildOutcome second = Edit(kEvent, ReadFile(site_ / kEvent) + "\nSecond version.\n");
  ASSERT_TRUE(second.incremental);
  // The first snapshot renders its page only now, after the edit: from its own model.
  EXPECT_EQ(Page(*first.site, path).find("Second version"), std::string::npos);
  EXPECT_NE(Page(*second.site, path).find("Second version"), std::string::npos);
}

TEST_F(IncrementalServeTest, ATemplateErrorShowsTheLastGoodPageUnderTheOverlay) {
  StateHolder state;
  ApplyOutcome(builder_->BuildAll(), {}, state);
  const std::string target = "/events/beyond-the-short-term-vmc-2022/";
  ASSERT_EQ(Respond(*state.Get(), target).status, 200);
  const fs::path event_template = site_ / "themes/icat/templates/event.mustache";
  const std::string good = ReadFile(event_template);
  ASSERT_NE(good.find("{{page.title}}"), std::string::npos);
  WriteFile(event_template, ReplaceFirst(good, "{{page.title}}", "{{page.titel}}"));
  ChangeSet changes;
  changes.paths.insert("themes/icat/templates/event.mustache");
  // The theme loads (the name is checked when a page is rendered, as in `build`).
  ApplyOutcome(builder_->Rebuild(changes), changes, state);

  const Reply reply = Respond(*state.Get(), target);
  EXPECT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("Beyond the Short Term"), std::string::npos) << "the last good page";
  EXPECT_NE(reply.body.find("portalgen-error"), std::string::npos);
  EXPECT_NE(reply.body.find("themes/icat/templates/event.mustache:6:9: error: unknown variable "
                            "'page.titel' (did you mean 'page.title'?)"),
            std::string::npos);

  WriteFile(event_template, good);
  ApplyOutcome(builder_->Rebuild(changes), changes, state);
  const Reply fixed = Respond(*state.Get(), target);
  EXPECT_EQ(fixed.status, 200);
  EXPECT_EQ(fixed.body.find("portalgen-error"), std::string::npos);
}

}  // namespace
}  // namespace portalgen::serve
