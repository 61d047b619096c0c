// Unit tests of generator/content: front matter splitting, the per-kind schema with its exact
// diagnostics, and loading a content/ tree from an in-memory file system.
#include <gtest/gtest.h>

#include "diagnostic_lines.h"

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/source_map.h"
#include "content/front_matter.h"
#include "content/loader.h"

namespace portalgen::content {
namespace {

std::vector<std::string> Messages(const DiagnosticSink& sink) { return testing::FirstLines(sink); }

// A content file: `fields` between the two fences, then `body`.
std::string Md(const std::string& fields, const std::string& body = "") {
  return "+++\n" + fields + "+++\n" + body;
}

// ---- SplitFrontMatter ----

TEST(ContentKindTest, KindFromNameInvertsKindName) {
  for (content::Kind kind : {content::Kind::kPage, content::Kind::kBrief, content::Kind::kEvent,
                             content::Kind::kMember}) {
    EXPECT_EQ(content::KindFromName(content::KindName(kind)), kind);
  }
  EXPECT_EQ(content::KindFromName("members"), std::nullopt);
  EXPECT_EQ(content::KindFromName("Member"), std::nullopt);
  EXPECT_EQ(content::KindFromName(""), std::nullopt);
}

TEST(ContentFrontMatterTest, SplitsFieldsAndBody) {
  SourceText file("content/a.md", "+++\ntitle = \"A\"\ndraft = true\n+++\nHello\n\nWorld\n");
  DiagnosticSink sink;
  std::optional<SplitFile> split = SplitFrontMatter(file, sink);
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->front_matter, "title = \"A\"\ndraft = true\n");
  EXPECT_EQ(split->front_matter_line, 2);
  EXPECT_EQ(split->body, "Hello\n\nWorld\n");
  EXPECT_EQ(split->body_line, 5);
  EXPECT_TRUE(Messages(sink).empty());
}

TEST(ContentFrontMatterTest, BodyLineCountsFromTheClosingFence) {
  struct Case {
    const char* text;
    const char* body;
    int body_line;
  };
  const Case cases[] = {
      {"+++\n+++\nx\n", "x\n", 3},
      {"+++\na = 1\nb = 2\nc = 3\n+++\n\n# H\n", "\n# H\n", 6},
      {"+++\na = 1\n+++", "", 4},          // no newline after the closing fence
      {"+++  \na = 1\n+++\t\nx", "x", 4},  // fences may carry trailing blanks
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    SourceText file("f.md", c.text);
    DiagnosticSink sink;
    std::optional<SplitFile> split = SplitFrontMatter(file, sink);
    ASSERT_TRUE(split.has_value());
    EXPECT_EQ(split->body, c.body);
    EXPECT_EQ(split->body_line, c.body_line);
    EXPECT_FALSE(sink.has_errors());
  }
}

TEST(ContentFrontMatterTest, CrlfInputSplitsOnceNormalised) {
  DiagnosticSink sink;
  std::optional<std::string> text =
      NormalizeText("f.md", "\xEF\xBB\xBF+++\r\ntitle = \"A\"\r\n+++\r\nBody\r\n", sink);
  ASSERT_TRUE(text.has_value());
  SourceText file("f.md", *text);
  std::optional<SplitFile> split = SplitFrontMatter(file, sink);
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->front_matter, "title = \"A\"\n");
  EXPECT_EQ(split->body, "Body\n");
  EXPECT_EQ(split->body_line, 4);
  EXPECT_FALSE(sink.has_errors());
}

TEST(ContentFrontMatterTest, ReportsMissingUnclosedAndEmpty) {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"title = \"A\"\n+++\n",
       "f.md:1:1: error: missing front matter: the first line must be '+++' (did you forget to "
       "add '+++' before the TOML fields?)"},
      {"++\ntitle = \"A\"\n++\n",
       "f.md:1:1: error: missing front matter: the first line must be '+++' (did you forget to "
       "add '+++' before the TOML fields?)"},
      {"+++\ntitle = \"A\"\nBody\n",
       "f.md:1:1: error: unclosed front matter: no closing '+++' line (add a line '+++' after "
       "the last TOML field)"},
      {"+++",
       "f.md:1:1: error: unclosed front matter: no closing '+++' line (add a line '+++' "
       "after the last TOML field)"},
      {"",
       "f.md:1:1: error: empty file (start it with a '+++' line, then title = \"...\", then "
       "'+++')"},
      {" \n\n\t\n",
       "f.md:1:1: error: empty file (start it with a '+++' line, then title = "
       "\"...\", then '+++')"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    SourceText file("f.md", c.text);
    DiagnosticSink sink;
    EXPECT_FALSE(SplitFrontMatter(file, sink).has_value());
    EXPECT_EQ(Messages(sink), std::vector<std::string>{c.expected});
  }
}

// ---- LoadDocument: valid documents of each kind ----

TEST(ContentDocumentTest, LoadsPage) {
  DiagnosticSink sink;
  std::optional<Document> doc = LoadDocument(
      "content/about.md",
      Md("title = \"About ICAT\"\nsummary = \"Who we are\"\ntopics = [\"Governance\"]\n"
         "aliases = [\"/old/about/\"]\n",
         "Hello\n"),
      sink);
  ASSERT_TRUE(doc.has_value());
  EXPECT_TRUE(Messages(sink).empty());
  EXPECT_EQ(doc->kind, Kind::kPage);
  EXPECT_EQ(doc->slug, "about");
  EXPECT_EQ(doc->source_path, "content/about.md");
  EXPECT_EQ(doc->title, "About ICAT");
  EXPECT_EQ(doc->summary, "Who we are");
  EXPECT_FALSE(doc->draft);
  EXPECT_FALSE(doc->broken);
  ASSERT_EQ(doc->topics.size(), 1u);
  EXPECT_EQ(doc->topics[0].value, "Governance");
  EXPECT_EQ(doc->topics[0].line, 4);
  EXPECT_EQ(doc->topics[0].col, 11);
  ASSERT_EQ(doc->aliases.size(), 1u);
  EXPECT_EQ(doc->aliases[0].value, "/old/about/");
  EXPECT_EQ(doc->body, "Hello\n");
  EXPECT_EQ(doc->body_line, 7);
}

TEST(ContentDocumentTest, LoadsBrief) {
  DiagnosticSink sink;
  std::optional<Document> doc = LoadDocument(
      "content/briefs/issue-brief-12.md",
      Md("title = \"Brief 12\"\nkind = \"issue-brief\"\nnumber = 12\ndate = 2022-12-01\n"
         "members = [\"unodc\", \"iom\"]\npriorities = [1, 6]\ndocument = \"/docs/b12.pdf\"\n"
         "slug = \"b12\"\n"),
      sink);
  ASSERT_TRUE(doc.has_value());
  EXPECT_TRUE(Messages(sink).empty());
  EXPECT_EQ(doc->kind, Kind::kBrief);
  EXPECT_EQ(doc->slug, "b12");  // the slug field overrides the file name
  EXPECT_EQ(doc->brief.kind, "issue-brief");
  EXPECT_EQ(doc->brief.number, 12);
  EXPECT_EQ(doc->brief.date, (PartialDate{2022, 12, 1}));
  ASSERT_EQ(doc->brief.members.size(), 2u);
  EXPECT_EQ(doc->brief.members[1].value, "iom");
  EXPECT_EQ(doc->brief.members[1].line, 6);
  EXPECT_EQ(doc->brief.members[1].col, 21);
  ASSERT_EQ(doc->priorities.size(), 2u);
  EXPECT_EQ(doc->priorities[0].value, 1);
  EXPECT_EQ(doc->priorities[1].value, 6);
  EXPECT_EQ(doc->priorities[1].line, 7);  // file line, like every other located value
  EXPECT_EQ(doc->priorities[1].col, 18);
  EXPECT_EQ(doc->brief.document, "/docs/b12.pdf");
}

TEST(ContentDocumentTest, LoadsEvent) {
  DiagnosticSink sink;
  std::optional<Document> doc = LoadDocument(
      "content/events/side-event.md",
      Md("title = \"Side event\"\n"
         "start = 2022-10-11T13:30:00+02:00\n"
         "end = 2022-10-11T15:00:00+02:00\n"
         "timezone = \"Europe/Vienna\"\n"
         "venue = \"Hofburg\"\ncity = \"Vienna\"\nformat = \"hybrid\"\n"
         "members = [\"icmpd\"]\nbriefs = [\"b12\"]\nlanguages = [\"English\"]\n"
         "other_organizers = [\"Someone else\"]\n"
         "[[speakers]]\nname = \"Ana Pérez\"\nrole = \"moderator\"\nmember = \"icmpd\"\n"
         "[[speakers]]\nname = \"Bo Li\"\norganization = \"NGO\"\n"
         "[[agenda]]\nstart = \"13:30\"\nend = \"14:00\"\ntitle = \"Opening\"\n"
         "speakers = [\"Ana Pérez\"]\n"),
      sink);
  ASSERT_TRUE(doc.has_value());
  EXPECT_TRUE(Messages(sink).empty());
  const EventData& e = doc->event;
  EXPECT_EQ(doc->kind, Kind::kEvent);
  EXPECT_EQ(e.start.Iso8601(), "2022-10-11T13:30:00+02:00");
  ASSERT_TRUE(e.end.has_value());
  EXPECT_EQ(e.end->UnixSeconds() - e.start.UnixSeconds(), 90 * 60);
  EXPECT_EQ(e.timezone, "Europe/Vienna");
  EXPECT_EQ(e.start_line, 3);
  EXPECT_EQ(e.start_col, 9);
  EXPECT_EQ(e.timezone_line, 5);
  EXPECT_EQ(e.format, "hybrid");
  EXPECT_EQ(e.other_organizers, std::vector<std::string>{"Someone else"});
  ASSERT_EQ(e.speakers.size(), 2u);
  EXPECT_EQ(e.speakers[0].name, "Ana Pérez");
  EXPECT_EQ(e.speakers[0].member.value, "icmpd");
  EXPECT_EQ(e.speakers[0].member.line, 16);
  EXPECT_EQ(e.speakers[1].organization, "NGO");
  EXPECT_EQ(e.speakers[1].member.value, "");
  ASSERT_EQ(e.agenda.size(), 1u);
  EXPECT_EQ(e.agenda[0].start, "13:30");
  EXPECT_EQ(e.agenda[0].speakers[0].value, "Ana Pérez");
}

TEST(ContentDocumentTest, LoadsMember) {
  DiagnosticSink sink;
  std::optional<Document> doc = LoadDocument(
      "content/members/unodc.md",
      Md("title = \"UN Office on Drugs and Crime\"\nacronym = \"UNODC\"\nstatus = \"member\"\n"
         "joined = 2007\nwebsite = \"https://unodc.org\"\nchairs = [2019, 2020]\n"),
      sink);
  ASSERT_TRUE(doc.has_value());
  EXPECT_TRUE(Messages(sink).empty());
  EXPECT_EQ(doc->kind, Kind::kMember);
  EXPECT_EQ(doc->member.acronym, "UNODC");
  EXPECT_EQ(doc->member.status, "member");
  EXPECT_EQ(doc->member.joined, 2007);
  EXPECT_EQ(doc->member.chairs, (std::vector<int>{2019, 2020}));
}

TEST(ContentDocumentTest, CrlfFileKeepsLineNumbers) {
  DiagnosticSink sink;
  std::optional<Document> doc = LoadDocument(
      "content/about.md", "+++\r\ntitle = \"A\"\r\ntitel = \"B\"\r\n+++\r\nBody\r\n", sink);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->body, "Body\n");
  EXPECT_EQ(doc->body_line, 5);
  EXPECT_EQ(Messages(sink),
            std::vector<std::string>{"content/about.md:3:1: warning: unknown field 'titel' (did "
                                     "you mean 'title'?)"});
}

TEST(ContentDocumentTest, BriefDateForms) {
  struct Case {
    const char* fields;
    std::optional<PartialDate> date;
  };
  const Case cases[] = {
      {"date = 2022-12-01\n", PartialDate{2022, 12, 1}},
      {"date = 2022\n", PartialDate{2022, 0, 0}},
      {"date = \"2022-03\"\n", PartialDate{2022, 3, 0}},
      {"undated = true\n", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.fields);
    DiagnosticSink sink;
    std::optional<Document> doc =
        LoadDocument("content/briefs/b.md",
                     Md(std::string("title = \"B\"\nkind = \"other\"\n") + c.fields), sink);
    ASSERT_TRUE(doc.has_value());
    EXPECT_TRUE(Messages(sink).empty());
    EXPECT_EQ(doc->brief.date, c.date);
  }
}

// ---- LoadDocument: every invalid front matter, with the exact diagnostics ----

struct InvalidCase {
  const char* name;
  const char* path;
  std::string text;
  std::vector<std::string> expected;  // sorted by position
};

constexpr const char* kDateHint =
    "(write date = 2022-12-01 (no quotes), date = 2022 for a year, or date = \"2022-12\" for a "
    "month)";

std::vector<InvalidCase> InvalidCases() {
  const std::string brief = "title = \"B\"\nkind = \"other\"\n";  // lines 2-3
  const std::string event = "title = \"E\"\n";                    // line 2
  const std::string member = "title = \"M\"\n";                   // line 2
  const char* b = "content/briefs/b.md";
  const char* e = "content/events/e.md";
  const char* m = "content/members/m.md";
  const char* p = "content/p.md";
  return {
      // Wrong types.
      {"title_integer",
       p,
       Md("title = 5\n"),
       {"content/p.md:2:9: error: 'title' must be a string in \"double quotes\", not an "
        "integer"}},
      {"draft_string",
       p,
       Md("title = \"P\"\ndraft = \"yes\"\n"),
       {"content/p.md:3:9: error: 'draft' must be true or false, not a string"}},
      {"members_string",
       b,
       Md(brief + "date = 2022\nmembers = \"unodc\"\n"),
       {"content/briefs/b.md:5:11: error: 'members' must be an array of strings, e.g. [\"a\", "
        "\"b\"], not a string"}},
      {"members_item_integer",
       b,
       Md(brief + "date = 2022\nmembers = [\"unodc\", 3]\n"),
       {"content/briefs/b.md:5:21: error: 'members' must be an array of strings, not an "
        "integer"}},
      {"number_string",
       b,
       Md(brief + "date = 2022\nnumber = \"3\"\n"),
       {"content/briefs/b.md:5:10: error: 'number' must be a whole number, not a string"}},
      {"chairs_string_item",
       m,
       Md(member + "status = \"member\"\nchairs = [\"2020\"]\n"),
       {"content/members/m.md:4:11: error: 'chairs' must be an array of whole numbers, not a "
        "string"}},
      // Missing required fields, per kind.
      {"page_without_title",
       p,
       Md("summary = \"S\"\n"),
       {"content/p.md:1:1: error: missing required field 'title' (add title = \"...\")"}},
      {"empty_title",
       p,
       Md("title = \"\"\n"),
       {"content/p.md:2:9: error: 'title' must not be empty"}},
      {"brief_without_kind_and_date",
       b,
       Md("title = \"B\"\n"),
       {"content/briefs/b.md:1:1: error: missing required field 'date' (add date = 2022-12-01, "
        "or undated = true if no date is known)",
        "content/briefs/b.md:1:1: error: missing required field 'kind' (add kind = \"...\")"}},
      {"event_without_start",
       e,
       Md(event),
       {"content/events/e.md:1:1: error: missing required field 'start' (add start = "
        "2022-10-11T13:30:00+02:00)"}},
      {"member_without_status",
       m,
       Md(member),
       {"content/members/m.md:1:1: error: missing required field 'status' (add status = "
        "\"...\")"}},
      {"front_matter_empty",
       p,
       Md(""),
       {"content/p.md:1:1: error: front matter is empty (add at least title = \"...\")"}},
      // Brief kinds and dates.
      {"brief_kind_typo",
       b,
       Md("title = \"B\"\nkind = \"isue-brief\"\ndate = 2022\n"),
       {"content/briefs/b.md:3:8: error: unknown brief kind 'isue-brief' (did you mean "
        "'issue-brief'?)"}},
      {"brief_kind_unknown",
       b,
       Md("title = \"B\"\nkind = \"newsletter\"\ndate = 2022\n"),
       {"content/briefs/b.md:3:8: error: unknown brief kind 'newsletter' (one of: issue-brief, "
        "call-to-action, joint-statement, press-release, annual-report, submission, other)"}},
      {"date_small_integer",
       b,
       Md(brief + "date = 99\n"),
       {std::string("content/briefs/b.md:4:8: error: bad date: 99 is not a year ") + kDateHint}},
      {"date_month_13",
       b,
       Md(brief + "date = \"2022-13\"\n"),
       {std::string("content/briefs/b.md:4:8: error: bad date \"2022-13\" ") + kDateHint}},
      {"date_single_digit_month",
       b,
       Md(brief + "date = \"2022-3\"\n"),
       {std::string("content/briefs/b.md:4:8: error: bad date \"2022-3\" ") + kDateHint}},
      {"date_full_in_quotes",
       b,
       Md(brief + "date = \"2022-12-01\"\n"),
       {std::string("content/briefs/b.md:4:8: error: bad date \"2022-12-01\" ") + kDateHint}},
      {"date_words",
       b,
       Md(brief + "date = \"December 2022\"\n"),
       {std::string("content/briefs/b.md:4:8: error: bad date \"December 2022\" ") + kDateHint}},
      {"date_time",
       b,
       Md(brief + "date = 2022-12-01T10:00:00Z\n"),
       {std::string("content/briefs/b.md:4:8: error: bad date: 'date' must be a date, not a "
                    "date-time ") +
        kDateHint}},
      {"undated_string",
       b,
       Md(brief + "undated = \"yes\"\n"),
       {"content/briefs/b.md:1:1: error: missing required field 'date' (add date = 2022-12-01, "
        "or undated = true if no date is known)",
        "content/briefs/b.md:4:11: error: 'undated' must be true or false, not a string"}},
      // Event times.
      {"start_without_offset",
       e,
       Md(event + "start = 2022-10-11T13:30:00\n"),
       {"content/events/e.md:3:9: error: bad date-time: 'start' has no UTC offset (add the "
        "offset of the event's time zone, e.g. +02:00 or Z)"}},
      {"start_string",
       e,
       Md(event + "start = \"2022-10-11 13:30\"\n"),
       {"content/events/e.md:3:9: error: bad date-time: 'start' must be a date-time, not a "
        "string (write an offset date-time without quotes, e.g. 2022-10-11T13:30:00+02:00)"}},
      {"end_before_start",
       e,
       Md(event + "start = 2022-10-11T13:30:00+02:00\nend = 2022-10-11T12:00:00+02:00\n"),
       {"content/events/e.md:4:7: error: 'end' is before 'start' (check the date, time and "
        "offset)"}},
      {"end_before_start_by_offset",
       e,
       Md(event + "start = 2022-10-11T13:30:00+02:00\nend = 2022-10-11T13:00:00+01:00\n"
                  "venue = \"V\"\nvenu = \"W\"\n"),
       {"content/events/e.md:6:1: warning: unknown field 'venu' (did you mean 'venue'?)"}},
      {"format_typo",
       e,
       Md(event + "start = 2022-10-11T13:30:00Z\nformat = \"onlin\"\n"),
       {"content/events/e.md:4:10: error: unknown format 'onlin' (did you mean 'online'?)"}},
      {"agenda_time_without_leading_zero",
       e,
       Md(event + "start = 2022-10-11T13:30:00Z\n[[agenda]]\nstart = \"9:00\"\n"
                  "end = \"24:00\"\ntitle = \"Opening\"\n"),
       {"content/events/e.md:5:9: error: bad time \"9:00\" (write agenda times as \"HH:MM\")",
        "content/events/e.md:6:7: error: bad time \"24:00\" (write agenda times as "
        "\"HH:MM\")"}},
      {"speaker_without_name",
       e,
       Md(event + "start = 2022-10-11T13:30:00Z\n[[speakers]]\nnmae = \"Ana\"\n"),
       {"content/events/e.md:4:1: error: missing required field 'name' in [[speakers]] (add "
        "name = \"...\")",
        "content/events/e.md:5:1: warning: unknown field 'nmae' in [[speakers]] (did you mean "
        "'name'?)"}},
      // Unknown fields.
      {"unknown_fields",
       b,
       Md(brief + "date = 2022\nmemebrs = [\"unodc\"]\ncolour = \"red\"\n"),
       {"content/briefs/b.md:5:1: warning: unknown field 'memebrs' (did you mean 'members'?)",
        "content/briefs/b.md:6:1: warning: unknown field 'colour'"}},
      {"event_field_on_page",
       p,
       Md("title = \"P\"\nvenue = \"V\"\n"),
       {"content/p.md:3:1: warning: unknown field 'venue'"}},
      // Slugs, priorities, aliases.
      {"invalid_slug",
       p,
       Md("title = \"P\"\nslug = \"My Page\"\n"),
       {"content/p.md:3:8: error: invalid slug 'My Page' (use lowercase a-z, 0-9 and '-' only, "
        "e.g. 'my-page')"}},
      {"priorities_out_of_range",
       p,
       Md("title = \"P\"\npriorities = [0, 3, 7]\n"),
       {"content/p.md:3:15: error: priority 0 does not exist (ICAT priorities are numbered 1 "
        "to 6 (see site.toml))",
        "content/p.md:3:21: error: priority 7 does not exist (ICAT priorities are numbered 1 "
        "to 6 (see site.toml))"}},
      {"unsafe_aliases",
       p,
       Md("title = \"P\"\naliases = [\"old\", \"/../x\", \"//evil.org/\", \"/ok/\", "
          "\"javascript:x\"]\n"),
       {"content/p.md:3:12: error: invalid alias 'old' (an alias is a site path such as "
        "\"/old/path/\" without '..' or a scheme)",
        "content/p.md:3:19: error: invalid alias '/../x' (an alias is a site path such as "
        "\"/old/path/\" without '..' or a scheme)",
        "content/p.md:3:28: error: invalid alias '//evil.org/' (an alias is a site path such as "
        "\"/old/path/\" without '..' or a scheme)",
        "content/p.md:3:51: error: invalid alias 'javascript:x' (an alias is a site path such "
        "as \"/old/path/\" without '..' or a scheme)"}},
      // Member values.
      {"member_status_typo",
       m,
       Md(member + "status = \"memebr\"\n"),
       {"content/members/m.md:3:10: error: unknown status 'memebr' (did you mean 'member'?)"}},
      {"member_joined_not_a_year",
       m,
       Md(member + "status = \"partner\"\njoined = 22\n"),
       {"content/members/m.md:4:10: error: 'joined' must be a year, e.g. 2022"}},
      // URLs that would run script, however they are spelt.
      {"script_urls",
       m,
       Md(member + "status = \"member\"\nwebsite = \" JavaScript:alert(1)\"\n"),
       {"content/members/m.md:4:11: error: unsafe URL in 'website' (javascript:, vbscript: and "
        "data: links are refused; use an https:// address or a site path such as "
        "/files/report.pdf)"}},
      {"script_urls_in_briefs_and_events",
       b,
       Md(brief + "date = 2022\ndocument = \"java\\tscript:x\"\n"),
       {"content/briefs/b.md:5:12: error: unsafe URL in 'document' (javascript:, vbscript: and "
        "data: links are refused; use an https:// address or a site path such as "
        "/files/report.pdf)"}},
      {"script_urls_in_events",
       e,
       Md(event + "start = 2022-10-11T13:30:00Z\nregistration = \"data:text/html,x\"\n"),
       {"content/events/e.md:4:16: error: unsafe URL in 'registration' (javascript:, vbscript: "
        "and data: links are refused; use an https:// address or a site path such as "
        "/files/report.pdf)"}},
  };
}

TEST(ContentDocumentTest, InvalidFrontMatterHasExactDiagnostics) {
  for (const InvalidCase& c : InvalidCases()) {
    SCOPED_TRACE(c.name);
    DiagnosticSink sink;
    std::optional<Document> doc = LoadDocument(c.path, c.text, sink);
    ASSERT_TRUE(doc.has_value());  // still returned, so later stages report their errors too
    EXPECT_EQ(Messages(sink), c.expected);
  }
}

TEST(ContentDocumentTest, TomlSyntaxErrorMarksTheDocumentBroken) {
  DiagnosticSink sink;
  std::optional<Document> doc =
      LoadDocument("content/briefs/b.md", Md("title = \"B\"\nkind = \"other\nx = 1\n"), sink);
  ASSERT_TRUE(doc.has_value());
  EXPECT_TRUE(doc->broken);
  EXPECT_EQ(doc->slug, "b");
  const std::vector<Diagnostic> ds = sink.Sorted();
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].path, "content/briefs/b.md");
  EXPECT_EQ(ds[0].line, 3);  // file line, not front matter line
  EXPECT_EQ(ds[0].message.rfind("TOML syntax error: ", 0), 0u) << ds[0].message;
  EXPECT_EQ(ds[0].hint,
            "check quotes, brackets and '=' on this line; strings need \"double quotes\"");
}

TEST(ContentDocumentTest, InvalidUtf8IsBrokenAndNotAlsoMisnamed) {
  DiagnosticSink sink;
  std::optional<Document> doc =
      LoadDocument("content/briefs/Bad Name.md", Md("title = \"\xFF\"\n"), sink);
  EXPECT_FALSE(doc.has_value());
  EXPECT_EQ(Messages(sink),
            std::vector<std::string>{
                "content/briefs/Bad Name.md:2:10: error: invalid UTF-8 (byte 0xFF) (save the "
                "file as UTF-8 in your editor)"});

  DiagnosticSink sink2;
  doc = LoadDocument("content/briefs/ok.md", Md("title = \"\xFF\"\n"), sink2);
  ASSERT_TRUE(doc.has_value());
  EXPECT_TRUE(doc->broken);
  EXPECT_EQ(doc->kind, Kind::kBrief);
  EXPECT_EQ(doc->slug, "ok");
}

// ---- LoadContent over a MemoryFileSystem ----

class ContentLoadTest : public ::testing::Test {
 protected:
  void Add(const std::string& rel, const std::string& text) {
    ASSERT_TRUE(fs_.Write("site/" + rel, text).ok());
  }
  void AddValidTree() {
    Add("content/index.md", Md("title = \"Home\"\n"));
    Add("content/about.md", Md("title = \"About\"\n"));
    Add("content/briefs/zeta.md", Md("title = \"Z\"\nkind = \"other\"\ndate = 2020\n"));
    Add("content/briefs/alpha.md", Md("title = \"A\"\nkind = \"other\"\ndate = 2021\n"));
    Add("content/events/meet.md", Md("title = \"E\"\nstart = 2022-10-11T13:30:00Z\n"));
    Add("content/members/unodc.md", Md("title = \"UNODC\"\nstatus = \"member\"\n"));
    Add("content/members/later.md", Md("title = \"Later\"\nstatus = \"partner\"\ndraft = true\n"));
  }
  static std::vector<std::string> Paths(const std::vector<Document>& docs) {
    std::vector<std::string> out;
    for (const Document& d : docs) out.push_back(d.source_path);
    return out;
  }
  MemoryFileSystem fs_;
};

TEST_F(ContentLoadTest, LoadsInFileOrderWithoutDrafts) {
  AddValidTree();
  DiagnosticSink sink;
  std::vector<Document> docs = LoadContent(fs_, "site", {false, 3}, sink);
  EXPECT_TRUE(Messages(sink).empty());
  EXPECT_EQ(Paths(docs),
            (std::vector<std::string>{"content/about.md", "content/briefs/alpha.md",
                                      "content/briefs/zeta.md", "content/events/meet.md",
                                      "content/index.md", "content/members/unodc.md"}));
  EXPECT_EQ(docs[1].kind, Kind::kBrief);
  EXPECT_EQ(docs[3].kind, Kind::kEvent);
  EXPECT_EQ(docs[4].slug, "index");
}

TEST_F(ContentLoadTest, DraftsKeptWhenAsked) {
  AddValidTree();
  DiagnosticSink sink;
  LoadOptions options;
  options.drafts = true;
  std::vector<Document> docs = LoadContent(fs_, "site", options, sink);
  ASSERT_EQ(docs.size(), 7u);
  EXPECT_EQ(docs[5].source_path, "content/members/later.md");
  EXPECT_TRUE(docs[5].draft);
}

TEST_F(ContentLoadTest, SameResultWithOneOrManyThreads) {
  AddValidTree();
  DiagnosticSink one, many;
  EXPECT_EQ(Paths(LoadContent(fs_, "site", {true, 1}, one)),
            Paths(LoadContent(fs_, "site", {true, 8}, many)));
}

TEST_F(ContentLoadTest, ReportsStrayFilesFoldersAndNames) {
  AddValidTree();
  Add("content/notes.txt", "x");
  Add("content/brief/x.md", Md("title = \"X\"\n"));
  Add("content/blog/y.md", Md("title = \"Y\"\n"));
  Add("content/briefs/My Brief.md", Md("title = \"M\"\nkind = \"other\"\ndate = 2020\n"));
  Add("content/Über_uns.md", Md("title = \"U\"\n"));
  DiagnosticSink sink;
  std::vector<Document> docs = LoadContent(fs_, "site", {}, sink);
  EXPECT_EQ(docs.size(), 6u);
  EXPECT_EQ(Messages(sink),
            (std::vector<std::string>{
                "content/blog/y.md:1:1: error: unknown content folder 'content/blog/' (content "
                "goes in content/, content/briefs/, content/events/ or content/members/)",
                "content/brief/x.md:1:1: error: unknown content folder 'content/brief/' (did "
                "you mean 'briefs'?)",
                "content/briefs/My Brief.md:1:1: error: invalid file name 'My Brief.md' (rename "
                "it to 'my-brief.md': lowercase a-z, 0-9 and '-' only)",
                "content/notes.txt: warning: not a .md file: ignored (put downloads and images "
                "in static/, not content/)",
                "content/Über_uns.md:1:1: error: invalid file name 'Über_uns.md' (rename it to "
                "'uber-uns.md': lowercase a-z, 0-9 and '-' only)",
            }));
}

TEST_F(ContentLoadTest, MissingContentFolderIsEmpty) {
  DiagnosticSink sink;
  EXPECT_TRUE(LoadContent(fs_, "site", {}, sink).empty());
  EXPECT_FALSE(sink.has_errors());
}

}  // namespace
}  // namespace portalgen::content
