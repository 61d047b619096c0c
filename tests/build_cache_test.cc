// The build cache file: what is written is read back, warnings included, and a damaged file
// is refused.
#include "build/build_cache.h"

#include <gtest/gtest.h>

#include "base/file_system.h"
#include "base/hash.h"

namespace portalgen::build {
namespace {

Diagnostic Warning(std::string path, int line, std::string message, std::string hint,
                   std::string source_line) {
  return {Diagnostic::Severity::kWarning, std::move(path), line, 3, std::move(message),
          std::move(hint), std::move(source_line)};
}

TEST(BuildCacheTest, WarningsSurviveTheRoundTripWhateverTheirText) {
  MemoryFileSystem fs;
  BuildCache cache;
  cache.generator = 0x1234;
  cache.inputs["site/content/a b.md"] = {{10, 20}, 0xabc};
  cache.inputs["site/site.toml"] = {{0, -1700000000123456789}, 0xffffffffffffffff};
  cache.outputs.emplace("index.html", 0xdef);
  cache.now_after = -86400;
  cache.now_until = 1795392000;
  cache.body_reads["briefs/x/index.html"] = {BodyRead(0, 1), BodyRead(41, 7)};
  cache.library = {0x1, 0xfedcba9876543210};
  cache.warnings = {
      Warning("content/a b.md", 2, "unknown field 'flavour'", "did you mean 'flavor'?",
              "flavour = \"x\""),
      Warning("content/tabs.md", 7, "a\ttab, a \\ backslash", "", "x\ty \\t \\n"),
      Warning("site.toml", 0, "line\nbreak", "", ""),
  };
  ASSERT_TRUE(WriteCache(fs, "cache", cache).ok());
  std::string why;
  std::optional<BuildCache> read = ReadCache(fs, "cache", why);
  ASSERT_TRUE(read) << why;
  EXPECT_EQ(read->warnings, cache.warnings);
  EXPECT_EQ(read->inputs, cache.inputs);
  EXPECT_EQ(read->outputs, cache.outputs);
  EXPECT_EQ(read->now_after, cache.now_after);
  EXPECT_EQ(read->now_until, cache.now_until);
  EXPECT_EQ(read->body_reads, cache.body_reads);
  EXPECT_EQ(read->library, cache.library);
  EXPECT_EQ(read->generator, cache.generator);
}

// The running binary is known by its build ID, found in memory: on a file system that cannot
// read the executable, the fingerprint is still the binary's, not just the version's.
TEST(BuildCacheTest, GeneratorFingerprintNeedsNoFileSystem) {
  MemoryFileSystem fs;
  const uint64_t fingerprint = GeneratorFingerprint(fs);
  EXPECT_EQ(fingerprint, GeneratorFingerprint(fs));
  EXPECT_NE(fingerprint, Hash64("portalgen " PORTALGEN_VERSION));
}

TEST(BuildCacheTest, DamagedWarningLineIsRefused) {
  MemoryFileSystem fs;
  BuildCache cache;
  cache.warnings = {Warning("content/a.md", 1, "m", "h", "s")};
  ASSERT_TRUE(WriteCache(fs, "cache", cache).ok());
  std::string text = fs.Read("cache").value();
  // The same text with a field missing, and the checksum made right again.
  const size_t at = text.find("m\th\ts");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 5, "m\th");
  const size_t end = text.rfind("end ");
  text = text.substr(0, end) + "end " + HexHash(Hash64(text.substr(0, end))) + "\n";
  ASSERT_TRUE(fs.Write("cache", text).ok());
  std::string why;
  EXPECT_FALSE(ReadCache(fs, "cache", why));
  EXPECT_NE(why.find("damaged"), std::string::npos) << why;
}

}  // namespace
}  // namespace portalgen::build
