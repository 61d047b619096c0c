// End to end on the real ICAT site in this repository: the facts of the seed documents survive
// into the typed site and the built pages, feeds and calendars.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/file_system.h"
#include "build/pipeline.h"
#include "test_util.h"

namespace portalgen::testing {
namespace {

using content::Kind;

class IcatSiteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    const std::string out = (tmp_->path() / "public").string();
    RunResult r = RunPortalgen(std::string("build --quiet --now 2026-11-23 --source '") +
                               PORTALGEN_SOURCE_DIR + "' --output '" + out + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(r.err, "");
    RealFileSystem fs;
    build::BuildOptions options;
    options.source_dir = PORTALGEN_SOURCE_DIR;
    build::BuildResult result;
    site_ = new std::optional<build::GeneratedSite>(build::Generate(fs, options, result));
    ASSERT_TRUE(site_->has_value());
  }
  static void TearDownTestSuite() {
    delete site_;
    delete tmp_;
  }
  static std::string Page(const std::string& path) {
    return ReadFile(tmp_->path() / "public" / path);
  }
  static const index::Library& lib() { return (*site_)->library; }
  static const content::Document& Doc(Kind kind, const std::string& slug) {
    auto id = lib().Find(kind, slug);
    EXPECT_TRUE(id.has_value()) << slug;
    return lib().docs[id.value_or(0)];
  }

  static TempDir* tmp_;
  static std::optional<build::GeneratedSite>* site_;
};

TempDir* IcatSiteTest::tmp_ = nullptr;
std::optional<build::GeneratedSite>* IcatSiteTest::site_ = nullptr;

TEST_F(IcatSiteTest, MembersAndPartnersOfTheAnnualReport) {
  int members = 0, partners = 0;
  for (index::DocId id : lib().members) {
    (lib().docs[id].member.status == "partner" ? partners : members)++;
  }
  EXPECT_EQ(members, 28);
  EXPECT_EQ(partners, 3);
  EXPECT_EQ(Doc(Kind::kMember, "unu").member.joined.value_or(0), 2022);
}

TEST_F(IcatSiteTest, ViennaEventTimes) {
  const content::EventData& e = Doc(Kind::kEvent, "beyond-the-short-term-vmc-2022").event;
  EXPECT_EQ(e.start.Iso8601(), "2022-10-11T13:30:00+02:00");
  EXPECT_EQ(e.timezone, "Europe/Vienna");
  const std::string html = Page("events/beyond-the-short-term-vmc-2022/index.html");
  EXPECT_NE(html.find("<time datetime=\"2022-10-11T11:30:00Z\">11:30"), std::string::npos);
  const std::string ics = Page("events/beyond-the-short-term-vmc-2022/event.ics");
  EXPECT_NE(ics.find("DTSTART;TZID=Europe/Vienna:20221011T133000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Vienna\r\n"), std::string::npos);
}

TEST_F(IcatSiteTest, ImrfEventSpeakersAndUtcStart) {
  const content::EventData& e = Doc(Kind::kEvent, "vulnerability-mixed-migration-imrf-2022").event;
  EXPECT_EQ(e.start.Iso8601(), "2022-05-20T08:30:00-04:00");
  EXPECT_EQ(e.format, "online");
  std::map<std::string, int> roles;
  for (const content::Speaker& s : e.speakers) roles[s.role]++;
  EXPECT_EQ(e.speakers.size(), 10u);
  EXPECT_EQ(roles["moderator"], 1);
  EXPECT_EQ(roles["discussant"], 5);
  EXPECT_EQ(roles["speaker"], 4);
  const std::string html = Page("events/vulnerability-mixed-migration-imrf-2022/index.html");
  EXPECT_NE(html.find("<time datetime=\"2022-05-20T12:30:00Z\">12:30"), std::string::npos);
}

TEST_F(IcatSiteTest, GenevaEventUsesTheIanaZoneForGeneva) {
  const content::EventData& e =
      Doc(Kind::kEvent, "preventing-trafficking-emergency-settings-2017").event;
  EXPECT_EQ(e.start.Iso8601(), "2017-06-22T18:00:00+02:00");
  EXPECT_EQ(e.timezone, "Europe/Zurich");
  EXPECT_EQ(e.city, "Geneva");
}

TEST_F(IcatSiteTest, UnodcPageListsItsEventsAndBriefs) {
  const std::string html = Page("members/unodc/index.html");
  for (const char* slug : {"beyond-the-short-term-vmc-2022",
                           "vulnerability-mixed-migration-imrf-2022"}) {
    EXPECT_NE(html.find(std::string("/events/") + slug + "/"), std::string::npos) << slug;
  }
  auto unodc = lib().Find(Kind::kMember, "unodc");
  ASSERT_TRUE(unodc);
  ASSERT_TRUE(lib().member_briefs.count(*unodc));
  for (index::DocId brief : lib().member_briefs.at(*unodc)) {
    EXPECT_NE(html.find("/briefs/" + lib().docs[brief].slug + "/"), std::string::npos);
  }
}

TEST_F(IcatSiteTest, IssueBrief12ListsTheImrfEventThatLaunchedIt) {
  const content::Document& brief = Doc(Kind::kBrief, "issue-brief-12-addressing-vulnerability");
  EXPECT_EQ(brief.brief.number.value_or(0), 12);
  const std::string html = Page("briefs/issue-brief-12-addressing-vulnerability/index.html");
  EXPECT_NE(html.find("/events/vulnerability-mixed-migration-imrf-2022/"), std::string::npos);
}

TEST_F(IcatSiteTest, PriorityPagesListWhatIsTaggedWithThem) {
  const config::SiteConfig& config = (*site_)->config;
  ASSERT_EQ(config.priorities.size(), 6u);
  int tagged_total = 0;
  for (const config::Priority& p : config.priorities) {
    const std::string path = "priorities/" + std::to_string(p.number) + "-" + p.slug + "/";
    const std::string html = Page(path + "index.html");
    ASSERT_FALSE(html.empty()) << path;
    auto it = lib().priorities.find(p.number);
    if (it == lib().priorities.end()) continue;
    const size_t first_page = std::min<size_t>(it->second.size(), config.paginate);
    for (size_t i = 0; i < first_page; ++i) {
      const index::DocId id = it->second[i];
      EXPECT_NE(html.find(lib().PathOf(id)), std::string::npos) << path << " " << id;
      ++tagged_total;
    }
  }
  EXPECT_GT(tagged_total, 0);
}

TEST_F(IcatSiteTest, EventJsonLdIsAnEventWithOffsetStartDate) {
  const std::string html = Page("events/beyond-the-short-term-vmc-2022/index.html");
  const std::string open = "<script type=\"application/ld+json\">";
  const size_t start = html.find(open);
  ASSERT_NE(start, std::string::npos);
  const size_t end = html.find("</script>", start);
  const auto ld = nlohmann::json::parse(html.substr(start + open.size(), end - start - open.size()));
  EXPECT_EQ(ld["@type"], "Event");
  EXPECT_EQ(ld["startDate"], "2022-10-11T13:30:00+02:00");
}

TEST_F(IcatSiteTest, FeedsAndCalendarsDoNotDependOnTheDay) {
  TempDir other;
  const std::string out = (other.path() / "public").string();
  RunResult r = RunPortalgen(std::string("build --quiet --now 2031-01-01 --source '") +
                             PORTALGEN_SOURCE_DIR + "' --output '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto a = ReadTree(tmp_->path() / "public");
  const auto b = ReadTree(other.path() / "public");
  int compared = 0;
  for (const auto& [path, bytes] : a) {
    const bool machine = path.ends_with(".xml") || path.ends_with(".ics") ||
                         path.ends_with(".json") || path.ends_with(".txt");
    if (!machine) continue;
    ASSERT_TRUE(b.count(path)) << path;
    EXPECT_EQ(bytes, b.at(path)) << path;
    ++compared;
  }
  EXPECT_GT(compared, 50);
}

}  // namespace
}  // namespace portalgen::testing
