// Unit tests of the iCalendar writer: RFC 5545 text rules, folding, VTIMEZONE and VEVENT.
#include "feeds/calendar.h"

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "feeds/ical_text.h"
#include "feeds_fixture.h"

namespace portalgen::testing {
namespace {

using feeds::ContentLine;

TEST(IcalTextTest, EscapesBackslashSemicolonCommaAndNewlines) {
  const struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"plain", "plain"},
      {"a,b;c\\d", "a\\,b\\;c\\\\d"},
      {"line one\nline two", "line one\\nline two"},
      {"cr\r\nlf", "cr\\nlf"},
      {"bell\x07tab\t:colon", "belltab\t:colon"},
      {"Café, Zürich", "Café\\, Zürich"},
      {"a long run of plain ASCII, then; more\\ and a DEL\x7F here",
       "a long run of plain ASCII\\, then\\; more\\\\ and a DEL here"},
  };
  for (const auto& c : cases) EXPECT_EQ(feeds::IcalText(c.in), c.out) << c.in;
}

TEST(IcalTextTest, ParameterValuesAreQuotedWhenNeeded) {
  EXPECT_EQ(feeds::IcalParam("Alpha Organization"), "Alpha Organization");
  EXPECT_EQ(feeds::IcalParam("Alpha, Inc: \"HQ\""), "\"Alpha, Inc: HQ\"");
}

TEST(IcalTextTest, DateTimesAndOffsets) {
  const int64_t t = content::OffsetDateTime{2022, 10, 11, 13, 30, 0, 120}.UnixSeconds();
  EXPECT_EQ(feeds::IcalDateTime(t, 7200, false), "20221011T133000");
  EXPECT_EQ(feeds::IcalDateTime(t, 7200, true), "20221011T113000Z");
  EXPECT_EQ(feeds::IcalDateTime(-1, 0, true), "19691231T235959Z");
  EXPECT_EQ(feeds::IcalUtcOffset(7200), "+0200");
  EXPECT_EQ(feeds::IcalUtcOffset(-16200), "-0430");
  EXPECT_EQ(feeds::IcalUtcOffset(3600 + 37 * 60 + 28), "+013728");
}

TEST(ContentLineTest, ShortLineIsKeptWithCrlf) {
  EXPECT_EQ(ContentLine("SUMMARY:Hi"), "SUMMARY:Hi\r\n");
}

TEST(ContentLineTest, FoldsAt75Octets) {
  const std::string line = "DESCRIPTION:" + std::string(100, 'x');
  EXPECT_EQ(ContentLine(line),
            "DESCRIPTION:" + std::string(63, 'x') + "\r\n " + std::string(37, 'x') + "\r\n");
}

TEST(ContentLineTest, NeverSplitsAMultiByteCharacter) {
  // "SUMMARY:" is 8 octets; 33 two-octet characters reach 74, the 34th would make 76.
  std::string line = "SUMMARY:";
  for (int i = 0; i < 40; ++i) line += "é";
  const std::string folded = ContentLine(line);
  EXPECT_EQ(
      folded, "SUMMARY:" + [] {
        std::string s;
        for (int i = 0; i < 33; ++i) s += "é";
        s += "\r\n ";
        for (int i = 0; i < 7; ++i) s += "é";
        return s + "\r\n";
      }());
  // Every physical line is valid UTF-8 of at most 75 octets, and unfolding restores the line.
  std::string unfolded;
  size_t start = 0;
  for (size_t end; (end = folded.find("\r\n", start)) != std::string::npos; start = end + 2) {
    const std::string physical = folded.substr(start, end - start);
    EXPECT_LE(physical.size(), 75u);
    EXPECT_EQ(FindInvalidUtf8(physical), std::string::npos);
    unfolded += start == 0 ? physical : physical.substr(1);
  }
  EXPECT_EQ(unfolded, line);
}

// Folding character by character, as RFC 5545 section 3.1 describes it: the reference the
// run-at-a-time ContentLine must match on every line.
std::string FoldOneByOne(std::string_view line) {
  std::string out;
  size_t room = 75;
  for (size_t i = 0; i < line.size();) {
    const size_t len =
        std::min<size_t>(Utf8SequenceLength(static_cast<unsigned char>(line[i])), line.size() - i);
    if (len > room) {
      out += "\r\n ";
      room = 74;
    }
    out.append(line, i, len);
    room -= len;
    i += len;
  }
  return out + "\r\n";
}

TEST(ContentLineTest, FoldsMixedTextAsCharacterByCharacterFolding) {
  const std::string_view pieces[] = {"a", "é", "€", "😀", "ab", "xyz"};
  uint32_t seed = 12345;
  for (int n = 0; n < 400; ++n) {
    std::string line;
    for (int k = 0; k < n; ++k) {
      seed = seed * 1103515245 + 12345;
      line += pieces[(seed >> 16) % 6];
    }
    EXPECT_EQ(ContentLine(line), FoldOneByOne(line)) << line;
  }
  EXPECT_EQ(ContentLine(std::string(75, 'x')), std::string(75, 'x') + "\r\n");
  EXPECT_EQ(ContentLine(std::string(76, 'x')),
            std::string(75, 'x') + "\r\n " + std::string(1, 'x') + "\r\n");
}

TEST(ContentLineTest, FoldsFourByteCharacters) {
  std::string line = "X:";
  for (int i = 0; i < 30; ++i) line += "\xF0\x9F\x98\x80";  // U+1F600
  const std::string folded = ContentLine(line);
  EXPECT_EQ(folded.substr(0, 2 + 18 * 4), line.substr(0, 2 + 18 * 4));
  EXPECT_EQ(folded.substr(2 + 18 * 4, 3), "\r\n ");
}

TEST(VTimezoneTest, ViennaIn2022HasExplicitObservances) {
  EXPECT_EQ(feeds::VTimezone("Europe/Vienna", 2022, 2022),
            "BEGIN:VTIMEZONE\r\nTZID:Europe/Vienna\r\n"
            "BEGIN:STANDARD\r\nDTSTART:20211031T030000\r\nTZOFFSETFROM:+0200\r\n"
            "TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n"
            "BEGIN:DAYLIGHT\r\nDTSTART:20220327T020000\r\nTZOFFSETFROM:+0100\r\n"
            "TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n"
            "BEGIN:STANDARD\r\nDTSTART:20221030T030000\r\nTZOFFSETFROM:+0200\r\n"
            "TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n"
            "END:VTIMEZONE\r\n");
}

TEST(VTimezoneTest, ZoneWithoutChangesHasOneBoundedObservance) {
  EXPECT_EQ(feeds::VTimezone("UTC", 2022, 2022),
            "BEGIN:VTIMEZONE\r\nTZID:UTC\r\nBEGIN:STANDARD\r\nDTSTART:20211231T000000\r\n"
            "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:UTC\r\nEND:STANDARD\r\n"
            "END:VTIMEZONE\r\n");
  EXPECT_EQ(feeds::VTimezone("Nowhere/Else", 2022, 2022), "");
}

const char* const kAlpha =
    "+++\ntitle = \"Alpha Organization\"\nacronym = \"ALPHA\"\n"
    "status = \"member\"\n+++\nAlpha.\n";

TEST(CalendarTest, ViennaEventInItsZone) {
  auto site =
      BuildSite({{"content/events/vienna.md", kViennaEvent}, {"content/members/alpha.md", kAlpha}});
  ASSERT_FALSE(site->sink.has_errors()) << Diagnostics(site->sink);
  const std::string ics = feeds::Calendar(*site->ctx, "Test", site->lib.events);
  const size_t vevent = ics.find("BEGIN:VEVENT");
  ASSERT_NE(vevent, std::string::npos);
  EXPECT_EQ(ics.substr(0, ics.find("BEGIN:VTIMEZONE")),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//portalgen//ICAT//EN\r\n"
            "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Test\r\n");
  EXPECT_NE(ics.find("TZID:Europe/Vienna\r\n"), std::string::npos);
  EXPECT_EQ(ics.substr(vevent),
            "BEGIN:VEVENT\r\n"
            "UID:vienna@example.org\r\n"
            "DTSTAMP:20221011T113000Z\r\n"
            "DTSTART;TZID=Europe/Vienna:20221011T133000\r\n"
            "DTEND;TZID=Europe/Vienna:20221011T140500\r\n"
            "SUMMARY:Beyond the short term\r\n"
            "DESCRIPTION:Side event on partners and more.\\n\\nOrganised by Alpha Organiza\r\n"
            " tion\\, A Foundation.\r\n"
            "LOCATION:Room 1\\, Hofburg\\, Vienna\r\n"
            "URL:https://example.org/portal/events/vienna/\r\n"
            "ORGANIZER;CN=Alpha Organization:mailto:events@example.org\r\n"
            "CATEGORIES:Migration,Labour\\; rights\r\n"
            "END:VEVENT\r\n"
            "END:VCALENDAR\r\n");
}

TEST(CalendarTest, NoZoneMeansUtcAndNoContactMeansNoOrganizer) {
  auto site = BuildSite({{"content/events/web.md",
                          "+++\ntitle = \"Webinar\"\nstart = 2022-05-20T08:30:00-04:00\n"
                          "format = \"online\"\ncontact = \"https://example.org/form\"\n+++\n"}});
  ASSERT_FALSE(site->sink.has_errors()) << Diagnostics(site->sink);
  const std::string ics = feeds::Calendar(*site->ctx, "Test", site->lib.events);
  EXPECT_NE(ics.find("\r\nDTSTART:20220520T123000Z\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("\r\nLOCATION:Online\r\n"), std::string::npos);
  EXPECT_EQ(ics.find("VTIMEZONE"), std::string::npos);
  EXPECT_EQ(ics.find("ORGANIZER"), std::string::npos);
  EXPECT_EQ(ics.find("DTEND"), std::string::npos);
}

TEST(CalendarTest, OrganizerOnlyForAPlainAddress) {
  // The address goes into the line unescaped: a CR in it would end the line (a bare CR).
  for (const char* contact : {"a@example.org\\rX-EVIL:1", "a@example.org\\nX", "a b@example.org",
                              "a@example.org;x", "a\\\\b@example.org", "a@example.org\\u007F"}) {
    SCOPED_TRACE(contact);
    auto site = BuildSite(
        {{"content/events/e.md", "+++\ntitle = \"E\"\nstart = 2022-05-20T08:30:00Z\ncontact = \"" +
                                     std::string(contact) + "\"\n+++\n"}});
    ASSERT_FALSE(site->sink.has_errors()) << Diagnostics(site->sink);
    const std::string ics = feeds::Calendar(*site->ctx, "Test", site->lib.events);
    EXPECT_EQ(ics.find("ORGANIZER"), std::string::npos) << ics;
    for (size_t cr = ics.find('\r'); cr != std::string::npos; cr = ics.find('\r', cr + 1)) {
      ASSERT_EQ(ics[cr + 1], '\n') << "bare CR at " << cr;
    }
  }
}

TEST(CalendarTest, FilesPerEventAllEventsAndMembersWithEvents) {
  auto site = BuildSite(
      {{"content/events/vienna.md", kViennaEvent},
       {"content/members/alpha.md", kAlpha},
       {"content/members/beta.md", "+++\ntitle = \"Beta\"\nstatus = \"partner\"\n+++\n"}});
  std::vector<std::string> paths;
  for (const output::OutputFile& f : feeds::CalendarFiles(*site->ctx)) paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"events/vienna/event.ics", "events/calendar.ics",
                                             "members/alpha/calendar.ics"}));
}

}  // namespace
}  // namespace portalgen::testing
