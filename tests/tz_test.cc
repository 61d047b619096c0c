// Unit tests of generator/tz: offsets from the system tz database and the event zone check.
#include <gtest/gtest.h>

#include "feeds_fixture.h"
#include "tz/zones.h"

namespace portalgen::testing {
namespace {

int64_t Unix(int y, int mo, int d, int h, int mi) {
  return content::OffsetDateTime{y, mo, d, h, mi, 0, 0}.UnixSeconds();
}

TEST(TzTest, OffsetAtFollowsSummerTime) {
  EXPECT_EQ(tz::OffsetAt("Europe/Vienna", Unix(2022, 10, 11, 11, 30)), 120);
  EXPECT_EQ(tz::OffsetAt("Europe/Vienna", Unix(2022, 1, 11, 11, 30)), 60);
  EXPECT_EQ(tz::OffsetAt("America/New_York", Unix(2022, 5, 20, 12, 30)), -240);
  EXPECT_EQ(tz::OffsetAt("Asia/Kolkata", Unix(2022, 5, 20, 12, 30)), 330);
  EXPECT_EQ(tz::OffsetAt("UTC", 0), 0);
  EXPECT_EQ(tz::OffsetAt("Europe/Viena", 0), std::nullopt);
  EXPECT_EQ(tz::OffsetAt("", 0), std::nullopt);
}

TEST(TzTest, PeriodsOfAYearInVienna) {
  const std::vector<tz::Period> p =
      tz::PeriodsBetween("Europe/Vienna", Unix(2022, 1, 1, 0, 0), Unix(2023, 1, 1, 0, 0));
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].abbrev, "CET");
  EXPECT_FALSE(p[0].dst);
  EXPECT_EQ(p[1].abbrev, "CEST");
  EXPECT_TRUE(p[1].dst);
  EXPECT_EQ(p[1].begin, Unix(2022, 3, 27, 1, 0));  // 02:00 CET
  EXPECT_EQ(p[1].offset_seconds, 7200);
  EXPECT_EQ(p[2].begin, Unix(2022, 10, 30, 1, 0));  // 03:00 CEST
  EXPECT_TRUE(tz::PeriodsBetween("Mars/Olympus", 0, 1).empty());
}

TEST(TzTest, ZoneNamesHoldCanonicalZones) {
  const std::vector<std::string>& names = tz::ZoneNames();
  EXPECT_TRUE(std::binary_search(names.begin(), names.end(), "Europe/Vienna"));
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

std::string CheckZones(const std::string& front_matter) {
  auto site = BuildSite({{"content/events/x.md", "+++\ntitle = \"X\"\n" + front_matter + "+++\n"}});
  EXPECT_FALSE(site->sink.has_errors()) << Diagnostics(site->sink);
  DiagnosticSink sink;
  tz::CheckEventZones(site->lib, sink);
  return FormatDiagnostics(sink.Sorted());
}

TEST(CheckEventZonesTest, AcceptsOffsetsThatMatchTheZone) {
  EXPECT_EQ(CheckZones("start = 2022-10-11T13:30:00+02:00\nend = 2022-10-30T02:30:00+01:00\n"
                       "timezone = \"Europe/Vienna\"\n"),
            "");
  EXPECT_EQ(CheckZones("start = 2022-10-11T13:30:00+02:00\n"), "");  // no zone: nothing to check
}

TEST(CheckEventZonesTest, RejectsWinterOffsetInViennaSummerTime) {
  EXPECT_EQ(CheckZones("start = 2022-10-11T13:30:00+01:00\ntimezone = \"Europe/Vienna\"\n"),
            "content/events/x.md:3:9: error: 'start' has offset +01:00 but Europe/Vienna is at "
            "+02:00 on 2022-10-11 (write 2022-10-11T13:30:00+02:00 if the local time is right, "
            "or fix 'timezone')\n"
            "start = 2022-10-11T13:30:00+01:00\n"
            "        ^\n"
            "1 error, 0 warnings\n");
}

TEST(CheckEventZonesTest, RejectsEndOffset) {
  EXPECT_EQ(CheckZones("start = 2022-05-20T08:30:00-04:00\nend = 2022-05-20T10:00:00-05:00\n"
                       "timezone = \"America/New_York\"\n"),
            "content/events/x.md:4:7: error: 'end' has offset -05:00 but America/New_York is at "
            "-04:00 on 2022-05-20 (write 2022-05-20T10:00:00-04:00 if the local time is right, "
            "or fix 'timezone')\n"
            "end = 2022-05-20T10:00:00-05:00\n"
            "      ^\n"
            "1 error, 0 warnings\n");
}

TEST(CheckEventZonesTest, UnknownZoneGetsDidYouMean) {
  EXPECT_EQ(CheckZones("start = 2022-10-11T13:30:00+02:00\ntimezone = \"Europe/Viena\"\n"),
            "content/events/x.md:4:12: error: unknown time zone 'Europe/Viena' (did you mean "
            "'Europe/Vienna'?)\n"
            "timezone = \"Europe/Viena\"\n"
            "           ^\n"
            "1 error, 0 warnings\n");
}

TEST(CheckEventZonesTest, BareCityNameSuggestsItsZone) {
  const std::string out =
      CheckZones("start = 2022-05-20T08:30:00-04:00\ntimezone = \"New York\"\n");
  EXPECT_NE(out.find("unknown time zone 'New York' (did you mean 'America/New_York'?)"),
            std::string::npos)
      << out;
}

TEST(CheckEventZonesTest, GenevaIsNotAZoneButZurichIs) {
  const std::string out =
      CheckZones("start = 2017-06-22T18:00:00+02:00\ntimezone = \"Europe/Geneva\"\n");
  EXPECT_NE(out.find("unknown time zone 'Europe/Geneva' (did you mean 'Europe/Zurich'?)"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace portalgen::testing
