// End to end, through the portalgen binary: a site whose front matter is hostile in every field
// (markup that tries to leave its context, script URLs, "]]>", U+2028/U+2029, controls and NUL,
// a 10,000-character word, right-to-left text with U+202E) builds, and every output reads as
// its own parser reads it, with each string intact as text and nothing live:
//   HTML       html.parser (tests/tools/inspect_site.py): balanced elements, no <script> but
//              the theme's, no on* attribute, no script URL, no character HTML forbids
//   XML        expat (same script): Atom, RSS and the sitemap parse, titles intact
//   JSON       nlohmann: JSON Feed and search index parse, titles intact
//   JSON-LD    nlohmann on each <script type="application/ld+json">: no "</script", no raw
//              U+2028/U+2029, names intact
//   iCalendar  RFC 5545 lexical rules: CRLF only, lines of at most 75 octets, TEXT values
//              with ',', ';', '\' and line ends escaped, and intact once unescaped
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "test_util.h"

namespace portalgen::testing {
namespace {

using nlohmann::json;

// Tries to end an attribute, an element, a script, a CDATA section, a comment, a TEXT value.
const std::string kBreakOut =
    "\"><script>alert(1)</script> </script><script>alert(1)</script> ]]> <!-- ' & "
    "{{site.title}} ; , \\ ";
// Line separators that end a JavaScript string before ES2019, Arabic, and a right-to-left
// override that would show "txt.exe" as "exe.txt".
const std::string kRtl = "\u2028\u2029 \u0645\u0631\u062D\u0628\u0627 \u202Etxt.exe";
const std::string kHostile = kBreakOut + kRtl;
const std::string kScriptUrl = "javascript:alert(1)";
// Valid URLs that try to end the attribute they go into.
const std::string kHostileUrl = "https://example.org/a?b=1&c=\"><script>alert(1)</script>'x";

// 10,002 characters (13,336 bytes): Latin letters and an Arabic one, so the slug of the word
// as a topic or a name is long too.
std::string LongWord() {
  std::string word;
  for (int i = 0; i < 3334; ++i) word += "ab\u0628";
  return word;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// `s` as a TOML basic string: quotes, backslashes and control characters escaped.
std::string Toml(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Title prefixes, so that each page's strings are told apart.
const std::string kEventTitle = "Event " + kHostile;
const std::string kMemberTitle = "Member " + kHostile;
const std::string kBriefTitle = "Brief " + kHostile;
const std::string kPageTitle = "Page " + kHostile;
const std::string kSpeaker = "Speaker " + kHostile;
const std::string kArabicSpeaker = "\u0633\u0644\u0627\u0645 \u202E\u0639\u0644\u064A";
const std::string kTopic = "Topic " + kHostile;
// TOML escapes carry what no file may hold raw: NUL, controls, DEL, C1, noncharacters.
const std::string kControls = std::string("Controls a\0b\x01\x1F\x7F", 15) + "\u0085\uFDD0\uFFFF";

// Markdown bodies: raw HTML and links that safe mode must defuse, NUL outside and inside code.
const std::string kHostileBody =
    "Text with " + kHostile +
    "\n\n[link](javascript:alert(1)) [ok](https://example.org/)\n\n"
    "<img src=\"x.png\" alt=\"\" onerror=\"alert(1)\"> <a "
    "href=\"jav&#x61;script:alert(1)\">a</a>\n\n"
    "<script>alert(1)</script>\n\n<div title='a\n\n' onmouseover=alert(1) x='\n\n"
    "NUL \x00 outside and `inside \x00 code`.\n";

void WriteSite(const fs::path& site) {
  CopyTree(fs::path(PORTALGEN_SOURCE_DIR) / "themes" / "icat", site / "themes" / "icat");
  WriteFile(site / "site.toml",
            "title = " + Toml("Portal " + kHostile) + "\nbase_url = \"https://example.org/p/\"\n" +
                "theme = \"icat\"\ndescription = " + Toml(kHostile) +
                "\n[author]\nname = " + Toml(kHostile) + "\nemail = \"team@example.org\"\n");
  const fs::path content = site / "content";
  WriteFile(content / "index.md", "+++\ntitle = " + Toml(kHostile) + "\n+++\n" + kHostileBody);
  WriteFile(content / "about.md", "+++\ntitle = " + Toml(kPageTitle) +
                                      "\nsummary = " + Toml(kHostile) + "\n+++\n" + kHostileBody);
  WriteFile(content / "members" / "alpha.md",
            "+++\ntitle = " + Toml(kMemberTitle) + "\nacronym = " + Toml("A " + kHostile) +
                "\nstatus = \"member\"\nwebsite = " + Toml(kHostileUrl) + "\nsummary = " +
                Toml(kHostile) + "\ntopics = [" + Toml(kTopic) + "]\n+++\n" + kHostileBody);
  WriteFile(content / "briefs" / "b.md",
            "+++\ntitle = " + Toml(kBriefTitle) + "\nkind = \"issue-brief\"\ndate = 2022-12-01\n" +
                "members = [\"alpha\"]\ndocument = " + Toml("/files/r.pdf?x=\"><script>") +
                "\nsummary = " + Toml(kHostile + "\nline two\r\nline three") + "\ntopics = [" +
                Toml(kTopic) + "]\n+++\n" + kHostileBody);
  WriteFile(
      content / "briefs" / "controls.md",
      "+++\ntitle = " + Toml(kControls) + "\nkind = \"other\"\ndate = 2022\n+++\n" + kHostileBody);
  WriteFile(content / "briefs" / "long.md",
            "+++\ntitle = " + Toml(LongWord()) +
                "\nkind = \"other\"\ndate = 2021\nsummary = " + Toml(LongWord()) + "\ntopics = [" +
                Toml(LongWord()) + "]\n+++\n" + LongWord() + "\n");
  WriteFile(content / "events" / "e.md",
            "+++\ntitle = " + Toml(kEventTitle) + "\nstart = 2030-10-11T13:30:00+02:00\n" +
                "end = 2030-10-11T15:30:00+02:00\ntimezone = \"Europe/Vienna\"\n" +
                "venue = " + Toml("Venue " + kHostile) + "\ncity = " + Toml("City " + kHostile) +
                "\nseries = " + Toml(kHostile) + "\nformat = \"hybrid\"\nmembers = [\"alpha\"]\n" +
                "other_organizers = [" + Toml(kHostile) + "]\nlanguages = [" + Toml(kHostile) +
                "]\nregistration = " + Toml(kHostileUrl) +
                "\ncontact = " + Toml("team@example.org\r" + kHostile) +
                "\nsummary = " + Toml(kHostile + "\nline two\r\nline three") + "\ntopics = [" +
                Toml(kTopic) + "]\nbriefs = [\"b\"]\n" + "[[speakers]]\nname = " + Toml(kSpeaker) +
                "\nrole = " + Toml("role " + kHostile) + "\nposition = " + Toml(kHostile) +
                "\norganization = " + Toml(kHostile) + "\n" +
                "[[speakers]]\nname = " + Toml(kArabicSpeaker) + "\nmember = \"alpha\"\n" +
                "[[speakers]]\nname = " + Toml(LongWord()) + "\n" +
                "[[agenda]]\nstart = \"13:30\"\ntitle = " + Toml("Item " + kHostile) +
                "\nspeakers = [" + Toml(kSpeaker) + ", " + Toml(kArabicSpeaker) + "]\n+++\n" +
                kHostileBody);
}

// What survives of `text` in each context: HTML turns forbidden characters into U+FFFD; XML
// drops the characters it forbids (only tab, LF and CR are left of the C0 controls).
std::string AsHtmlText(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c0 = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    const bool nonchar = text.compare(i, 3, "\uFDD0") == 0 || text.compare(i, 3, "\uFFFF") == 0;
    if (c0 || c == 0x7F || c1 || nonchar) {
      out += "\uFFFD";
      i += c1 ? 1 : nonchar ? 2 : 0;
    } else {
      out += text[i];
    }
  }
  return out;
}

class InjectionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    WriteSite(tmp_->path() / "site");
    build_ = new RunResult(RunPortalgen("build --quiet --now 2020-01-01 --source '" +
                                        (tmp_->path() / "site").string() + "' --output '" +
                                        Out().string() + "'"));
    const RunResult inspect = testing::Run(
        "python3 '" PORTALGEN_SOURCE_DIR "/tests/tools/inspect_site.py' '" + Out().string() + "'");
    report_ = new json(inspect.exit_code == 0 ? json::parse(inspect.out, nullptr, false)
                                              : json(inspect.err));
    // PORTALGEN_KEEP_INJECTION_SITE=DIR keeps the site and its output, for the validators.
    if (const char* keep = std::getenv("PORTALGEN_KEEP_INJECTION_SITE")) {
      fs::remove_all(keep);
      CopyTree(tmp_->path(), keep);
    }
  }
  static void TearDownTestSuite() {
    delete report_;
    delete build_;
    delete tmp_;
  }
  static fs::path Out() { return tmp_->path() / "out"; }
  static std::vector<fs::path> Files(const std::string& extension) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::recursive_directory_iterator(Out())) {
      if (entry.path().extension() == extension) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  static const json& Texts(const std::string& rel, const std::string& element) {
    return (*report_)["texts"][rel][element];
  }

  static TempDir* tmp_;
  static RunResult* build_;
  static json* report_;
};

TempDir* InjectionTest::tmp_ = nullptr;
RunResult* InjectionTest::build_ = nullptr;
json* InjectionTest::report_ = nullptr;

TEST_F(InjectionTest, SiteBuilds) {
  EXPECT_EQ(build_->exit_code, 0) << build_->err;
  EXPECT_EQ(build_->err, "");
  ASSERT_TRUE(report_->is_object()) << "inspect_site.py failed: " << *report_;
}

TEST_F(InjectionTest, HtmlHasNoLiveScriptAndParsesAsWritten) {
  ASSERT_TRUE(report_->is_object()) << *report_;
  EXPECT_EQ((*report_)["problems"], json::array()) << (*report_)["problems"].dump(2);
  const std::vector<fs::path> pages = Files(".html");
  EXPECT_GT(pages.size(), 20u);
  for (const fs::path& page : pages) {
    // The only "<script" are the theme's: JSON-LD on every page, the search script on one.
    const std::string html = Lower(ReadFile(page));
    size_t scripts = 0;
    for (size_t at = html.find("<script"); at != std::string::npos;
         at = html.find("<script", at + 1)) {
      ++scripts;
    }
    const bool search = page == Out() / "search" / "index.html";
    const bool redirect = html.find("http-equiv=\"refresh\"") != std::string::npos;
    EXPECT_EQ(scripts, redirect ? 0u : search ? 2u : 1u) << page;
  }
}

TEST_F(InjectionTest, HtmlShowsEveryStringAsText) {
  const struct {
    std::string page;
    std::string h1;
  } cases[] = {
      {"events/e/index.html", kEventTitle},
      {"members/alpha/index.html", kMemberTitle + " (A " + kHostile + ")"},
      {"briefs/b/index.html", kBriefTitle},
      {"briefs/controls/index.html", AsHtmlText(kControls)},
      {"briefs/long/index.html", LongWord()},
      {"about/index.html", kPageTitle},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Texts(c.page, "h1"), json::array({c.h1})) << c.page;
  }
  EXPECT_EQ(Texts("events/e/index.html", "title"), json::array({kEventTitle + " | ICAT"}));
}

TEST_F(InjectionTest, XmlParsesAndKeepsTitles) {
  const std::vector<fs::path> files = Files(".xml");
  EXPECT_GE(files.size(), 7u);  // feed, briefs, events, members, topic feeds, sitemap
  for (const fs::path& file : files) {
    EXPECT_TRUE((*report_)["texts"].contains(fs::relative(file, Out()).string())) << file;
  }
  const json& titles = Texts("feed.xml", "title");
  for (const std::string& title : {kEventTitle, kBriefTitle, LongWord()}) {
    EXPECT_NE(std::find(titles.begin(), titles.end(), title), titles.end()) << title;
  }
  std::string controls = kControls;  // XML keeps none of them; C1 and U+FDD0 are allowed
  std::erase_if(controls, [](char c) { return c == '\0' || c == '\x01' || c == '\x1F'; });
  controls.erase(controls.find("\uFFFF"));
  EXPECT_NE(std::find(titles.begin(), titles.end(), controls), titles.end());
  const json& rss = Texts("rss.xml", "title");
  EXPECT_NE(std::find(rss.begin(), rss.end(), kEventTitle), rss.end());
}

TEST_F(InjectionTest, JsonParsesAndKeepsStrings) {
  const json feed = json::parse(ReadFile(Out() / "feed.json"), nullptr, false);
  ASSERT_FALSE(feed.is_discarded());
  std::vector<std::string> titles;
  for (const json& item : feed["items"]) titles.push_back(item["title"]);
  for (const std::string& title : {kEventTitle, kBriefTitle, kControls, LongWord()}) {
    EXPECT_NE(std::find(titles.begin(), titles.end(), title), titles.end()) << title;
  }
  const json search = json::parse(ReadFile(Out() / "search" / "index.json"), nullptr, false);
  ASSERT_FALSE(search.is_discarded());
  std::vector<std::string> names;
  for (const json& entry : search) names.push_back(entry["title"]);
  EXPECT_NE(std::find(names.begin(), names.end(), kMemberTitle), names.end());
}

TEST_F(InjectionTest, JsonLdIsScriptSafeAndKeepsStrings) {
  size_t blocks = 0;
  for (const auto& [page, scripts] : (*report_)["json_ld"].items()) {
    for (const std::string text : scripts) {
      ++blocks;
      const std::string lower = Lower(text);
      EXPECT_EQ(lower.find("</script"), std::string::npos) << page;
      EXPECT_EQ(lower.find("<!--"), std::string::npos) << page;
      EXPECT_EQ(text.find("\u2028"), std::string::npos) << page;
      EXPECT_EQ(text.find("\u2029"), std::string::npos) << page;
      EXPECT_FALSE(json::parse(text, nullptr, false).is_discarded()) << page << ": " << text;
    }
  }
  EXPECT_GT(blocks, 20u);
  const json event =
      json::parse((*report_)["json_ld"]["events/e/index.html"][0].get<std::string>());
  EXPECT_EQ(event["name"], kEventTitle);
  EXPECT_EQ(event["performer"][1]["name"], kArabicSpeaker);
  const json member =
      json::parse((*report_)["json_ld"]["members/alpha/index.html"][0].get<std::string>());
  EXPECT_EQ(member["name"], kMemberTitle);
  EXPECT_EQ(member["sameAs"],
            "https://example.org/a?b=1&c=%22%3E%3Cscript%3Ealert(1)%3C/script%3E%27x");
}

// The content lines of an iCalendar file, unfolded, checking the lexical rules on the way.
std::vector<std::string> ContentLines(const fs::path& path) {
  const std::string ics = ReadFile(path);
  EXPECT_TRUE(ics.size() >= 2 && ics.compare(ics.size() - 2, 2, "\r\n") == 0) << path;
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end = ics.find("\r\n"); end != std::string::npos; end = ics.find("\r\n", start)) {
    const std::string line = ics.substr(start, end - start);
    start = end + 2;
    EXPECT_LE(line.size(), 75u) << path << ": " << line;
    EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << path << ": bare CR or LF";
    if (!line.empty() && line[0] == ' ') {
      EXPECT_FALSE(lines.empty()) << path;
      if (!lines.empty()) lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
  }
  EXPECT_EQ(start, ics.size()) << path << ": text after the last CRLF";
  return lines;
}

// A TEXT value (RFC 5545 3.3.11) unescaped; nullopt if it holds an unescaped ',' or ';' or a
// backslash that escapes nothing. With `list`, unescaped commas separate the values.
std::optional<std::vector<std::string>> TextValues(std::string_view value, bool list) {
  std::vector<std::string> values(1);
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\') {
      if (++i == value.size()) return std::nullopt;
      const char e = value[i];
      if (e == 'n' || e == 'N') {
        values.back() += '\n';
      } else if (e == '\\' || e == ';' || e == ',') {
        values.back() += e;
      } else {
        return std::nullopt;
      }
    } else if (c == ',' && list) {
      values.emplace_back();
    } else if (c == ',' || c == ';' || static_cast<unsigned char>(c) < 0x20) {
      return std::nullopt;
    } else {
      values.back() += c;
    }
  }
  return values;
}

TEST_F(InjectionTest, CalendarsFollowRfc5545AndKeepStrings) {
  const std::vector<fs::path> files = Files(".ics");
  EXPECT_EQ(files.size(), 3u);  // the event's, the site's and the member's
  for (const fs::path& file : files) {
    std::map<std::string, std::vector<std::string>> text;  // property -> values
    for (const std::string& line : ContentLines(file)) {
      const size_t colon = line.find(':');
      ASSERT_NE(colon, std::string::npos) << line;
      const std::string name = line.substr(0, colon);
      if (name == "SUMMARY" || name == "DESCRIPTION" || name == "LOCATION" ||
          name == "X-WR-CALNAME" || name == "CATEGORIES") {
        auto values = TextValues(std::string_view(line).substr(colon + 1), name == "CATEGORIES");
        ASSERT_TRUE(values.has_value()) << file << ": badly escaped " << line;
        text[name] = *values;
      }
      if (name.rfind("ORGANIZER", 0) == 0) ADD_FAILURE() << "the contact is no plain address";
    }
    EXPECT_EQ(text["SUMMARY"], std::vector<std::string>{kEventTitle}) << file;
    EXPECT_EQ(text["LOCATION"],
              std::vector<std::string>{"Venue " + kHostile + ", City " + kHostile});
    EXPECT_EQ(text["CATEGORIES"], std::vector<std::string>{kTopic});
    ASSERT_EQ(text["DESCRIPTION"].size(), 1u);
    EXPECT_EQ(text["DESCRIPTION"][0].rfind(kHostile + "\nline two\nline three\n\n", 0), 0u)
        << text["DESCRIPTION"][0];
  }
}

TEST_F(InjectionTest, UrlFieldsArePercentEncoded) {
  const std::string member = ReadFile(Out() / "members" / "alpha" / "index.html");
  EXPECT_NE(member.find("href=\"https://example.org/a?b=1&amp;c=%22%3E%3Cscript%3Ealert(1)"
                        "%3C/script%3E%27x\""),
            std::string::npos);
  const std::string brief = ReadFile(Out() / "briefs" / "b" / "index.html");
  EXPECT_NE(brief.find("href=\"/p/files/r.pdf?x=%22%3E%3Cscript%3E\""), std::string::npos);
}

// A previous good output, a site broken as `edit` says, a second build: exit 1, `diagnostics`
// in stderr, and the previous output as it was.
void ExpectRefused(const std::function<void(const fs::path& site)>& edit,
                   const std::vector<std::string>& diagnostics) {
  TempDir tmp;
  const fs::path site = tmp.path() / "site", out = tmp.path() / "out";
  WriteSite(site);
  const std::string build = "build --quiet --now 2020-01-01 --source '" + site.string() +
                            "' --output '" + out.string() + "'";
  ASSERT_EQ(RunPortalgen(build).exit_code, 0);
  const auto before = ReadTree(out);
  edit(site);
  const RunResult r = RunPortalgen(build);
  EXPECT_EQ(r.exit_code, 1);
  for (const std::string& d : diagnostics) EXPECT_NE(r.err.find(d), std::string::npos) << r.err;
  EXPECT_EQ(ReadTree(out), before);
}

TEST(InjectionRefusedTest, ScriptUrlsInUrlFields) {
  ExpectRefused(
      [](const fs::path& site) {
        for (const char* rel :
             {"content/members/alpha.md", "content/events/e.md", "content/briefs/b.md"}) {
          std::string text = ReadFile(site / rel);
          text = ReplaceAll(text, Toml(kHostileUrl), Toml(" JavaScript:alert(1)"));
          text = ReplaceAll(text, Toml("/files/r.pdf?x=\"><script>"), Toml("java\tscript:x"));
          WriteFile(site / rel, text);
        }
      },
      {"content/briefs/b.md:6:12: error: unsafe URL in 'document'",
       "content/events/e.md:13:16: error: unsafe URL in 'registration'",
       "content/members/alpha.md:5:11: error: unsafe URL in 'website'"});
}

TEST(InjectionRefusedTest, RawNulInTomlIsASyntaxError) {
  ExpectRefused(
      [](const fs::path& site) {
        std::string text = ReadFile(site / "content/briefs/b.md");
        WriteFile(site / "content/briefs/b.md",
                  ReplaceAll(text, "title = \"Brief ", std::string("title = \"\0Brief ", 16)));
      },
      {"content/briefs/b.md:2:10: error: TOML syntax error: Error while parsing string: "
       "unescaped control characters"});
}

}  // namespace
}  // namespace portalgen::testing
