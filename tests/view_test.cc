// Unit tests of generator/view: the URLs, lists and pagination that view models hand to themes.
#include <gtest/gtest.h>

#include "feeds_fixture.h"
#include "view/view_context.h"

namespace portalgen::view {
namespace {

using testing::BuildSite;

TEST(ViewContextTest, LinkUrlEncodesAuthorUrlsAndRefusesScriptUrls) {
  const auto site = BuildSite({});  // base_url https://example.org/portal/
  const ViewContext& ctx = *site->ctx;
  const struct {
    std::string url;
    std::string link;
  } cases[] = {
      {"/files/a b.pdf", "/portal/files/a%20b.pdf"},
      {"https://x.org/?a=1&b=\"><script>", "https://x.org/?a=1&b=%22%3E%3Cscript%3E"},
      {"https://x.org/'onmouseover='x", "https://x.org/%27onmouseover=%27x"},
      {"https://例え.jp/\u202Efdp.exe", "https://%E4%BE%8B%E3%81%88.jp/%E2%80%AEfdp.exe"},
      {"//cdn.example.org/x", "//cdn.example.org/x"},
      {"mailto:a@example.org", "mailto:a@example.org"},
      {"report.pdf", "report.pdf"},
      {"javascript:alert(1)", ""},
      {" JAVA\tSCRIPT:alert(1)", ""},
      {"data:text/html,<script>", ""},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(c.link, ctx.LinkUrl(c.url)) << c.url;
}

}  // namespace
}  // namespace portalgen::view
