// Unit tests of generator/output: the atomic publisher (on a MemoryFileSystem with simulated
// faults) and the static file collector.
#include "output/publisher.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/hash.h"
#include "base/file_system.h"
#include "output/static_copier.h"
#include "test_util.h"

namespace portalgen::output {
namespace {

using Tree = std::map<std::string, std::string>;

class PublishTest : public ::testing::Test {
 protected:
  // A previous build in public/ and an unrelated file beside it.
  void SetUp() override {
    ASSERT_TRUE(fs_.Write("public/index.html", "old home").ok());
    ASSERT_TRUE(fs_.Write("public/stale/index.html", "stale").ok());
    ASSERT_TRUE(fs_.Write("notes.txt", "mine").ok());
    before_ = fs_.Snapshot();
  }
  MemoryFileSystem fs_;
  Tree before_;
};

TEST_F(PublishTest, ReplacesTheOldOutputEntirely) {
  Status s = Publish(fs_, "public",
                     {{"index.html", "new home"}, {"briefs/x/index.html", "x"}, {"style.css", ""}});
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(fs_.Snapshot(), (Tree{{"notes.txt", "mine"},
                                  {"public/briefs/x/index.html", "x"},
                                  {"public/index.html", "new home"},
                                  {"public/style.css", ""}}));
}

TEST_F(PublishTest, AFileInPiecesIsPublishedWhole) {
  Publisher p(fs_, "fresh", std::nullopt);
  ASSERT_TRUE(p.Begin().ok());
  p.AddInPieces("search/index.json", [](const PutPiece& put) {
    put("[");
    put("{\"a\":1}");
    put("]");
  });
  ASSERT_TRUE(p.Commit().ok());
  EXPECT_EQ(fs_.Read("fresh/search/index.json").value(), "[{\"a\":1}]");
  EXPECT_EQ(p.manifest(), (Manifest{{"search/index.json", Hash64("[{\"a\":1}]")}}));
  EXPECT_EQ(p.written(), 1u);
}

TEST_F(PublishTest, FirstPublishIntoANestedFolder) {
  Status s = Publish(fs_, "out/site/", {{"index.html", "A"}});
  ASSERT_TRUE(s.ok()) << s.message();
  Tree expected = before_;
  expected["out/site/index.html"] = "A";
  EXPECT_EQ(fs_.Snapshot(), expected);
}

TEST_F(PublishTest, EmptySiteLeavesNoStaleFiles) {
  Status s = Publish(fs_, "public", {});
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(fs_.Snapshot(), (Tree{{"notes.txt", "mine"}}));
}

TEST_F(PublishTest, RemovesLeftoversOfAnInterruptedRun) {
  ASSERT_TRUE(fs_.Write(".public.staging/half.html", "half").ok());
  ASSERT_TRUE(fs_.Write(".public.previous/index.html", "older").ok());
  ASSERT_TRUE(Publish(fs_, "public", {{"index.html", "new"}}).ok());
  EXPECT_EQ(fs_.Snapshot(), (Tree{{"notes.txt", "mine"}, {"public/index.html", "new"}}));
}

TEST_F(PublishTest, FailedWriteKeepsThePreviousOutput) {
  fs_.FailWritesUnder(StagingDir("public"));
  Status s = Publish(fs_, "public", {{"index.html", "new home"}, {"a/index.html", "a"}});
  EXPECT_FALSE(s.ok());
  // The error of the first failing file in path order, whatever the thread timing.
  EXPECT_EQ(s.message(), ".public.staging/a/index.html: No space left on device");
  EXPECT_EQ(fs_.Snapshot(), before_);  // byte for byte, and no staging or backup folder
}

TEST_F(PublishTest, FailureAfterSomeFilesWereStagedKeepsThePreviousOutput) {
  fs_.FailWritesUnder(StagingDir("public") + "/z");
  Status s = Publish(fs_, "public", {{"a.html", "a"}, {"b/index.html", "b"}, {"z/x.html", "z"}});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), ".public.staging/z/x.html: No space left on device");
  EXPECT_EQ(fs_.Snapshot(), before_);
}

TEST_F(PublishTest, UnsafePathsAreRefusedAndKeepThePreviousOutput) {
  for (const char* bad : {"../x", "/abs", "a//b", "a\\b", ".", "", "a/../../b", "a/./b", "x/"}) {
    SCOPED_TRACE(bad);
    Status s = Publish(fs_, "public", {{"index.html", "new"}, {bad, "evil"}});
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.message(),
              "refusing to write outside the output folder: '" + std::string(bad) + "'");
    EXPECT_EQ(fs_.Snapshot(), before_);
  }
}

// On the disk, the publisher makes each staging folder before writing into it (nested ones
// too, in any order, from two threads), in a first build and in the next one.
TEST(PublishOnDiskTest, MakesFoldersForFilesInAnyOrder) {
  testing::TempDir tmp;
  RealFileSystem fs;
  const std::string out = (tmp.path() / "public").string();
  const std::vector<OutputFile> first = {{"a/b/c/index.html", "c"}, {"a/index.html", "a"},
                                         {"a/b/index.html", "b"},   {"x.css", "x"},
                                         {"briefs/1/index.html", "1"}, {"briefs/2/index.html", "2"}};
  ASSERT_TRUE(Publish(fs, out, first, 2).ok());
  EXPECT_EQ(testing::ReadTree(out), (Tree{{"a/b/c/index.html", "c"},
                                          {"a/b/index.html", "b"},
                                          {"a/index.html", "a"},
                                          {"briefs/1/index.html", "1"},
                                          {"briefs/2/index.html", "2"},
                                          {"x.css", "x"}}));
  const std::vector<OutputFile> next = {{"a/b/c/d/index.html", "d"}, {"a/index.html", "A"},
                                        {"briefs/3/index.html", "3"}};
  ASSERT_TRUE(Publish(fs, out, next, 2).ok());
  EXPECT_EQ(testing::ReadTree(out), (Tree{{"a/b/c/d/index.html", "d"},
                                          {"a/index.html", "A"},
                                          {"briefs/3/index.html", "3"}}));
  EXPECT_FALSE(fs.IsDirectory(StagingDir(out)));
}

// Into a fresh output, the folders of every file are made before the files arrive, a parent
// with all its children on one thread; into an existing output, none are (most files will be
// unchanged there).
TEST(PublishOnDiskTest, PreparesTheFoldersOfAFreshOutputOnly) {
  testing::TempDir tmp;
  RealFileSystem fs;
  const std::string out = (tmp.path() / "public").string();
  const std::string staging = StagingDir(out);
  const std::vector<std::string> paths = {"briefs/1/index.html", "briefs/2/index.html",
                                          "a/b/c/index.html",    "x.css",
                                          "../escape/index.html", "briefs/2/doc.ics"};
  {
    Publisher publisher(fs, out, std::nullopt);
    ASSERT_TRUE(publisher.Begin().ok());
    publisher.PrepareFolders(paths, 2);
    EXPECT_TRUE(fs.IsDirectory(staging + "/briefs/1"));
    EXPECT_TRUE(fs.IsDirectory(staging + "/briefs/2"));
    EXPECT_TRUE(fs.IsDirectory(staging + "/a/b/c"));
    EXPECT_FALSE(fs.IsDirectory((tmp.path() / "escape").string()));
    publisher.Add({"briefs/1/index.html", "1"});
    publisher.Add({"a/b/c/index.html", "c"});
    ASSERT_TRUE(publisher.Commit().ok());
  }
  EXPECT_EQ(testing::ReadTree(out),
            (Tree{{"a/b/c/index.html", "c"}, {"briefs/1/index.html", "1"}}));
  Publisher next(fs, out, std::nullopt);
  ASSERT_TRUE(next.Begin().ok());
  next.PrepareFolders({"events/1/index.html"}, 2);
  EXPECT_FALSE(fs.IsDirectory(staging + "/events/1"));
  next.Abort();
}

TEST(PublishPathsTest, IsSafeOutputPath) {
  struct Case {
    std::string path;
    bool safe;
  };
  const Case cases[] = {
      {"index.html", true},
      {"briefs/x/index.html", true},
      {".well-known/security.txt", true},
      {"a..b/c", true},
      {"..", false},
      {"../x", false},
      {"a/../b", false},
      {"a/..", false},
      {"/abs", false},
      {"a//b", false},
      {"a\\b", false},
      {".", false},
      {"./a", false},
      {"a/.", false},
      {"", false},
      {"a/", false},
      {std::string("a\0b", 3), false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsSafeOutputPath(c.path), c.safe) << "'" << c.path << "'";
  }
}

TEST(PublishPathsTest, StagingSitsBesideTheOutput) {
  EXPECT_EQ(StagingDir("public"), ".public.staging");
  EXPECT_EQ(StagingDir("out/site/"), "out/.site.staging");
  EXPECT_EQ(StagingDir("./out//site"), "out/.site.staging");
  EXPECT_EQ(StagingDir("/tmp/x"), "/tmp/.x.staging");
  EXPECT_EQ(StagingDir("/x"), "/.x.staging");
}

// Incremental publishing: a MemoryFileSystem stamps every write, so "not written" is visible.
class IncrementalPublishTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Publish(fs_, "public", {{"index.html", "home"}, {"a/index.html", "a"},
                                         {"b/index.html", "b"}}).ok());
    for (const char* f : {"public/index.html", "public/a/index.html", "public/b/index.html"}) {
      stamps_[f] = *fs_.Stamp(f);
    }
  }
  // Publishes `files` with the manifest of the current output (or none).
  // With `in_pieces`, each file comes through AddInPieces(), two bytes at a time.
  Status Run(const std::vector<OutputFile>& files, bool with_manifest, Publisher** out = nullptr,
             bool in_pieces = false) {
    Manifest manifest;
    for (const auto& [path, bytes] : fs_.Snapshot()) {
      if (path.rfind("public/", 0) == 0) manifest[path.substr(7)] = Hash64(bytes);
    }
    publisher_ = std::make_unique<Publisher>(
        fs_, "public", with_manifest ? std::optional<Manifest>(manifest) : std::nullopt);
    if (Status s = publisher_->Begin(); !s.ok()) return s;
    for (const OutputFile& f : files) {
      if (!in_pieces) {
        publisher_->Add(f);
        continue;
      }
      publisher_->AddInPieces(f.path, [&f](const PutPiece& put) {
        for (size_t at = 0; at < f.bytes.size(); at += 2)
          put(std::string_view(f.bytes).substr(at, 2));
      });
    }
    if (out) *out = publisher_.get();
    return publisher_->Commit();
  }
  bool Rewritten(const std::string& path) { return *fs_.Stamp(path) != stamps_[path]; }

  MemoryFileSystem fs_;
  std::map<std::string, FileStamp> stamps_;
  std::unique_ptr<Publisher> publisher_;
};

// Files given whole are compared with the output by the manifest's hash, else by their bytes;
// files in pieces by the manifest's hash, else by the hash of the output's bytes.
TEST_F(IncrementalPublishTest, WritesOnlyChangedFilesAndRemovesGoneOnes) {
  for (bool in_pieces : {false, true}) {
    for (bool with_manifest : {true, false}) {
      SCOPED_TRACE(std::string(in_pieces ? "in pieces, " : "whole, ") +
                   (with_manifest ? "manifest" : "no manifest"));
      SetUp();
      ASSERT_TRUE(Run({{"index.html", "home"}, {"a/index.html", "A2"}, {"c/index.html", "c"}},
                      with_manifest, nullptr, in_pieces)
                      .ok());
      EXPECT_FALSE(Rewritten("public/index.html"));
      EXPECT_TRUE(Rewritten("public/a/index.html"));
      EXPECT_EQ(publisher_->written(), 2u);  // a (changed) and c (new)
      EXPECT_EQ(publisher_->removed(), 1u);  // b
      EXPECT_EQ(fs_.Snapshot(), (Tree{{"public/a/index.html", "A2"},
                                      {"public/c/index.html", "c"},
                                      {"public/index.html", "home"}}));
      EXPECT_EQ(publisher_->manifest(), (Manifest{{"a/index.html", Hash64("A2")},
                                                  {"c/index.html", Hash64("c")},
                                                  {"index.html", Hash64("home")}}));
      fs_.RemoveAll("public");
    }
  }
}

TEST_F(IncrementalPublishTest, FailedWriteInPiecesKeepsThePreviousOutput) {
  const Tree before = fs_.Snapshot();
  fs_.FailWritesUnder(StagingDir("public") + "/z");
  Status s = Run({{"index.html", "new"}, {"z/index.html", "z"}}, true, nullptr, true);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(fs_.Snapshot(), before);
}

TEST_F(IncrementalPublishTest, NothingChangedWritesNothing) {
  ASSERT_TRUE(Run({{"index.html", "home"}, {"a/index.html", "a"}, {"b/index.html", "b"}}, true)
                  .ok());
  EXPECT_EQ(publisher_->written(), 0u);
  EXPECT_EQ(publisher_->removed(), 0u);
  for (const auto& [path, stamp] : stamps_) EXPECT_FALSE(Rewritten(path)) << path;
}

TEST_F(IncrementalPublishTest, AManifestEntryWithoutItsFileIsWrittenAgain) {
  fs_.RemoveAll("public/a/index.html");
  Manifest stale = {{"index.html", Hash64("home")}, {"a/index.html", Hash64("a")}};
  Publisher p(fs_, "public", stale);
  ASSERT_TRUE(p.Begin().ok());
  p.Add({"index.html", "home"});
  p.Add({"a/index.html", "a"});
  ASSERT_TRUE(p.Commit().ok());
  EXPECT_EQ(fs_.Read("public/a/index.html").value(), "a");
}

TEST_F(IncrementalPublishTest, FailedIncrementalWriteKeepsThePreviousOutput) {
  const Tree before = fs_.Snapshot();
  fs_.FailWritesUnder(StagingDir("public") + "/z");
  Status s = Run({{"index.html", "new"}, {"z/index.html", "z"}}, true);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(fs_.Snapshot(), before);  // b/ not removed, index.html not replaced, no staging
}

TEST_F(IncrementalPublishTest, TwoFilesAtOnePathAreAnError) {
  const Tree before = fs_.Snapshot();
  Status s = Run({{"index.html", "one"}, {"index.html", "two"}}, true);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "two outputs at 'index.html'");
  EXPECT_EQ(fs_.Snapshot(), before);
}

TEST(StaticCopierTest, SiteStaticOverridesThemeStatic) {
  MemoryFileSystem fs;
  ASSERT_TRUE(fs.Write("site/themes/t/static/style.css", "theme css").ok());
  ASSERT_TRUE(fs.Write("site/themes/t/static/js/app.js", "app").ok());
  ASSERT_TRUE(fs.Write("site/static/style.css", "site css").ok());
  ASSERT_TRUE(fs.Write("site/static/img/logo.png", "png").ok());
  ASSERT_TRUE(fs.Write("site/static-extra/no.txt", "not static").ok());
  DiagnosticSink sink;
  std::vector<OutputFile> files =
      CollectStaticFiles(fs, "site/themes/t/static", "site/static", sink);
  EXPECT_FALSE(sink.has_errors());
  std::vector<std::pair<std::string, std::string>> got;
  for (const OutputFile& f : files) got.emplace_back(f.path, f.bytes);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{
                     {"img/logo.png", "png"}, {"js/app.js", "app"}, {"style.css", "site css"}}));
}

TEST(StaticCopierTest, MissingFoldersGiveNothing) {
  MemoryFileSystem fs;
  DiagnosticSink sink;
  EXPECT_TRUE(CollectStaticFiles(fs, "site/themes/t/static", "site/static", sink).empty());
  EXPECT_FALSE(sink.has_errors());
}

}  // namespace
}  // namespace portalgen::output
