// File-system faults on the read side. Each one is an error naming the file, the build exits 1
// (fails), and the previous output stays as it was, byte for byte, with no staging folder left:
//   - a content file that cannot be read, and one removed between listing and reading
//     (MemoryFileSystem::FailReadsOf; as root, chmod 000 would not stop a read);
//   - symbolic links in content/ (a real folder, through the portalgen binary): a loop, a link
//     that leads outside content/, a broken link and a link to a folder are refused; a link to
//     a file inside content/ is followed.
// Write-side faults (read-only output, full disk, signals) are in the publisher's tests.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "build/pipeline.h"
#include "content/loader.h"
#include "diagnostic_lines.h"
#include "test_util.h"

namespace portalgen::testing {
namespace {

const fs::path kTests = fs::path(PORTALGEN_SOURCE_DIR) / "tests";

// ---- Reads that fail, in memory ----

void PutTwoBriefs(MemoryFileSystem& mem) {
  for (const char* slug : {"a", "b"}) {
    ASSERT_TRUE(mem.Write(std::string("site/content/briefs/") + slug + ".md",
                          "+++\ntitle = \"T\"\nkind = \"other\"\ndate = 2022\n+++\n")
                    .ok());
  }
}

TEST(ReadFaultTest, UnreadableFileIsAnErrorAtTheFile) {
  MemoryFileSystem mem;
  PutTwoBriefs(mem);
  mem.FailReadsOf("site/content/briefs/b.md",
                  Status::Io("site/content/briefs/b.md: Permission denied"));
  DiagnosticSink sink;
  const std::vector<content::Document> docs = content::LoadContent(mem, "site", {}, sink);
  EXPECT_EQ(FirstLines(sink),
            std::vector<std::string>{"content/briefs/b.md: error: cannot read the file: Permission "
                                     "denied (check that the file can be read)"});
  ASSERT_EQ(docs.size(), 1u);  // the other files are still read, for their own diagnostics
  EXPECT_EQ(docs[0].slug, "a");
}

TEST(ReadFaultTest, FileRemovedAfterListingIsAnErrorAtTheFile) {
  MemoryFileSystem mem;
  PutTwoBriefs(mem);
  mem.FailReadsOf("site/content/briefs/a.md",
                  Status::NotFound("site/content/briefs/a.md: no such file"));
  DiagnosticSink sink;
  content::LoadContent(mem, "site", {}, sink);
  EXPECT_EQ(FirstLines(sink),
            std::vector<std::string>{"content/briefs/a.md: error: cannot read the file: no such "
                                     "file (it was moved or deleted while the site was built; "
                                     "build again)"});
}

// tests/sites/basic and the test themes, in memory under "site/".
void PutBasicSite(MemoryFileSystem& mem) {
  for (const fs::path& root : {kTests / "sites" / "basic", kTests / "themes"}) {
    const std::string prefix = root.filename() == "themes" ? "site/themes/" : "site/";
    for (const auto& [rel, bytes] : ReadTree(root)) {
      if (rel.rfind("expected/", 0) == 0) continue;
      ASSERT_TRUE(mem.Write(prefix + rel, bytes).ok()) << rel;
    }
  }
}

// The files below `dir`, relative to it.
std::map<std::string, std::string> OutputOf(const MemoryFileSystem& mem, const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& [path, bytes] : mem.Snapshot()) {
    if (path.rfind(dir + "/", 0) == 0) out[path.substr(dir.size() + 1)] = bytes;
  }
  return out;
}

TEST(ReadFaultTest, BuildFailsAndKeepsThePreviousOutput) {
  for (const Status& fault : {Status::Io("site/content/events/launch.md: Input/output error"),
                              Status::NotFound("site/content/events/launch.md: no such file")}) {
    SCOPED_TRACE(fault.message());
    MemoryFileSystem mem;
    PutBasicSite(mem);
    build::BuildOptions options;
    options.source_dir = "site";
    options.output_dir = "public";
    ASSERT_TRUE(build::Build(mem, options).ok);
    const auto before = OutputOf(mem, "public");
    ASSERT_GT(before.size(), 20u);
    mem.FailReadsOf("site/content/events/launch.md", fault);
    // Without the build cache: with it, an unchanged stamp means "nothing to do" and the file
    // is not read at all (which is right: its bytes did not change).
    const build::BuildResult r = build::Build(mem, options, /*use_cache=*/false);
    EXPECT_FALSE(r.ok);
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(FirstLines(r.diagnostics)[0].rfind("content/events/launch.md: error: cannot read "
                                                 "the file: ",
                                                 0),
              0u)
        << FirstLines(r.diagnostics)[0];
    EXPECT_EQ(OutputOf(mem, "public"), before);
    EXPECT_TRUE(OutputOf(mem, ".public.staging").empty());
  }
}

// ---- Symbolic links in content/, on disk, through the binary ----

// Path -> "size:hash" for every file below `root`: a checksum of the whole tree.
std::map<std::string, std::string> Checksums(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& [path, bytes] : ReadTree(root)) {
    out[path] =
        std::to_string(bytes.size()) + ":" + std::to_string(std::hash<std::string>{}(bytes));
  }
  return out;
}

class SymlinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CopyTree(kTests / "themes", site_ / "themes");
    CopyTree(kTests / "sites" / "basic", site_, "expected");
    RunResult r = Build();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    before_ = Checksums(out_);
    ASSERT_GT(before_.size(), 20u);
  }
  RunResult Build() {
    return RunPortalgen("build --quiet --now 2026-11-23 --source '" + site_.string() +
                        "' --output '" + out_.string() + "'");
  }
  // Builds again with the link `rel` -> `target` in the site: exit 1, exactly `diagnostic` and
  // nothing else (the temporary folder written $TMP), and the previous output as it was.
  void ExpectRefused(const std::string& rel, const fs::path& target,
                     const std::string& diagnostic) {
    fs::create_symlink(target, site_ / rel);
    const RunResult r = Build();
    EXPECT_EQ(r.exit_code, 1);
    const std::string err = ReplaceAll(r.err, tmp_.path().string(), "$TMP");
    EXPECT_EQ(err.substr(0, err.find("\n1 error, 0 warnings\n")), diagnostic);
    EXPECT_EQ(Checksums(out_), before_) << "the previous output changed";
    EXPECT_FALSE(fs::exists(tmp_.path() / ".out.staging")) << "staging folder left behind";
  }

  TempDir tmp_;
  const fs::path site_ = tmp_.path() / "site";
  const fs::path out_ = tmp_.path() / "out";
  std::map<std::string, std::string> before_;
};

constexpr const char* kLinkHint =
    " (content/ may hold links only to files inside content/; copy the file in instead)";

TEST_F(SymlinkTest, LoopIsRefused) {
  fs::create_symlink("loop-b.md", site_ / "content/briefs/loop-a.md");
  ExpectRefused("content/briefs/loop-b.md", "loop-a.md",
                "content/briefs/loop-a.md: error: symbolic link loop (the link leads back to "
                "itself)" +
                    std::string(kLinkHint));
}

TEST_F(SymlinkTest, LinkOutsideContentIsRefused) {
  // A valid brief, so that following the link would have built.
  WriteFile(tmp_.path() / "outside.md", ReadFile(site_ / "content/briefs/first-brief.md"));
  ExpectRefused("content/briefs/outside.md", tmp_.path() / "outside.md",
                "content/briefs/outside.md: error: symbolic link leads outside content/ (to "
                "$TMP/outside.md)" +
                    std::string(kLinkHint));
}

TEST_F(SymlinkTest, RelativeLinkOutOfContentIsRefused) {
  // Still inside the site, but not in content/.
  ExpectRefused("content/briefs/config.md", "../../site.toml",
                "content/briefs/config.md: error: symbolic link leads outside content/ (to "
                "$TMP/site/site.toml)" +
                    std::string(kLinkHint));
}

TEST_F(SymlinkTest, BrokenLinkIsRefused) {
  ExpectRefused("content/briefs/gone.md", "../old/gone.md",
                "content/briefs/gone.md: error: broken symbolic link (to ../old/gone.md, which "
                "does not exist)" +
                    std::string(kLinkHint));
}

TEST_F(SymlinkTest, LinkToAFolderIsRefused) {
  ExpectRefused("content/briefs/more", "../events",
                "content/briefs/more: error: symbolic link to a folder (folders are not "
                "followed)" +
                    std::string(kLinkHint));
}

TEST_F(SymlinkTest, LinkToAFileInsideContentIsFollowed) {
  fs::create_symlink("first-brief.md", site_ / "content/briefs/same-brief.md");
  const RunResult r = Build();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out_ / "briefs/same-brief/index.html"));
}

}  // namespace
}  // namespace portalgen::testing
