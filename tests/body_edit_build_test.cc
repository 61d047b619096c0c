// Incremental `build` (generator/build/incremental.h) on a copy of the ICAT site: after a build
// with the cache, a build that only edits Markdown bodies starts from the library cache and
// makes again only the files that read the edited parts; whatever path a build takes, its
// output equals a full generation of the same sources, byte for byte.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "base/file_system.h"
#include "base/hash.h"
#include "build/build_cache.h"
#include "build/library_cache.h"
#include "build/pipeline.h"
#include "content/body_reads.h"
#include "feeds/search_index.h"
#include "test_util.h"

namespace portalgen::build {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::ReadTree;
using testing::TempDir;
using testing::WriteFile;
using Tree = std::map<std::string, std::string>;

constexpr int64_t kNow = 1795392000;  // 2026-11-22T00:00:00Z
constexpr char kEvent[] = "content/events/beyond-the-short-term-vmc-2022.md";

std::string InsertAfterFrontMatter(const std::string& text, const std::string& added) {
  const size_t close = text.find("\n+++\n", 3);
  return close == std::string::npos ? text
                                    : text.substr(0, close + 5) + added + text.substr(close + 5);
}

class BodyEditBuildTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::CopyIcatSite(site_, kEvent);
    options_.source_dir = site_.string();
    options_.output_dir = out_.string();
    options_.now = kNow;
    // Shards of 4 documents: the ICAT site's 52 make 13, so that an incremental build reads
    // only some of the bodies, as it does on a large site.
    options_.library_shard_docs = 4;
  }

  BuildResult BuildNow() {
    BuildResult r = Build(fs_, options_, true);
    EXPECT_TRUE(r.ok) << FormatDiagnostics(r.diagnostics);
    return r;
  }

  // The output equals a full generation of the current sources.
  void ExpectSameAsFullGeneration(const std::string& what) {
    BuildResult result;
    std::optional<GeneratedSite> full = Generate(fs_, options_, result);
    ASSERT_TRUE(full) << FormatDiagnostics(result.diagnostics);
    Tree expected;
    for (const output::OutputFile& f : full->files) expected[f.path] = f.bytes;
    const Tree built = ReadTree(out_);
    EXPECT_EQ(built.size(), expected.size()) << what;
    for (const auto& [path, bytes] : expected) {
      auto it = built.find(path);
      ASSERT_NE(it, built.end()) << what << ": " << path << " missing";
      EXPECT_TRUE(it->second == bytes) << what << ": " << path << " differs from a full build";
    }
  }

  std::vector<std::string> ContentFiles() const {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(site_ / "content")) {
      if (e.path().extension() == ".md") out.push_back(fs::relative(e.path(), site_).string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  BuildCache Cache() const {
    std::string why;
    std::optional<BuildCache> cache = ReadCache(fs_, CachePath(out_.string()), why);
    EXPECT_TRUE(cache) << why;
    return cache ? *cache : BuildCache{};
  }

  TempDir tmp_;
  fs::path site_ = tmp_.path() / "site";
  fs::path out_ = tmp_.path() / "public";
  RealFileSystem fs_;
  BuildOptions options_;
};

TEST_F(BodyEditBuildTest, EveryBodyEditMatchesAFullGeneration) {
  ASSERT_FALSE(BuildNow().incremental);
  const std::vector<std::string> files = ContentFiles();
  ASSERT_GT(files.size(), 40u);
  for (const std::string& rel : files) {
    // A new first paragraph changes the HTML, the first paragraph and the plain text...
    const std::string text = ReadFile(site_ / rel);
    WriteFile(site_ / rel, InsertAfterFrontMatter(text, "An added first paragraph.\n\n"));
    BuildResult first = BuildNow();
    EXPECT_TRUE(first.incremental) << rel;
    EXPECT_GT(first.written, 0u) << rel;
    ExpectSameAsFullGeneration(rel + " (first paragraph)");
    // ...a new last one only the HTML and the plain text.
    WriteFile(site_ / rel, ReadFile(site_ / rel) + "\nAn added last paragraph.\n");
    BuildResult last = BuildNow();
    EXPECT_TRUE(last.incremental) << rel;
    ExpectSameAsFullGeneration(rel + " (last paragraph)");
  }
}

TEST_F(BodyEditBuildTest, OnlyFilesThatReadAChangedPartAreMadeAgain) {
  BuildNow();
  // A last paragraph leaves the first paragraph, hence every card, as it was: the event's page,
  // and the search index (plain text) are made again, not the listings.
  WriteFile(site_ / kEvent, ReadFile(site_ / kEvent) + "\nAn added last paragraph.\n");
  const BuildResult last = BuildNow();
  ASSERT_TRUE(last.incremental);
  EXPECT_EQ(last.pages, 1u);
  // A new first paragraph shows in the event's cards: its listings are made again too.
  WriteFile(site_ / kEvent, InsertAfterFrontMatter(ReadFile(site_ / kEvent), "A new start.\n\n"));
  const BuildResult first = BuildNow();
  ASSERT_TRUE(first.incremental);
  EXPECT_GT(first.pages, 3u);
  EXPECT_LT(first.pages, first.files / 4);
  ExpectSameAsFullGeneration("first paragraph");
}

TEST_F(BodyEditBuildTest, BodyReadsAreRecordedPerOutputFile) {
  BuildNow();
  const BuildCache cache = Cache();
  // The event's page reads the event's body HTML (and only bodies of other documents' cards).
  auto page = cache.body_reads.find("events/beyond-the-short-term-vmc-2022/index.html");
  ASSERT_NE(page, cache.body_reads.end());
  EXPECT_TRUE(std::any_of(page->second.begin(), page->second.end(),
                          [](uint64_t r) { return r & content::kBodyHtml; }));
  // The search index reads the plain text of every document but the home page.
  auto search = cache.body_reads.find("search/index.json");
  ASSERT_NE(search, cache.body_reads.end());
  EXPECT_GE(search->second.size(), ContentFiles().size() - 1);
  for (uint64_t r : search->second) EXPECT_TRUE(r & content::kBodyPlainText);
  // A file that shows no body (a static file, the robots.txt) is not listed.
  EXPECT_EQ(cache.body_reads.count("robots.txt"), 0u);
  EXPECT_FALSE(cache.library.empty());
}

TEST_F(BodyEditBuildTest, FrontMatterNewLinksAndNewFilesBuildEverything) {
  BuildNow();
  WriteFile(site_ / kEvent,
            testing::ReplaceAll(ReadFile(site_ / kEvent), "title = \"", "title = \"Renamed: "));
  EXPECT_FALSE(BuildNow().incremental);
  ExpectSameAsFullGeneration("title");
  // A new link may add a backlink elsewhere.
  WriteFile(site_ / kEvent, ReadFile(site_ / kEvent) + "\nSee [[member:unodc]].\n");
  EXPECT_FALSE(BuildNow().incremental);
  ExpectSameAsFullGeneration("new link");
  // A body edit beside a theme edit.
  WriteFile(site_ / kEvent, ReadFile(site_ / kEvent) + "\nMore.\n");
  const fs::path css = *std::find_if(
      fs::recursive_directory_iterator(site_ / "themes"), fs::recursive_directory_iterator(),
      [](const fs::directory_entry& e) { return e.path().extension() == ".css"; });
  WriteFile(css, ReadFile(css) + "\n/* edited */\n");
  EXPECT_FALSE(BuildNow().incremental);
  ExpectSameAsFullGeneration("body and theme");
}

TEST_F(BodyEditBuildTest, FailingBodyEditReportsTheErrorAndKeepsTheOutput) {
  BuildNow();
  const Tree before = ReadTree(out_);
  const std::string good = ReadFile(site_ / kEvent);
  WriteFile(site_ / kEvent, good + "\nSee [[brief:no-such-brief]].\n");
  const BuildResult r = Build(fs_, options_, true);
  EXPECT_FALSE(r.ok);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(FormatDiagnostics(r.diagnostics).find("no-such-brief"), std::string::npos)
      << FormatDiagnostics(r.diagnostics);
  EXPECT_TRUE(ReadTree(out_) == before);
  // Fixed again: the cache of the last good build still fits, and the output is right.
  WriteFile(site_ / kEvent, good + "\nMore text.\n");
  EXPECT_TRUE(BuildNow().incremental);
  ExpectSameAsFullGeneration("after the fix");
}

TEST_F(BodyEditBuildTest, DamagedLibraryCacheIsIgnoredWithANote) {
  BuildNow();
  const std::vector<uint64_t> shards = Cache().library;
  ASSERT_GT(shards.size(), 1u);
  // shards[1]: the front matter of the first documents, which every incremental build reads.
  const fs::path shard = fs::path(LibraryCacheDir(out_.string())) / HexHash(shards[1]);
  std::string bytes = ReadFile(shard);
  bytes[bytes.size() / 2] ^= 0x20;  // one flipped bit, same size
  WriteFile(shard, bytes);
  WriteFile(site_ / kEvent, ReadFile(site_ / kEvent) + "\nAn added last paragraph.\n");
  const BuildResult r = BuildNow();
  EXPECT_FALSE(r.incremental);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("library cache"), std::string::npos) << r.notes[0];
  ExpectSameAsFullGeneration("after a damaged shard");
  // The full build wrote a good library again: the next body edit is incremental.
  WriteFile(site_ / kEvent, ReadFile(site_ / kEvent) + "\nAnother one.\n");
  EXPECT_TRUE(BuildNow().incremental);
  ExpectSameAsFullGeneration("after repair");
  // Only the shards the cache lists are kept.
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(LibraryCacheDir(out_.string()))) {
    ++files;
  }
  EXPECT_EQ(files, Cache().library.size());
}

// A full build writes the library cache as soon as its model is complete, before its plan. A
// build whose plan then fails (a static file where a page goes) leaves the output and the last
// cache as they were; the shards it wrote are listed by no cache, and the next build that
// saves one removes them.
TEST_F(BodyEditBuildTest, ShardsOfAFailedBuildArePrunedByTheNext) {
  BuildNow();
  const Tree before = ReadTree(out_);
  const std::vector<uint64_t> listed = Cache().library;
  const auto shard_files = [this] {
    size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(LibraryCacheDir(out_.string()))) {
      ++files;
    }
    return files;
  };
  ASSERT_EQ(shard_files(), listed.size());
  const std::string event = ReadFile(site_ / kEvent);
  // A new first paragraph changes the event's plain text, hence its text shard.
  WriteFile(site_ / kEvent, InsertAfterFrontMatter(event, "A new lead.\n\n"));
  WriteFile(site_ / "static/events/index.html", "<p>In the way of the events listing.</p>");
  const BuildResult failed = Build(fs_, options_, true);
  EXPECT_FALSE(failed.ok);
  EXPECT_NE(FormatDiagnostics(failed.diagnostics).find("events/index.html"), std::string::npos)
      << FormatDiagnostics(failed.diagnostics);
  EXPECT_TRUE(ReadTree(out_) == before);
  EXPECT_EQ(Cache().library, listed);
  EXPECT_GT(shard_files(), listed.size());  // the failed build's model was written
  fs::remove(site_ / "static/events/index.html");
  WriteFile(site_ / kEvent, InsertAfterFrontMatter(event, "Another lead.\n\n"));
  EXPECT_FALSE(BuildNow().up_to_date);
  ExpectSameAsFullGeneration("after the failed build");
  EXPECT_NE(Cache().library, listed);
  EXPECT_EQ(shard_files(), Cache().library.size());
}

// The library cache keeps the hashes of the plain texts, not the texts: a body edit that changes
// the search index reads the others from the index the last build wrote. One changed since
// (by hand, say) is not trusted: the build makes everything again, with a note.
TEST_F(BodyEditBuildTest, SearchIndexChangedSinceMakesAFullBuild) {
  BuildNow();
  const fs::path index = out_ / "search/index.json";
  std::string bytes = ReadFile(index);
  const size_t text = bytes.find("\"text\":\"");
  ASSERT_NE(text, std::string::npos);
  bytes.insert(text + 8, "Edited by hand. ");
  WriteFile(index, bytes);
  // A new first paragraph: the event's plain text changes, so the search index is made again.
  WriteFile(site_ / kEvent, InsertAfterFrontMatter(ReadFile(site_ / kEvent), "A new lead.\n\n"));
  BuildResult r = BuildNow();
  EXPECT_FALSE(r.incremental);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("search index"), std::string::npos) << r.notes[0];
  ExpectSameAsFullGeneration("after a search index changed by hand");
  // With the index as the build wrote it, the next such edit is incremental.
  WriteFile(site_ / kEvent, InsertAfterFrontMatter(ReadFile(site_ / kEvent), "Newer.\n\n"));
  r = BuildNow();
  EXPECT_TRUE(r.incremental);
  EXPECT_TRUE(r.notes.empty());
  ExpectSameAsFullGeneration("after an edit that makes the search index again");
}

// The library cache keeps no HTML: a body edit renders again, from their files, the bodies of
// the other documents that the files it makes again show (here the events' feed). A file
// saved with a byte order mark and CRLF line ends renders as the full build rendered it.
TEST_F(BodyEditBuildTest, BodiesShownAgainAreRenderedFromTheirFiles) {
  const std::string other = "content/events/vulnerability-mixed-migration-imrf-2022.md";
  std::string text = ReadFile(site_ / other);
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  WriteFile(site_ / other, crlf);
  ASSERT_FALSE(BuildNow().incremental);
  const std::string feed_before = ReadFile(out_ / "events/feed.xml");
  ASSERT_NE(feed_before.find("vulnerability-mixed-migration-imrf-2022"), std::string::npos);
  WriteFile(site_ / kEvent, InsertAfterFrontMatter(ReadFile(site_ / kEvent), "A new lead.\n\n"));
  BuildResult edit = BuildNow();
  EXPECT_TRUE(edit.incremental);
  EXPECT_NE(ReadFile(out_ / "events/feed.xml"), feed_before);
  ExpectSameAsFullGeneration("an edit beside a CRLF file");
}

TEST_F(BodyEditBuildTest, LibraryCacheReadsBackWhatItWrote) {
  BuildResult result;
  std::optional<GeneratedSite> site = Generate(fs_, options_, result);
  ASSERT_TRUE(site);
  const index::Library& lib = site->library;
  const std::string dir = (tmp_.path() / "library").string();
  Result<std::vector<uint64_t>> shards = WriteLibraryCache(fs_, dir, lib, nullptr, {}, 2, 4);
  ASSERT_TRUE(shards.ok()) << shards.status().message();
  EXPECT_EQ(shards.value().size(), 1 + 2 * ((lib.docs.size() + 3) / 4));
  std::string why;
  std::optional<index::Library> back = ReadLibraryCache(fs_, dir, shards.value(), 2, why, 4);
  ASSERT_TRUE(back) << why;
  ASSERT_EQ(back->docs.size(), lib.docs.size());
  EXPECT_EQ(back->by_slug, lib.by_slug);
  EXPECT_EQ(back->backlinks, lib.backlinks);
  // Without bodies at first; then the plain text of document 5 only, which reads its shard
  // (4-7): the links and text hashes of those documents. The texts themselves come from the
  // search index the same build wrote. The HTML is not cached at all: asking for it reads
  // nothing.
  const std::string* search_index = nullptr;
  for (const output::OutputFile& f : site->files) {
    if (f.path == "search/index.json") search_index = &f.bytes;
  }
  ASSERT_NE(search_index, nullptr);
  std::vector<uint8_t> wanted(lib.docs.size(), 0), loaded;
  wanted[5] = content::kBodyPlainText;
  wanted[9] = content::kBodyHtml;
  ASSERT_TRUE(ReadLibraryBodies(fs_, dir, shards.value(), wanted, 1, *back, loaded, why, 4));
  for (index::DocId id = 0; id < lib.docs.size(); ++id) {
    const bool in_shard = id >= 4 && id < 8;
    EXPECT_EQ(back->docs[id].title, lib.docs[id].title);
    EXPECT_EQ(back->docs[id].rendered.first_paragraph, lib.docs[id].rendered.first_paragraph);
    EXPECT_EQ(back->docs[id].rendered.html, "") << id;
    EXPECT_EQ(back->docs[id].rendered.plain_text, "") << id;
    EXPECT_EQ(back->docs[id].rendered.plain_text_hash,
              in_shard ? Hash64(lib.docs[id].rendered.plain_text) : 0)
        << id;
    // The links come with the hashes: only the edited documents' are compared.
    EXPECT_EQ(back->docs[id].rendered.links,
              in_shard ? lib.docs[id].rendered.links : std::vector<std::string>{})
        << id;
    EXPECT_EQ(loaded[id], content::kBodyFirstParagraph) << id;
  }
  ASSERT_TRUE(
      ReadLibraryBodies(fs_, dir, shards.value(), wanted, 1, *back, loaded, why, 4, search_index));
  for (index::DocId id = 0; id < lib.docs.size(); ++id) {
    EXPECT_EQ(back->docs[id].rendered.plain_text, id == 5 ? lib.docs[id].rendered.plain_text : "")
        << id;
    EXPECT_EQ(loaded[id], content::kBodyFirstParagraph | (id == 5 ? content::kBodyPlainText : 0));
  }
  // A search index changed since, or none, is refused: the build then builds everything.
  std::vector<uint8_t> loaded_again;
  const std::string five = lib.docs[5].rendered.plain_text;
  ASSERT_GT(five.size(), 20u);
  std::string changed = *search_index;
  const std::string key = "\"text\":\"";
  const size_t at = changed.find(key + five.substr(0, 20));  // not its summary: its text
  ASSERT_NE(at, std::string::npos);
  changed[at + key.size()] = changed[at + key.size()] == 'x' ? 'y' : 'x';
  const std::string not_an_index = "{}";
  for (const std::string* bad : std::vector<const std::string*>{&changed, &not_an_index}) {
    EXPECT_FALSE(ReadLibraryBodies(fs_, dir, shards.value(), wanted, 1, *back, loaded_again, why,
                                   4, bad));
    EXPECT_NE(why.find("search index"), std::string::npos) << why;
  }
  // Every text; written again from what was read: the same bytes, hence the same names.
  wanted.assign(lib.docs.size(), content::kBodyHtml | content::kBodyPlainText);
  ASSERT_TRUE(
      ReadLibraryBodies(fs_, dir, shards.value(), wanted, 2, *back, loaded, why, 4, search_index));
  for (index::DocId id : feeds::SearchIndexOrder(lib)) {  // all but the home page
    EXPECT_EQ(back->docs[id].rendered.plain_text, lib.docs[id].rendered.plain_text) << id;
  }
  Result<std::vector<uint64_t>> again =
      WriteLibraryCache(fs_, (tmp_.path() / "again").string(), *back, nullptr, {}, 1, 4);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value(), shards.value());
  // A shard list that does not fit, or another shard size, is refused.
  std::vector<uint64_t> fewer = shards.value();
  fewer.pop_back();
  EXPECT_FALSE(ReadLibraryCache(fs_, dir, fewer, 1, why, 4));
  EXPECT_FALSE(ReadLibraryCache(fs_, dir, shards.value(), 1, why, 64));
}

}  // namespace
}  // namespace portalgen::build
