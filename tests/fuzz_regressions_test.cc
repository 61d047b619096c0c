// Replays the fuzz targets of fuzz/ (their code paths, built here with the test suite's
// compiler): every input a fuzzer once crashed on, stored under tests/fuzz_regressions/<target>/,
// must now pass; and each target's seed-like input must still reach the deep end of its code
// path, so that a change to the pipeline cannot silently turn a target into a no-op.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../fuzz/feeds_target.h"
#include "../fuzz/front_matter_target.h"
#include "../fuzz/markdown_target.h"
#include "../fuzz/template_target.h"
#include "test_util.h"

namespace portalgen::fuzz {
namespace {

namespace fs = std::filesystem;

const uint8_t* Bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

// tests/fuzz_regressions/<target>/* as file name -> bytes; empty when there are none.
std::map<std::string, std::string> SavedInputs(const std::string& target) {
  std::map<std::string, std::string> inputs;
  const fs::path dir = fs::path(PORTALGEN_SOURCE_DIR) / "tests/fuzz_regressions" / target;
  if (!fs::is_directory(dir)) return inputs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    inputs[entry.path().filename().string()] = testing::ReadFile(entry.path());
  }
  return inputs;
}

// The template target's fixed theme, read from the folder the fuzz build compiles in.
Files MiniTheme() {
  Files theme;
  const fs::path root = fs::path(PORTALGEN_SOURCE_DIR) / "tests/themes/mini";
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    theme[fs::relative(entry.path(), root).generic_string()] = testing::ReadFile(entry.path());
  }
  return theme;
}

TEST(FuzzRegressions, FrontMatter) {
  for (const auto& [name, input] : SavedInputs("front_matter")) {
    SCOPED_TRACE(name);
    FrontMatterTarget(Bytes(input), input.size());
  }
}

TEST(FuzzRegressions, Markdown) {
  for (const auto& [name, input] : SavedInputs("markdown")) {
    EXPECT_EQ(MarkdownTarget(Bytes(input), input.size()), "") << name;
  }
}

TEST(FuzzRegressions, Template) {
  const Files theme = MiniTheme();
  for (const auto& [name, input] : SavedInputs("template")) {
    EXPECT_EQ(TemplateTarget(theme, Bytes(input), input.size()), "") << name;
  }
}

TEST(FuzzRegressions, Feeds) {
  for (const auto& [name, input] : SavedInputs("feeds")) {
    EXPECT_EQ(FeedsTarget(Bytes(input), input.size()), "") << name;
  }
}

TEST(FuzzTargets, MarkdownSafeModeOracle) {
  EXPECT_EQ(MarkdownTarget(Bytes(std::string("\x06<script>x</script>")), 19), "");
  const std::string unsafe = "\x01<script>x</script>\n";
  EXPECT_EQ(MarkdownTarget(Bytes(unsafe), unsafe.size()), "");  // allowed when unsafe
}

TEST(FuzzTargets, TemplateContentSiteGenerates) {
  bool generated = false;
  EXPECT_EQ(GenerateAndCheck(ContentSite(MiniTheme()), &generated), "");
  EXPECT_TRUE(generated);
}

TEST(FuzzTargets, FeedsSeedGenerates) {
  // The seed fuzz/run.sh writes: 2022-05-20 08:30-10:00 -04:00 in America/New_York.
  std::string input;
  for (int v : {2022, 4, 19, 8, 30, 32, 2022, 4, 19, 10, 0, 32, 2022, 4, 19}) {
    input += static_cast<char>(v >> 8);
    input += static_cast<char>(v & 0xFF);
  }
  input += "\x03\x02\x01";
  for (const char* field : {"Test Portal",
                            "https://example.org/portal/",
                            "Feeds & <more>",
                            "Secretariat",
                            "test@example.org",
                            "Evidence",
                            "First brief",
                            "The summary; with, commas",
                            "/docs/file.pdf",
                            "Migration",
                            "Alpha",
                            "ALPHA",
                            "https://alpha.example.org/",
                            "Launch",
                            "Room 1, Hofburg",
                            "Vienna",
                            "Review Forum",
                            "events@example.org",
                            "Migration",
                            "Labour; rights",
                            "/old/launch/",
                            "Ana P\xC3\xA9rez",
                            "moderator",
                            "Europe/Vienna",
                            "The first paragraph of the brief.",
                            "Event **body**."}) {
    input += std::string(field) + "\n";
  }
  bool generated = false;
  EXPECT_EQ(GenerateAndCheck(FeedsSite(Bytes(input), input.size()), &generated), "");
  EXPECT_TRUE(generated);
}

TEST(FuzzTargets, OutputProblems) {
  EXPECT_EQ(OutputProblem({"a/b.ics", "BEGIN:X\r\nEND:X\r\n"}), "");
  EXPECT_EQ(OutputProblem({"a/b.ics", "BEGIN:X\nEND:X\r\n"}), "a/b.ics: bare LF");
  EXPECT_EQ(OutputProblem({"a/b.ics", std::string(76, 'x') + "\r\n"}),
            "a/b.ics: line longer than 75 octets");
  EXPECT_EQ(OutputProblem({"feed.json", "{"}), "feed.json: not JSON");
  EXPECT_EQ(OutputProblem({"rss.xml", "<a>\x01</a>"}), "rss.xml: control char");
  EXPECT_EQ(OutputProblem({"x/../y.html", ""}), "bad output path 'x/../y.html'");
  EXPECT_EQ(OutputProblem({"x.html", "\xFF"}), "x.html: invalid UTF-8");
  EXPECT_EQ(OutputProblem({"old/cal.ics", "<!DOCTYPE html>\n<p>moved</p>\n"}), "");
  EXPECT_EQ(TomlString("a\"b\\\x01\xFF\xC3\xA9"), "\"a\\\"b\\\\\\u0001\\uFFFD\xC3\xA9\"");
}

}  // namespace
}  // namespace portalgen::fuzz
