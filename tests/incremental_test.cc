// End-to-end tests of incremental builds through the portalgen binary, on a 300-page site from
// the shared corpus generator: determinism (jobs, folders, runs), the build cache (no-op,
// one edit, a damaged cache), and SIGINT/SIGTERM during a build.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "test_util.h"

namespace portalgen::testing {
namespace {

using Tree = std::map<std::string, std::string>;

// Generated once for the whole suite: ../shared/bench/gen_corpus.py 300 + the project's themes.
class IncrementalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    corpus_ = new TempDir();
    const RunResult gen = testing::Run("python3 '" PORTALGEN_SHARED_DIR "/bench/gen_corpus.py' 300 '" +
                              Site().string() + "' --clean");
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
    CopyTree(fs::path(PORTALGEN_SOURCE_DIR) / "themes", Site() / "themes");
  }
  static void TearDownTestSuite() {
    delete corpus_;
    corpus_ = nullptr;
  }
  static fs::path Site() { return corpus_->path() / "site"; }

  // A private copy of the corpus, so that tests may edit it.
  fs::path CopySite() {
    const fs::path site = tmp_.path() / "site";
    CopyTree(Site(), site);
    return site;
  }
  static RunResult Build(const fs::path& site, const fs::path& out, const std::string& extra = "") {
    return RunPortalgen("build --source '" + site.string() + "' --output '" + out.string() +
                        "' --now 2026-11-23 " + extra);
  }
  static std::map<std::string, fs::file_time_type> Times(const fs::path& root) {
    std::map<std::string, fs::file_time_type> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.is_regular_file()) out[fs::relative(e.path(), root).string()] = e.last_write_time();
    }
    return out;
  }

  static TempDir* corpus_;
  TempDir tmp_;
};

TempDir* IncrementalTest::corpus_ = nullptr;

TEST_F(IncrementalTest, OutputIsTheSameForAnyJobsFolderAndRun) {
  const fs::path one = tmp_.path() / "one", four = tmp_.path() / "four";
  ASSERT_EQ(Build(Site(), one, "--jobs 1").exit_code, 0);
  ASSERT_EQ(Build(Site(), four, "--jobs 4").exit_code, 0);
  const Tree reference = ReadTree(one);
  EXPECT_GT(reference.size(), 500u);
  EXPECT_TRUE(reference == ReadTree(four)) << "--jobs 1 and --jobs 4 differ";
  // Another copy of the sources in another folder, built twice without the cache.
  const fs::path elsewhere = CopySite(), again = tmp_.path() / "again";
  ASSERT_EQ(Build(elsewhere, again, "--no-cache").exit_code, 0);
  EXPECT_TRUE(reference == ReadTree(again)) << "another folder differs";
  ASSERT_EQ(Build(elsewhere, again, "--no-cache --jobs 3").exit_code, 0);
  EXPECT_TRUE(reference == ReadTree(again)) << "a second run differs";
}

TEST_F(IncrementalTest, UnchangedTreeWritesNothing) {
  const fs::path site = CopySite(), out = tmp_.path() / "out";
  ASSERT_EQ(Build(site, out).exit_code, 0);
  const auto before = Times(out);
  const Tree bytes = ReadTree(out);
  const RunResult again = Build(site, out);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("is up to date"), std::string::npos) << again.out;
  EXPECT_EQ(Times(out), before);
  // Touching a file without changing it is not a change either.
  fs::last_write_time(site / "site.toml", fs::file_time_type::clock::now());
  const RunResult touched = Build(site, out);
  EXPECT_NE(touched.out.find("is up to date"), std::string::npos) << touched.out;
  EXPECT_EQ(Times(out), before);
  EXPECT_TRUE(ReadTree(out) == bytes);
}

// The "warning:" lines of a run's report, in order.
std::string WarningLines(const std::string& err) {
  std::string out;
  size_t start = 0;
  while (start < err.size()) {
    const size_t end = std::min(err.find('\n', start), err.size());
    const std::string line = err.substr(start, end - start);
    if (line.find(": warning: ") != std::string::npos) out += line + "\n";
    start = end + 1;
  }
  return out;
}

// Inserts `line` as the first line of the front matter of `file`.
void AddFrontMatterLine(const fs::path& file, const std::string& line) {
  WriteFile(file, "+++\n" + line + "\n" + ReadFile(file).substr(4));
}

// A build that finds nothing to do, or only edited bodies, reports the same warnings as a
// build without the cache: the inputs that caused them did not change.
TEST_F(IncrementalTest, EveryBuildReportsTheWarningsOfTheSources) {
  const fs::path site = CopySite(), out = tmp_.path() / "out", fresh = tmp_.path() / "fresh";
  const fs::path event = *fs::directory_iterator(site / "content" / "events");
  const fs::path brief = *fs::directory_iterator(site / "content" / "briefs");
  AddFrontMatterLine(event, "flavour = \"x\"");
  AddFrontMatterLine(brief, "colour = 3");
  const RunResult full = Build(site, out);
  ASSERT_EQ(full.exit_code, 0) << full.err;
  const std::string expected = WarningLines(full.err);
  ASSERT_NE(expected.find("unknown field 'flavour'"), std::string::npos) << full.err;
  ASSERT_NE(expected.find("unknown field 'colour'"), std::string::npos) << full.err;

  const RunResult noop = Build(site, out);
  ASSERT_NE(noop.out.find("is up to date"), std::string::npos) << noop.out;
  EXPECT_EQ(WarningLines(noop.err), expected);

  WriteFile(event, ReadFile(event) + "\nOne more line.\n");
  const RunResult edited = Build(site, out);
  ASSERT_NE(edited.out.find("only Markdown bodies changed"), std::string::npos) << edited.out;
  EXPECT_EQ(WarningLines(edited.err), expected);
  const RunResult uncached = Build(site, fresh, "--no-cache");
  EXPECT_EQ(WarningLines(uncached.err), expected);
}

TEST_F(IncrementalTest, OneEditRewritesOnlyTheFilesThatChanged) {
  const fs::path site = CopySite(), out = tmp_.path() / "out", fresh = tmp_.path() / "fresh";
  ASSERT_EQ(Build(site, out).exit_code, 0);
  const Tree before = ReadTree(out);
  const auto times = Times(out);
  const fs::path event = *fs::directory_iterator(site / "content" / "events");
  WriteFile(event, ReplaceAll(ReadFile(event), "\n+++\n", "\n+++\nAn added first line.\n\n"));
  const RunResult edited = Build(site, out);
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  // The result is exactly a fresh build of the edited sources...
  ASSERT_EQ(Build(site, fresh, "--no-cache").exit_code, 0);
  const Tree after = ReadTree(out);
  EXPECT_TRUE(after == ReadTree(fresh));
  // ...and only the files whose bytes changed were written.
  size_t changed = 0, rewritten = 0;
  const auto new_times = Times(out);
  for (const auto& [path, bytes] : after) {
    const bool differs = !before.count(path) || before.at(path) != bytes;
    const bool written = !times.count(path) || times.at(path) != new_times.at(path);
    changed += differs;
    rewritten += written;
    EXPECT_EQ(differs, written) << path;
  }
  EXPECT_GT(changed, 0u);
  EXPECT_LT(changed, after.size() / 10);
  EXPECT_NE(edited.out.find("(" + std::to_string(rewritten) + " written, 0 removed)"),
            std::string::npos)
      << edited.out;
}

TEST_F(IncrementalTest, DamagedCacheIsIgnoredWithANote) {
  const fs::path site = CopySite(), out = tmp_.path() / "out", fresh = tmp_.path() / "fresh";
  ASSERT_EQ(Build(site, out).exit_code, 0);
  const fs::path cache = tmp_.path() / ".portalgen-cache" / "out.build";
  ASSERT_TRUE(fs::exists(cache));
  // Claim that every output file is something else, and cut the file short.
  std::string text = ReplaceAll(ReadFile(cache), "output 0", "output f");
  WriteFile(cache, text.substr(0, text.size() / 2));
  const fs::path brief = *fs::directory_iterator(site / "content" / "briefs");
  WriteFile(brief, ReplaceAll(ReadFile(brief), "\n+++\n", "\n+++\nA new opening line.\n\n"));
  const RunResult r = Build(site, out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("note: the build cache " + cache.string() + " is damaged"),
            std::string::npos)
      << r.err;
  ASSERT_EQ(Build(site, fresh, "--no-cache").exit_code, 0);
  EXPECT_TRUE(ReadTree(out) == ReadTree(fresh));
  // The cache was written anew and is trusted again.
  EXPECT_NE(Build(site, out).out.find("is up to date"), std::string::npos);
}

// Sends `signal` to a build once its staging folder exists, i.e. in the middle of writing.
// Returns the exit code, or -1 when the build ended before it could be interrupted.
int InterruptBuild(const fs::path& site, const fs::path& out, const char* signal,
                   const fs::path& script_file) {
  const fs::path staging = out.parent_path() / ("." + out.filename().string() + ".staging");
  const std::string script =
      "'" PORTALGEN_BIN "' build --source '" + site.string() + "' --output '" + out.string() +
      "' --now 2026-11-23 --base-url https://elsewhere.example/ --jobs 1 --no-cache & "
      "pid=$!; i=0; "
      "while [ ! -d '" + staging.string() + "' ] && [ $i -lt 2000 ]; do "
      "kill -0 $pid 2>/dev/null || break; sleep 0.002; i=$((i+1)); done; "
      "kill -" + signal + " $pid 2>/dev/null; wait $pid; echo $?";
  WriteFile(script_file, script + "\n");
  const RunResult r = Run("sh '" + script_file.string() + "'");
  const int code = std::stoi(r.out.empty() ? "-2" : r.out);
  return code == 0 ? -1 : code;
}

TEST_F(IncrementalTest, SigintOrSigtermDuringABuildLeavesThePreviousOutput) {
  const fs::path site = CopySite(), out = tmp_.path() / "out";
  ASSERT_EQ(Build(site, out, "--no-cache").exit_code, 0);
  const Tree before = ReadTree(out);
  // Every page changes with another base URL, so the build writes.
  for (const auto& [signal, code] : {std::pair<const char*, int>{"INT", 130}, {"TERM", 143}}) {
    SCOPED_TRACE(signal);
    int got = -1;
    for (int attempt = 0; attempt < 3 && got == -1; ++attempt) {
      got = InterruptBuild(site, out, signal, tmp_.path() / "interrupt.sh");
      if (got == -1) {  // the build won the race: put the previous output back and try again
        ASSERT_EQ(Build(site, out, "--no-cache").exit_code, 0);
      }
    }
    EXPECT_EQ(got, code);
    EXPECT_TRUE(ReadTree(out) == before);
    EXPECT_FALSE(fs::exists(tmp_.path() / ".out.staging"));
  }
}

}  // namespace
}  // namespace portalgen::testing
