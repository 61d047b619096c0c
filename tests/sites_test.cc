// End-to-end: every tests/sites/<name>/ builds and matches its expected/ tree byte for byte;
// every tests/sites_invalid/<case>/ fails with exit 1, prints exactly its expected.txt, and
// leaves the previous output folder as it was.
//
// Set PORTALGEN_UPDATE_GOLDEN=1 to rewrite expected files (then read the diff by hand).
#include <gtest/gtest.h>

#include "test_util.h"

namespace portalgen::testing {
namespace {

const fs::path kTests = fs::path(PORTALGEN_SOURCE_DIR) / "tests";
constexpr const char* kNow = "2026-11-23";

bool UpdateGolden() { return std::getenv("PORTALGEN_UPDATE_GOLDEN") != nullptr; }

// Lays out a site in `dir`: the shared test themes and (for invalid cases) the shared site.toml,
// then the fixture's own files over them, so a case holds only what it breaks.
void PrepareSite(const fs::path& fixture, const fs::path& dir, const fs::path& default_config) {
  CopyTree(kTests / "themes", dir / "themes");
  if (!default_config.empty()) WriteFile(dir / "site.toml", ReadFile(default_config));
  CopyTree(fixture, dir, "expected");
  fs::remove(dir / "expected.txt");
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

std::vector<std::string> Fixtures(const fs::path& root) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class SiteTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SiteTest, BuildsExpectedTree) {
  const fs::path fixture = kTests / "sites" / GetParam();
  TempDir tmp;
  const fs::path site = tmp.path() / "site", out = tmp.path() / "out";
  PrepareSite(fixture, site, {});
  RunResult r = RunPortalgen("build --quiet --now " + std::string(kNow) + " --source '" +
                             site.string() + "' --output '" + out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto actual = ReadTree(out);
  if (UpdateGolden()) {
    fs::remove_all(fixture / "expected");
    for (const auto& [path, bytes] : actual) WriteFile(fixture / "expected" / path, bytes);
  }
  const auto expected = ReadTree(fixture / "expected");
  ASSERT_FALSE(expected.empty()) << "no expected/ tree in " << fixture;
  for (const auto& [path, bytes] : expected) {
    auto it = actual.find(path);
    if (it == actual.end()) {
      ADD_FAILURE() << "missing output " << path;
      continue;
    }
    EXPECT_EQ(it->second, bytes) << "in " << path;
  }
  for (const auto& [path, bytes] : actual) {
    EXPECT_TRUE(expected.count(path)) << "unexpected output " << path;
  }
}

INSTANTIATE_TEST_SUITE_P(Sites, SiteTest, ::testing::ValuesIn(Fixtures(kTests / "sites")), TestName);

class InvalidSiteTest : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidSiteTest, FailsWithExactDiagnosticsAndKeepsPreviousOutput) {
  const fs::path fixture = kTests / "sites_invalid" / GetParam();
  TempDir tmp;
  const fs::path site = tmp.path() / "site", out = tmp.path() / "out";
  PrepareSite(fixture, site, kTests / "sites_invalid" / "site.toml");
  WriteFile(out / "index.html", "previous site\n");
  WriteFile(out / "briefs" / "x" / "index.html", "previous brief\n");
  const auto before = ReadTree(out);

  RunResult r = RunPortalgen("build --now " + std::string(kNow) + " --source '" + site.string() +
                             "' --output '" + out.string() + "'");
  const std::string err = ReplaceAll(r.err, tmp.path().string(), "$TMP");
  if (UpdateGolden()) WriteFile(fixture / "expected.txt", err);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(err, ReadFile(fixture / "expected.txt"));
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(ReadTree(out), before) << "the previous output changed";
  EXPECT_FALSE(fs::exists(tmp.path() / ".out.staging")) << "staging folder left behind";
}

INSTANTIATE_TEST_SUITE_P(Invalid, InvalidSiteTest,
                         ::testing::ValuesIn(Fixtures(kTests / "sites_invalid")), TestName);

}  // namespace
}  // namespace portalgen::testing
