// Unit tests of the feed writers (Atom, RSS, JSON Feed), the search index and JSON-LD.
#include "feeds/feeds.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "feeds/feed_writers.h"
#include "feeds/json_ld.h"
#include "feeds/json_text.h"
#include "feeds/search_index.h"
#include "feeds/xml_text.h"
#include "feeds_fixture.h"

namespace portalgen::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kFiles = {
    {"content/events/vienna.md", kViennaEvent},
    {"content/members/alpha.md",
     "+++\ntitle = \"Alpha <Org>\"\nacronym = \"ALPHA\"\nstatus = \"member\"\n"
     "website = \"https://alpha.example/\"\n+++\nAlpha.\n"},
    {"content/briefs/first.md",
     "+++\ntitle = \"First & best\"\nkind = \"issue-brief\"\nnumber = 3\ndate = 2022-05-20\n"
     "members = [\"alpha\"]\ntopics = [\"Migration\"]\npriorities = [1]\n+++\n"
     "See [the event](/portal/events/vienna/) and ![logo](/portal/logo.png).\n"},
    {"content/briefs/old.md",
     "+++\ntitle = \"Old statement\"\nkind = \"joint-statement\"\ndate = 2017\n+++\nFrom 2017.\n"},
    {"content/briefs/undated.md",
     "+++\ntitle = \"Undated note\"\nkind = \"other\"\nundated = true\n+++\nNo date.\n"},
    {"content/about.md", "+++\ntitle = \"About\"\n+++\nAbout   the\n\nportal.\n"},
};

// Valid UTF-8 that JSON writers must escape with care: quotes, controls, markup, line
// separators, characters HTML forbids, and beyond the first plane.
const std::vector<std::string> kValidUtf8Texts = {
    "",
    "plain text",
    "\" \\ / \b \f \n \r \t",
    std::string("\0 \x01 \x1F \x7F", 7),
    "< > & </script> <!--",
    "\u0085 \u009F \u00A0 é \u2028 \u2029 \u202E \uFDD0 \uFFFD \uFFFE \uFFFF",
    "\U0001F600 \U0001FFFE \U0010FFFF",
};

const output::OutputFile* FindFile(const std::vector<output::OutputFile>& files,
                                   const std::string& path) {
  for (const output::OutputFile& f : files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

TEST(XmlTextTest, EscapesMarkupAndDropsForbiddenCharacters) {
  EXPECT_EQ(feeds::XmlEscape("a<b>&\"c\" 'd'"), "a&lt;b&gt;&amp;&quot;c&quot; 'd'");
  EXPECT_EQ(feeds::XmlEscape("tab\tnl\nbell\x07\x1b end \xEF\xBF\xBF é"), "tab\tnl\nbell end  é");
}

TEST(XmlTextTest, CdataKeepsMarkupAndSplitsItsEnd) {
  const auto cdata = [](std::string_view text) {
    std::string out;
    feeds::AppendXmlCdata(text, out);
    return out;
  };
  EXPECT_EQ(cdata("<p>a & \"b\"</p>"), "<![CDATA[<p>a & \"b\"</p>]]>");
  EXPECT_EQ(cdata(""), "<![CDATA[]]>");
  // "]]>" would close the section early: it is split across two.
  EXPECT_EQ(cdata("x]]>y"), "<![CDATA[x]]]><![CDATA[]>y]]>");  // "x]" then "]>y"
  EXPECT_EQ(cdata("]]]>"), "<![CDATA[]]]]><![CDATA[]>]]>");    // "]]" then "]>"
  EXPECT_EQ(cdata("a]]b]>c]"), "<![CDATA[a]]b]>c]]]>");
  // Characters XML 1.0 forbids are dropped, as XmlEscape drops them; the rest stays.
  EXPECT_EQ(cdata("a\x01" "b\tc\n\xEF\xBF\xBF\xC3\xA9"), "<![CDATA[ab\tc\n\xC3\xA9]]>");
}

TEST(XmlTextTest, DateFormats) {
  const content::OffsetDateTime vienna{2022, 10, 11, 13, 30, 0, 120};
  EXPECT_EQ(feeds::Rfc3339(vienna), "2022-10-11T13:30:00+02:00");
  EXPECT_EQ(feeds::Rfc3339({2017, 1, 1}), "2017-01-01T00:00:00Z");
  EXPECT_EQ(feeds::Rfc822(vienna), "Tue, 11 Oct 2022 13:30:00 +0200");
  EXPECT_EQ(feeds::Rfc822({2022, 5, 20, 8, 30, 0, -240}), "Fri, 20 May 2022 08:30:00 -0400");
  EXPECT_EQ(feeds::Rfc822({1970, 1, 1}), "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST(FeedEntriesTest, AbsoluteHtmlRewritesSiteLinksOnly) {
  EXPECT_EQ(feeds::AbsoluteHtml("<a href=\"/portal/x/\">x</a> <img src=\"/p.png\" alt=\"\">"
                                " <a href=\"#h\">h</a> <a href=\"https://o.org/\">o</a>"
                                " <code>href=\"/no\"</code>",
                                "https://example.org", "https://example.org/portal/y/"),
            "<a href=\"https://example.org/portal/x/\">x</a> <img "
            "src=\"https://example.org/p.png\" alt=\"\"> <a "
            "href=\"https://example.org/portal/y/#h\">h</a> <a href=\"https://o.org/\">o</a>"
            " <code>href=\"/no\"</code>");
  // Page-relative URLs follow the page; URLs with a scheme and protocol-relative ones stay.
  EXPECT_EQ(feeds::AbsoluteHtml("<img src=\"x.png\" alt=\"\"> <a href=\"../z/?q\">z</a>"
                                " <a href=\"mailto:a@o.org\">m</a> <a href=\"//cdn.o.org/\">c</a>"
                                " <a href=\"\">e</a>",
                                "https://example.org", "https://example.org/portal/y/"),
            "<img src=\"https://example.org/portal/y/x.png\" alt=\"\"> <a "
            "href=\"https://example.org/portal/y/../z/?q\">z</a> <a href=\"mailto:a@o.org\">m</a>"
            " <a href=\"//cdn.o.org/\">c</a> <a href=\"\">e</a>");
  EXPECT_EQ(feeds::Origin("https://example.org/portal/"), "https://example.org");
  EXPECT_EQ(feeds::Origin("/"), "");
}

TEST(FeedEntriesTest, AbsoluteHtmlOfManyLinksAndNoImage) {
  // Looking for the next "src=" after each link made this quadratic (hours for a 50 MB body).
  std::string html;
  for (int i = 0; i < 200000; ++i) html += "<a href=\"/x/\">x</a>\n";
  const std::string out = feeds::AbsoluteHtml(html, "https://e.org", "https://e.org/p/");
  EXPECT_EQ(out.size(), html.size() + 200000 * std::string("https://e.org").size());
  EXPECT_EQ(out.substr(0, 33), "<a href=\"https://e.org/x/\">x</a>\n");
}

TEST(FeedEntriesTest, NewestFirstUndatedLeftOutPartialDatesAtStartOfYear) {
  auto site = BuildSite(kFiles);
  ASSERT_FALSE(site->sink.has_errors()) << Diagnostics(site->sink);
  const index::Library& lib = site->lib;
  std::vector<index::DocId> all = lib.briefs;
  all.insert(all.end(), lib.events.begin(), lib.events.end());
  std::vector<std::string> order;
  for (const feeds::FeedEntry& e : feeds::SelectEntries(lib, all, 0)) {
    order.push_back(lib.docs[e.id].slug + " " + feeds::Rfc3339(e.date));
  }
  EXPECT_EQ(order,
            (std::vector<std::string>{"vienna 2022-10-11T13:30:00+02:00",
                                      "first 2022-05-20T00:00:00Z", "old 2017-01-01T00:00:00Z"}));
  EXPECT_EQ(feeds::SelectEntries(lib, all, 2).size(), 2u);
}

// With a limit, the entries are the first of the whole order, and a document passed twice (in
// any place of the list) still counts once.
TEST(FeedEntriesTest, LimitKeepsTheNewestEachOnce) {
  auto site = BuildSite(kFiles);
  ASSERT_FALSE(site->sink.has_errors()) << Diagnostics(site->sink);
  const index::Library& lib = site->lib;
  std::vector<index::DocId> twice = lib.events;
  twice.insert(twice.end(), lib.briefs.begin(), lib.briefs.end());
  twice.insert(twice.end(), lib.briefs.rbegin(), lib.briefs.rend());
  twice.insert(twice.end(), lib.events.begin(), lib.events.end());
  const auto slugs = [&](int limit) {
    std::vector<std::string> out;
    for (const feeds::FeedEntry& e : feeds::SelectEntries(lib, twice, limit)) {
      out.push_back(lib.docs[e.id].slug);
    }
    return out;
  };
  EXPECT_EQ(slugs(0), (std::vector<std::string>{"vienna", "first", "old"}));
  EXPECT_EQ(slugs(2), (std::vector<std::string>{"vienna", "first"}));
  EXPECT_EQ(slugs(1), (std::vector<std::string>{"vienna"}));
  EXPECT_EQ(slugs(3), slugs(0));
}

TEST(AtomFeedTest, WholeSiteFeed) {
  auto site = BuildSite(kFiles);
  const std::vector<output::OutputFile> files = feeds::WriteAll(*site->ctx, {"/"}, site->sink);
  const output::OutputFile* atom = FindFile(files, "feed.xml");
  ASSERT_NE(atom, nullptr);
  const std::string& x = atom->bytes;
  EXPECT_EQ(x.substr(0, x.find("  <entry>")),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n"
            "  <title>Test Portal</title>\n"
            "  <subtitle>Feeds &amp; more</subtitle>\n"
            "  <id>https://example.org/portal/feed.xml</id>\n"
            "  <link rel=\"self\" type=\"application/atom+xml\" "
            "href=\"https://example.org/portal/feed.xml\"/>\n"
            "  <link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/portal/\"/>\n"
            "  <updated>2022-10-11T13:30:00+02:00</updated>\n"
            "  <author>\n    <name>Test Secretariat</name>\n"
            "    <email>test@example.org</email>\n  </author>\n"
            "  <generator>portalgen</generator>\n");
  const size_t first = x.find("<title>First &amp; best</title>");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(x.substr(first, x.find("</entry>", first) - first),
            "<title>First &amp; best</title>\n"
            "    <id>https://example.org/portal/briefs/first/</id>\n"
            "    <link rel=\"alternate\" type=\"text/html\" "
            "href=\"https://example.org/portal/briefs/first/\"/>\n"
            "    <published>2022-05-20T00:00:00Z</published>\n"
            "    <updated>2022-05-20T00:00:00Z</updated>\n"
            "    <category term=\"migration\" scheme=\"https://example.org/portal/topics/\" "
            "label=\"Migration\"/>\n"
            "    <summary type=\"text\">See the event and logo.</summary>\n"
            "    <content type=\"html\"><![CDATA[<p>See <a "
            "href=\"https://example.org/portal/events/vienna/\">the event</a> "
            "and <img src=\"https://example.org/portal/logo.png\" "
            "alt=\"logo\">.</p>\n]]></content>\n  ");
  EXPECT_EQ(x.find("Undated note"), std::string::npos);
}

TEST(AtomFeedTest, NarrowFeedsAtTheViewsPaths) {
  auto site = BuildSite(kFiles);
  const std::vector<output::OutputFile> files = feeds::WriteAll(*site->ctx, {}, site->sink);
  for (const char* path :
       {"feed.xml", "briefs/feed.xml", "events/feed.xml", "topics/migration/feed.xml",
        "topics/labour-rights/feed.xml", "priorities/1-evidence/feed.xml", "members/alpha/feed.xml",
        "rss.xml", "feed.json"}) {
    EXPECT_NE(FindFile(files, path), nullptr) << path;
  }
  const std::string& member = FindFile(files, "members/alpha/feed.xml")->bytes;
  EXPECT_NE(member.find("<title>Test Portal: ALPHA</title>"), std::string::npos);
  EXPECT_NE(member.find("/events/vienna/</id>"), std::string::npos);
  EXPECT_NE(member.find("/briefs/first/</id>"), std::string::npos);
  const std::string& topic = FindFile(files, "topics/labour-rights/feed.xml")->bytes;
  EXPECT_NE(topic.find("/events/vienna/</id>"), std::string::npos);
}

TEST(AtomFeedTest, EmptyFeedHasFixedDate) {
  auto site = BuildSite({{"content/about.md", "+++\ntitle = \"About\"\n+++\nx\n"}});
  const std::vector<output::OutputFile> files = feeds::WriteAll(*site->ctx, {}, site->sink);
  EXPECT_NE(FindFile(files, "feed.xml")->bytes.find("<updated>1970-01-01T00:00:00Z</updated>"),
            std::string::npos);
}

TEST(FeedsTest, IdenticalBytesWhateverTheClock) {
  auto a = BuildSite(kFiles, 0);
  auto b = BuildSite(kFiles, 1'900'000'000);
  const std::vector<std::string> pages = {"/", "/about/", "/briefs/first/", "/404.html"};
  const std::vector<output::OutputFile> fa = feeds::WriteAll(*a->ctx, pages, a->sink);
  const std::vector<output::OutputFile> fb = feeds::WriteAll(*b->ctx, pages, b->sink);
  ASSERT_EQ(fa.size(), fb.size());
  for (size_t i = 0; i < fa.size(); ++i) {
    EXPECT_EQ(fa[i].path, fb[i].path);
    EXPECT_EQ(fa[i].bytes, fb[i].bytes) << fa[i].path;
  }
}

TEST(RssFeedTest, ChannelAndItems) {
  auto site = BuildSite(kFiles);
  const std::vector<output::OutputFile> files = feeds::WriteAll(*site->ctx, {}, site->sink);
  const std::string& rss = FindFile(files, "rss.xml")->bytes;
  EXPECT_NE(rss.find("<atom:link rel=\"self\" type=\"application/rss+xml\" "
                     "href=\"https://example.org/portal/rss.xml\"/>"),
            std::string::npos);
  EXPECT_NE(rss.find("<lastBuildDate>Tue, 11 Oct 2022 13:30:00 +0200</lastBuildDate>"),
            std::string::npos);
  EXPECT_NE(rss.find("<managingEditor>test@example.org (Test Secretariat)</managingEditor>"),
            std::string::npos);
  EXPECT_NE(rss.find("<pubDate>Sun, 01 Jan 2017 00:00:00 +0000</pubDate>"), std::string::npos);
  EXPECT_NE(rss.find("<category>Labour; rights</category>"), std::string::npos);
}

TEST(JsonFeedTest, ParsesWithAbsoluteUrls) {
  auto site = BuildSite(kFiles);
  const std::vector<output::OutputFile> files = feeds::WriteAll(*site->ctx, {}, site->sink);
  const json feed = json::parse(FindFile(files, "feed.json")->bytes);
  EXPECT_EQ(feed["version"], "https://jsonfeed.org/version/1.1");
  EXPECT_EQ(feed["feed_url"], "https://example.org/portal/feed.json");
  ASSERT_EQ(feed["items"].size(), 3u);
  EXPECT_EQ(feed["items"][0]["id"], "https://example.org/portal/events/vienna/");
  EXPECT_EQ(feed["items"][0]["date_published"], "2022-10-11T13:30:00+02:00");
  EXPECT_EQ(feed["items"][0]["tags"], json({"Migration", "Labour; rights"}));
  EXPECT_NE(feed["items"][0]["content_html"].get<std::string>().find(
                "href=\"https://example.org/portal/events/vienna/#more\""),
            std::string::npos);
}

TEST(SearchIndexTest, EveryDocumentCompactAndOrdered) {
  auto site = BuildSite(kFiles);
  const json index = json::parse(feeds::SearchIndex(*site->ctx).bytes);
  std::vector<std::string> urls;
  for (const json& e : index) urls.push_back(e["url"]);
  EXPECT_EQ(urls, (std::vector<std::string>{"/portal/about/", "/portal/briefs/first/",
                                            "/portal/briefs/old/", "/portal/briefs/undated/",
                                            "/portal/events/vienna/", "/portal/members/alpha/"}));
  EXPECT_EQ(index[0], json({{"title", "About"},
                            {"summary", "About the"},
                            {"kind", "page"},
                            {"date", ""},
                            {"url", "/portal/about/"},
                            {"text", "About the portal."}}));
  EXPECT_EQ(index[2]["date"], "2017");
  EXPECT_EQ(feeds::SearchIndex(*site->ctx).bytes.find('\n'), std::string::npos);
}

// The library cache reads the plain texts back from the search index (build/library_cache.h).
TEST(SearchIndexTest, TextsReadBackAsWritten) {
  auto site = BuildSite(kFiles);
  const std::string bytes = feeds::SearchIndex(*site->ctx).bytes;
  const std::optional<std::vector<std::string_view>> texts = feeds::SearchIndexTexts(bytes);
  ASSERT_TRUE(texts);
  const std::vector<index::DocId> order = feeds::SearchIndexOrder(site->ctx->lib);
  ASSERT_EQ(texts->size(), order.size());
  const json index = json::parse(bytes);
  for (size_t i = 0; i < order.size(); ++i) {
    EXPECT_EQ(feeds::JsonStringValue((*texts)[i]), index[i]["text"].get<std::string>()) << i;
    EXPECT_EQ(index[i]["url"], site->ctx->Url(site->ctx->lib.PathOf(order[i]))) << i;
  }
  EXPECT_EQ(feeds::JsonStringValue((*texts)[0]), "About the portal.");
  // Anything else is refused, not guessed at.
  EXPECT_EQ(feeds::SearchIndexTexts("[]"), std::vector<std::string_view>{});
  for (std::string_view bad : {"", "[", "[]x", "{}", "[{}]", "[{\"text\":1}]",
                               "[{\"text\":\"a\"}", "[{\"text\":\"a\\\"}]",
                               "[{\"title\":\"a\"}]", "[{\"text\":\"a\"},]"}) {
    EXPECT_FALSE(feeds::SearchIndexTexts(bad)) << bad;
  }
  EXPECT_EQ(feeds::SearchIndexTexts("[{\"text\":\"a \\\" \\\\\"}]").value(),
            std::vector<std::string_view>{"\"a \\\" \\\\\""});
}

TEST(SearchIndexTest, JsonStringValueInvertsAppendJsonString) {
  for (const std::string& text : kValidUtf8Texts) {
    for (feeds::JsonEscapes escapes : {feeds::JsonEscapes::kJson, feeds::JsonEscapes::kScriptSafe}) {
      std::string written;
      feeds::AppendJsonString(text, &written, escapes);
      EXPECT_EQ(feeds::JsonStringValue(written), text) << written;
    }
  }
  EXPECT_EQ(feeds::JsonStringValue("\"\\u00e9\\/\\uD83D\\ude00\""), "é/\U0001F600");
  for (std::string_view bad : {"", "\"", "x", "\"a", "\"\\\"", "\"\\x\"", "\"\\u12\"",
                               "\"\\uDE00\"", "\"\\uD83D\"", "\"\\uD83Dx\"", "\"a\"b\""}) {
    EXPECT_FALSE(feeds::JsonStringValue(bad)) << bad;
  }
}

TEST(SearchIndexTest, CollapseWhitespaceCountsCodePoints) {
  EXPECT_EQ(feeds::CollapseWhitespace("  a \n\t b  ", 100), "a b");
  EXPECT_EQ(feeds::CollapseWhitespace("éééé", 3), "ééé");
  EXPECT_EQ(feeds::CollapseWhitespace("ab cd", 3), "ab");  // no trailing space at the cut
  for (const char* text : {"ab cd", "  a \n\t b  ", "aé b", "x  y z "}) {
    for (size_t limit : {1, 2, 3, 4, 5, 100}) {
      const std::string once = feeds::CollapseWhitespace(text, limit);
      EXPECT_EQ(feeds::CollapseWhitespace(once, limit), once) << text << " " << limit;
    }
  }
  EXPECT_EQ(feeds::CollapseWhitespace("ab  cd\n\nef ", 100), "ab cd ef");
  EXPECT_EQ(feeds::CollapseWhitespace("aé b", 2), "aé");
  EXPECT_EQ(feeds::CollapseWhitespace("ab cd", 4), "ab c");
  // A text no longer than the limit takes a shorter path; with a limit one byte shorter (that
  // still does not cut, since whitespace shrinks) the general one must agree.
  for (const char* text : {"  a \n\t b  ", "ab  cd\n\nef ", " é  ü\v\fx\r\n", "w  \t"}) {
    const size_t size = std::string_view(text).size();
    EXPECT_EQ(feeds::CollapseWhitespace(text, size), feeds::CollapseWhitespace(text, size - 1))
        << text;
  }
}

// The rule stated one character at a time (the first implementation's loop): whitespace runs
// become one space between words, at most `limit` code points, never ending in a space.
std::string CollapseOneByOne(std::string_view text, size_t limit) {
  std::string out;
  size_t count = 0;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      if (count >= limit) break;
      if (space) {
        if (count + 1 >= limit) break;
        out += ' ';
        ++count;
        space = false;
      }
      ++count;
    }
    out += c;
  }
  return out;
}

TEST(SearchIndexTest, CollapseWhitespaceAgreesWithTheOneByOneRule) {
  // Words of 1- to 4-byte characters first (the long texts below pick among the first five),
  // then whitespace.
  const std::vector<std::string> pieces = {
      "a", "bc", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", " ", "  ", "\n", "\t\r", "\f\v"};
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  // Short texts with every small limit, then long ones (whose stretches of words between
  // single spaces span several 16-byte blocks) with limits that cut them anywhere. Spaces come
  // mostly alone in the long ones, as in prose.
  for (int round = 0; round < 6000; ++round) {
    const bool long_text = round >= 3000;
    std::string text;
    const int n = static_cast<int>(next() % (long_text ? 160 : 24));
    for (int k = 0; k < n; ++k) {
      const size_t piece = next() % pieces.size();
      text += long_text && piece > 5 && next() % 4 != 0 ? pieces[next() % 5] + " "
                                                          : pieces[piece];
    }
    std::vector<size_t> limits;
    for (size_t limit = 0; limit <= 20; ++limit) limits.push_back(limit);
    if (long_text) limits.insert(limits.end(), {next() % 300u, next() % 300u, 1000});
    for (size_t limit : limits) {
      ASSERT_EQ(feeds::CollapseWhitespace(text, limit), CollapseOneByOne(text, limit))
          << "round " << round << " limit " << limit << " text " << text;
    }
  }
}

TEST(JsonLdTest, EventWithOffsetsPlaceOrganizers) {
  auto site = BuildSite(kFiles);
  const json ld = json::parse(feeds::ScriptSafeJson(
      feeds::JsonLd(*site->ctx, *site->lib.Find(content::Kind::kEvent, "vienna"))));
  EXPECT_EQ(ld["@context"], "https://schema.org");
  EXPECT_EQ(ld["@type"], "Event");
  EXPECT_EQ(ld["startDate"], "2022-10-11T13:30:00+02:00");
  EXPECT_EQ(ld["endDate"], "2022-10-11T14:05:00+02:00");
  EXPECT_EQ(ld["location"]["@type"], "Place");
  EXPECT_EQ(ld["location"]["name"], "Room 1, Hofburg");
  EXPECT_EQ(ld["organizer"][0]["alternateName"], "ALPHA");
  EXPECT_EQ(ld["organizer"][1]["name"], "A Foundation");
  EXPECT_EQ(ld["url"], "https://example.org/portal/events/vienna/");
}

TEST(JsonLdTest, MemberBriefAndSite) {
  auto site = BuildSite(kFiles);
  const json member = feeds::JsonLd(*site->ctx, *site->lib.Find(content::Kind::kMember, "alpha"));
  EXPECT_EQ(member["@type"], "Organization");
  EXPECT_EQ(member["alternateName"], "ALPHA");
  const json brief = feeds::JsonLd(*site->ctx, *site->lib.Find(content::Kind::kBrief, "first"));
  EXPECT_EQ(brief["@type"], "Report");
  EXPECT_EQ(brief["datePublished"], "2022-05-20");
  EXPECT_EQ(brief["publisher"].count("@context"), 0u);
  EXPECT_EQ(feeds::JsonLd(*site->ctx, *site->lib.Find(content::Kind::kBrief, "old"))["@type"],
            "Article");
  EXPECT_EQ(feeds::SiteJsonLd(*site->ctx)["url"], "https://example.org/portal/");
}

TEST(JsonLdTest, PagesGetTheTextScriptSafeJsonWritesOfTheTree) {
  // ScriptSafeJsonLd writes the text without a json tree; json's own dump of the same JSON-LD
  // must give the same bytes (member order, separators, escapes).
  std::map<std::string, std::string> files = kFiles;
  files["content/events/odd.md"] =
      "+++\ntitle = \"Odd \\\"quotes\\\" \\\\ </script> \\u2028 😀 \\u007F\"\n"
      "start = 2022-10-11T13:30:00Z\nformat = \"hybrid\"\ncity = \"Zürich & <Bern>\"\n"
      "[[speakers]]\nname = \"Ana\\tB\"\nposition = \"Lead\\nline\"\n+++\nText.\n";
  auto site = BuildSite(files);
  ASSERT_FALSE(site->sink.has_errors()) << testing::Diagnostics(site->sink);
  for (index::DocId id = 0; id < site->lib.docs.size(); ++id) {
    EXPECT_EQ(feeds::ScriptSafeJsonLd(*site->ctx, id),
              feeds::ScriptSafeJson(feeds::JsonLd(*site->ctx, id)))
        << site->lib.docs[id].title;
  }
  EXPECT_EQ(feeds::ScriptSafeSiteJsonLd(*site->ctx),
            feeds::ScriptSafeJson(feeds::SiteJsonLd(*site->ctx)));
}

TEST(JsonLdTest, StringsAreWrittenAsJsonDumpThenScriptSafeJsonWriteThem) {
  std::vector<std::string> cases = kValidUtf8Texts;
  for (const char* invalid : {
           "\xC3",                 // truncated
           "a\xE2\x80 b",          // truncated in the middle
           "\xFF\xFE x \xC0\xAF",  // never valid, overlong
           "\xED\xA0\x80",         // a surrogate
       }) {
    cases.push_back(invalid);
  }
  for (const std::string& text : cases) {
    std::string written = "x";
    feeds::AppendJsonString(text, &written, feeds::JsonEscapes::kScriptSafe);
    EXPECT_EQ("x" + feeds::ScriptSafeJson(json(text)), written) << text;
    written = "x";
    feeds::AppendJsonString(text, &written, feeds::JsonEscapes::kJson);
    EXPECT_EQ("x" + json(text).dump(-1, ' ', false, json::error_handler_t::replace), written)
        << text;
  }
}

TEST(JsonLdTest, ScriptSafeJsonCannotCloseTheScript) {
  const json value = {{"name", "</script><!-- a & b \xE2\x80\xA8 \xE2\x80\xA9 é"}};
  const std::string safe = feeds::ScriptSafeJson(value);
  EXPECT_EQ(safe, "{\"name\":\"\\u003c/script\\u003e\\u003c!-- a \\u0026 b \\u2028 \\u2029 é\"}");
  EXPECT_EQ(json::parse(safe), value);
}

TEST(JsonLdTest, ScriptSafeJsonEscapesWhatHtmlForbids) {
  const json value = {{"name", "\x01 \x7F \u0085 \uFDD0 \uFFFE \U0001FFFF \u202E"}};
  const std::string safe = feeds::ScriptSafeJson(value);
  EXPECT_EQ(safe, "{\"name\":\"\\u0001 \\u007f \\u0085 \\ufdd0 \\ufffe \\ud83f\\udfff \u202E\"}");
  EXPECT_EQ(json::parse(safe), value);
}

}  // namespace
}  // namespace portalgen::testing
