// Unit tests of generator/view: the URLs, lists and pagination that view models hand to themes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "feeds_fixture.h"
#include "view/detail_views.h"
#include "view/listing_views.h"
#include "view/view_context.h"

namespace portalgen::view {
namespace {

using nlohmann::json;
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

const char* const kBrief = "+++\ntitle = \"B\"\nkind = \"other\"\ndate = 2022\n+++\n";

// "number" per listed page, with "..." before a page that follows left-out ones and "*" on
// the current one.
std::string PageNumbers(const json& pagination) {
  std::string out;
  for (const json& p : pagination["pages"]) {
    if (p["gap_before"].get<bool>()) out += "... ";
    out += std::to_string(p["number"].get<int>()) + (p["current"].get<bool>() ? "* " : " ");
  }
  return out;
}

TEST(ListingTest, PaginationListsEveryPageUpToTenThenAWindow) {
  const auto site = BuildSite({{"content/briefs/b.md", kBrief}});
  const index::DocId id = site->lib.briefs.at(0);
  // paginate is 20: 200 items make 10 pages, 2 000 make 100.
  const std::vector<PageSpec> ten =
      Listing(*site->ctx, "/briefs/", "B", "", "briefs", std::vector<index::DocId>(200, id));
  ASSERT_EQ(ten.size(), 10u);
  EXPECT_EQ(PageNumbers(ten[4].build(*site->ctx).ToJson()["page"]["pagination"]), "1 2 3 4 5* 6 7 8 9 10 ");
  const std::vector<PageSpec> hundred =
      Listing(*site->ctx, "/briefs/", "B", "", "briefs", std::vector<index::DocId>(2000, id));
  ASSERT_EQ(hundred.size(), 100u);
  EXPECT_EQ(PageNumbers(hundred[0].build(*site->ctx).ToJson()["page"]["pagination"]), "1* 2 3 ... 100 ");
  EXPECT_EQ(PageNumbers(hundred[3].build(*site->ctx).ToJson()["page"]["pagination"]), "1 2 3 4* 5 6 ... 100 ");
  EXPECT_EQ(PageNumbers(hundred[49].build(*site->ctx).ToJson()["page"]["pagination"]), "1 ... 48 49 50* 51 52 ... 100 ");
  EXPECT_EQ(PageNumbers(hundred[99].build(*site->ctx).ToJson()["page"]["pagination"]), "1 ... 98 99 100* ");
  EXPECT_EQ(hundred[49].build(*site->ctx).ToJson()["page"]["pagination"]["pages"][1]["url"], "/portal/briefs/page/48/");
}

TEST(DetailViewTest, TenThousandSpeakersWithTenThousandRoles) {
  std::string event = "+++\ntitle = \"E\"\nstart = 2022-10-11T13:30:00Z\n";
  for (int i = 0; i < 10000; ++i) {
    const std::string n = std::to_string(i);
    event += "[[speakers]]\nname = \"Speaker " + n + "\"\nrole = \"role " + n + "\"\n";
  }
  for (int i = 0; i < 10000; ++i) {
    event += "[[agenda]]\ntitle = \"Item\"\nspeakers = [\"Speaker " + std::to_string(i) + "\"]\n";
  }
  const auto site = BuildSite({{"content/events/e.md", event + "+++\n"}});
  ASSERT_FALSE(site->sink.has_errors()) << testing::Diagnostics(site->sink);
  const PageSpec page = DetailPage(*site->ctx, site->lib.events.at(0));
  const json view = page.build(*site->ctx).ToJson();
  const json& groups = view["page"]["speaker_groups"];
  ASSERT_EQ(groups.size(), 10000u);
  EXPECT_EQ(groups[9999]["role"], "Role 9999");
  EXPECT_EQ(groups[9999]["speakers"][0]["url"], "/portal/speakers/speaker-9999/");
  EXPECT_EQ(site->lib.speakers.size(), 10000u);
}

}  // namespace
}  // namespace portalgen::view
