// Unit tests of the Markdown stage: heading ids, safe mode, the plain-text
// outputs, links, wiki links and permissive autolinks. Conformance is in
// markdown_spec_test.cc.
#include "markdown/markdown.h"

#include <gtest/gtest.h>
#include <md4c.h>

#include <string>
#include <vector>

#include "base/url_filter.h"
#include "markdown/autolink.h"
#include "markdown/heading_ids.h"
#include "markdown/html_escape.h"
#include "markdown/raw_html_filter.h"

namespace portalgen::markdown {
namespace {

Options Unsafe() {
  Options options;
  options.unsafe = true;
  return options;
}

TEST(MarkdownTest, SlugifyFollowsGithub) {
  const struct {
    std::string text;
    std::string slug;
  } cases[] = {
      {"Background", "background"},
      {"Getting Started", "getting-started"},
      {"A - B", "a---b"},
      {"What's new in 2.0?", "whats-new-in-20"},
      {"snake_case name", "snake_case-name"},
      {"Café Crème", "café-crème"},
      {"“Quoted” — dash…", "quoted--dash"},
      {"日本語", "日本語"},
      {"!!!", "section"},
      {"", "section"},
  };
  for (const auto& c : cases) EXPECT_EQ(c.slug, Slugify(c.text)) << c.text;
}

TEST(MarkdownTest, HeadingIdsAreUniqueInADocument) {
  const Rendered rendered = Render("# Intro\n\n## Intro\n\n## Intro-1\n\n## Intro\n\nText\n===\n");
  std::vector<std::string> ids;
  for (const Heading& heading : rendered.headings) ids.push_back(heading.id);
  EXPECT_EQ((std::vector<std::string>{"intro", "intro-1", "intro-1-1", "intro-2", "text"}), ids);
  EXPECT_EQ(
      "<h1 id=\"intro\">Intro</h1>\n<h2 id=\"intro-1\">Intro</h2>\n"
      "<h2 id=\"intro-1-1\">Intro-1</h2>\n<h2 id=\"intro-2\">Intro</h2>\n<h1 "
      "id=\"text\">Text</h1>\n",
      rendered.html);
}

TEST(MarkdownTest, TenThousandSameHeadingsGetUniqueIdsInLinearTime) {
  std::string markdown = "## A 1\n";  // takes "a-1" before the repeats of "A" get to it
  for (int i = 0; i < 10000; ++i) markdown += "## A\n";
  const Rendered rendered = Render(markdown);
  ASSERT_EQ(rendered.headings.size(), 10001u);
  EXPECT_EQ(rendered.headings[0].id, "a-1");
  EXPECT_EQ(rendered.headings[1].id, "a");
  EXPECT_EQ(rendered.headings[2].id, "a-2");
  EXPECT_EQ(rendered.headings[10000].id, "a-10000");
}

// Counts the occurrences of `what` in `text`.
size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(MarkdownTest, HundredThousandLevelsOfNestingRender) {
  // md4c keeps open blocks in an array and the renderer keeps no stack: no recursion to
  // overflow, whatever the depth.
  std::string quotes, items, mixed;
  for (int i = 0; i < 100000; ++i) {
    quotes += "> ";
    items += "- ";
    mixed += i % 2 ? "> " : "1. ";
  }
  const std::string quote_html = Render(quotes + "x\n").html;
  EXPECT_EQ(Count(quote_html, "<blockquote>"), 100000u);
  EXPECT_EQ(Count(quote_html, "</blockquote>"), 100000u);
  const std::string list_html = Render(items + "x\n").html;
  EXPECT_EQ(Count(list_html, "<ul>"), 100000u);
  EXPECT_EQ(Count(list_html, "</li>"), 100000u);
  const Rendered both = Render(mixed + "x\n");
  EXPECT_EQ(Count(both.html, "<ol>"), 50000u);
  EXPECT_EQ(both.plain_text, "x");
}

TEST(MarkdownTest, HeadingsRecordLevelIdAndPlainText) {
  const Rendered rendered = Render("## The *quick* `fox` &amp; [dog](/d)\n");
  ASSERT_EQ(1u, rendered.headings.size());
  EXPECT_EQ(2, rendered.headings[0].level);
  EXPECT_EQ("the-quick-fox--dog", rendered.headings[0].id);
  EXPECT_EQ("The quick fox & dog", rendered.headings[0].text);
}

TEST(MarkdownTest, HeadingIdsCanBeSwitchedOff) {
  Options options;
  options.heading_ids = false;
  const Rendered rendered = Render("# Title\n", options);
  EXPECT_EQ("<h1>Title</h1>\n", rendered.html);
  ASSERT_EQ(1u, rendered.headings.size());
  EXPECT_EQ("title", rendered.headings[0].id);  // still there for a table of contents
}

TEST(MarkdownTest, TagfilterEscapesOnlyDangerousTagsInSafeMode) {
  const struct {
    std::string markdown;
    std::string safe;
  } cases[] = {
      {"<script>x()</script>\n", "&lt;script>x()&lt;/script>\n"},
      {"<STYLE>p{}</Style>\n", "&lt;STYLE>p{}&lt;/Style>\n"},
      {"a <iframe src=x> b\n", "<p>a &lt;iframe src=x> b</p>\n"},
      {"a <title/> <xmp> <noembed> <noframes> <plaintext> <textarea>\n",
       "<p>a &lt;title/> &lt;xmp> &lt;noembed> &lt;noframes> &lt;plaintext> &lt;textarea></p>\n"},
      {"a <scripts> <b>b</b> <span title=\"script\">c</span>\n",
       "<p>a <scripts> <b>b</b> <span title=\"script\">c</span></p>\n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(c.safe, Render(c.markdown).html) << c.markdown;
    const std::string raw = Render(c.markdown, Unsafe()).html;
    EXPECT_EQ(std::string::npos, raw.find("&lt;")) << "unsafe mode keeps raw HTML: " << raw;
  }
}

TEST(MarkdownTest, DangerousLinksAreDroppedInSafeModeOnly) {
  const struct {
    std::string markdown;
    std::string safe;
    std::string unsafe;
  } cases[] = {
      {"[x](javascript:alert(1))", "<p>x</p>\n", "<p><a href=\"javascript:alert(1)\">x</a></p>\n"},
      {"[*x*](VBScript:run)", "<p><em>x</em></p>\n",
       "<p><a href=\"VBScript:run\"><em>x</em></a></p>\n"},
      {"[x](&#x6A;avascript:y)", "<p>x</p>\n", "<p><a href=\"javascript:y\">x</a></p>\n"},
      {"![a *b*](data:text/html,x)", "<p>a b</p>\n",
       "<p><img src=\"data:text/html,x\" alt=\"a b\"></p>\n"},
      {"![a](data:image/png;base64,AA)",
       "<p><img src=\"data:image/png;base64,AA\" alt=\"a\"></p>\n",
       "<p><img src=\"data:image/png;base64,AA\" alt=\"a\"></p>\n"},
      {"[x](https://example.org)", "<p><a href=\"https://example.org\">x</a></p>\n",
       "<p><a href=\"https://example.org\">x</a></p>\n"},
      // An image inside a link: each is dropped or kept on its own, and closed in turn.
      {"[![a](https://x/i.png)](javascript:y)", "<p><img src=\"https://x/i.png\" alt=\"a\"></p>\n",
       "<p><a href=\"javascript:y\"><img src=\"https://x/i.png\" alt=\"a\"></a></p>\n"},
      {"[![a](javascript:y \"t\")](https://ok/ \"lt\") [b](https://b/)",
       "<p><a href=\"https://ok/\" title=\"lt\">a</a> <a href=\"https://b/\">b</a></p>\n",
       "<p><a href=\"https://ok/\" title=\"lt\"><img src=\"javascript:y\" alt=\"a\" "
       "title=\"t\"></a> "
       "<a href=\"https://b/\">b</a></p>\n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(c.safe, Render(c.markdown).html) << c.markdown;
    EXPECT_EQ(c.unsafe, Render(c.markdown, Unsafe()).html) << c.markdown;
  }
}

TEST(MarkdownTest, IsDangerousUrl) {
  const struct {
    std::string url;
    bool dangerous;
  } cases[] = {
      {"javascript:x", true},
      {"JavaScript:x", true},
      {" \t\x01javascript:x", true},
      {"vbscript:x", true},
      {"VBScript:x", true},
      {"data:text/html,x", true},
      {"DATA:image/svg+xml,x", true},
      {"data:image/png,x", false},
      {"data:image/GIF,x", false},
      {"data:image/jpeg,x", false},
      {"data:image/webp,x", false},
      {"java\tscript:x", true},
      {"\njava\nscript:x", true},
      {"jav\r\nascript:x", true},
      {"data\t:text/html,x", true},
      {"java script:x", false},
      {"https://x/javascript:", false},
      {"/javascript", false},
      {"", false},
  };
  for (const auto& c : cases) EXPECT_EQ(c.dangerous, IsDangerousUrl(c.url)) << c.url;
}

TEST(MarkdownTest, FirstParagraphAndPlainText) {
  const struct {
    std::string markdown;
    std::string first_paragraph;
    std::string plain_text;
  } cases[] = {
      {"# Title\n\nFirst *para*\nline two.\n\nSecond &amp; last.\n", "First para line two.",
       "Title\nFirst para line two.\nSecond & last."},
      {"- item one\n- item two\n\nAfter the list.\n", "After the list.",
       "item one\nitem two\nAfter the list."},
      {"> Quoted paragraph.\n", "", "Quoted paragraph."},
      {"```\ncode\n```\n\n<div>raw</div>\n\nText with<br>html.\n", "Text withhtml.",
       "code\nText withhtml."},
      {"| a | b |\n|---|---|\n| 1 | 2 |\n", "", "a b\n1 2"},
      {"Hard  \nbreak ![alt *t*](i.png)\n", "Hard\nbreak alt t", "Hard\nbreak alt t"},
      {"", "", ""},
  };
  for (const auto& c : cases) {
    const Rendered rendered = Render(c.markdown);
    EXPECT_EQ(c.first_paragraph, rendered.first_paragraph) << c.markdown;
    EXPECT_EQ(c.plain_text, rendered.plain_text) << c.markdown;
  }
}

TEST(MarkdownTest, LinksListsEveryDestinationInOrder) {
  const Rendered rendered = Render(
      "[a](/one) ![b](two.png) <https://three.example> www.four.example "
      "[c](javascript:five) [d][ref]\n\n[ref]: /six%20x \"Six\"\n");
  EXPECT_EQ((std::vector<std::string>{"/one", "two.png", "https://three.example",
                                      "http://www.four.example", "javascript:five", "/six%20x"}),
            rendered.links);
}

// FindAutolinks() on one text, as "text -> href" per link.
std::vector<std::string> Autolinks(std::string_view text, bool open_start = true,
                                   bool open_end = true) {
  std::vector<std::string> found;
  for (const Autolink& link :
       FindAutolinks(text, {.url = true, .www = true, .email = true}, open_start, open_end)) {
    found.push_back(std::string(text.substr(link.begin, link.end - link.begin)) + " -> " +
                    link.href);
  }
  return found;
}

TEST(MarkdownTest, FindAutolinksFollowsThePermissiveAutolinkSpec) {
  using Links = std::vector<std::string>;
  const struct {
    std::string_view text;
    Links links;
  } cases[] = {
      {"https://example.com", {"https://example.com -> https://example.com"}},
      {"HTTP://Example.COM", {"HTTP://Example.COM -> HTTP://Example.COM"}},
      {"ssh://example.com mailto:x", {}},
      {"www.example.com", {"www.example.com -> http://www.example.com"}},
      {"a@b.cd", {"a@b.cd -> mailto:a@b.cd"}},
      // Boundaries before: whitespace (also Unicode) and opening brackets only.
      {"(https://a.org [www.a.org {a@a.org",
       {"https://a.org -> https://a.org", "www.a.org -> http://www.a.org",
        "a@a.org -> mailto:a@a.org"}},
      {"\u00A0www.a.org\u3000", {"www.a.org -> http://www.a.org"}},
      {":www.a.org \"www.a.org *a@a.org x.www.a.org", {}},
      // Boundaries after: whitespace, closing brackets, . ! ? , ;
      {"www.a.org) www.b.org] www.c.org} www.d.org.",
       {"www.a.org -> http://www.a.org", "www.b.org -> http://www.b.org",
        "www.c.org -> http://www.c.org", "www.d.org -> http://www.d.org"}},
      {"www.a.org: www.b.org* www.c.org\"", {}},
      // Hosts: two components, the last of two characters; .-_ between alnums.
      {"https://localhost https://a.b https://a-.org https://a..org www.a", {}},
      {"https://my-host_1.example.org",
       {"https://my-host_1.example.org -> https://my-host_1.example.org"}},
      // Paths, queries, fragments; trailing punctuation and unmatched ')' stay out.
      {"https://a.org/x/y_z.png?", {"https://a.org/x/y_z.png -> https://a.org/x/y_z.png"}},
      {"https://a.org/dir/...", {"https://a.org/dir/ -> https://a.org/dir/"}},
      {"https://a.org/~u/+/1", {"https://a.org/~u/+/1 -> https://a.org/~u/+/1"}},
      {"(https://a.org/?q=M+(b))", {"https://a.org/?q=M+(b) -> https://a.org/?q=M+(b)"}},
      {"https://a.org/?q=(b", {}},
      {"https://a.org/?v=_x&y=1#top.",
       {"https://a.org/?v=_x&y=1#top -> https://a.org/?v=_x&y=1#top"}},
      {"https://a.org#", {}},  // a bare '#' is no fragment, nor punctuation that may follow
      // E-mail user names: .-_+ only between alnums.
      {"a.b-c_d+e@x.org", {"a.b-c_d+e@x.org -> mailto:a.b-c_d+e@x.org"}},
      {"john__doe@x.org john.@x.org a@b", {}},
      {"a@b.org@c.org", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(c.links, Autolinks(c.text)) << c.text;
}

TEST(MarkdownTest, FindAutolinksAtTheEdgesOfTheText) {
  EXPECT_TRUE(Autolinks("www.a.org", false, true).empty());
  EXPECT_TRUE(Autolinks("www.a.org", true, false).empty());
  EXPECT_EQ(1u, Autolinks("x www.a.org.", true, false).size());
  EXPECT_TRUE(FindAutolinks("www.a.org a@a.org", {.url = true}, true, true).empty());
  EXPECT_EQ(1u, FindAutolinks("www.a.org a@a.org", {.email = true}, true, true).size());
}

TEST(MarkdownTest, AutolinksFollowTheParserFlags) {
  Options options;
  options.parser_flags_override = MD_FLAG_PERMISSIVEURLAUTOLINKS;
  EXPECT_EQ("<p><a href=\"https://a.org\">https://a.org</a> www.a.org a@a.org</p>\n",
            Render("https://a.org www.a.org a@a.org\n", options).html);
  options.parser_flags_override = 0;
  EXPECT_EQ("<p>https://a.org</p>\n", Render("https://a.org\n", options).html);
}

TEST(MarkdownTest, AutolinksCountAsTextAndLinks) {
  const Rendered rendered = Render("# Mail me@a.org\n\nSee *www.a.org*, x&amp;y.\n");
  EXPECT_EQ(
      "<h1 id=\"mail-meaorg\">Mail <a href=\"mailto:me@a.org\">me@a.org</a></h1>\n"
      "<p>See <em><a href=\"http://www.a.org\">www.a.org</a></em>, x&amp;y.</p>\n",
      rendered.html);
  EXPECT_EQ("Mail me@a.org\nSee www.a.org, x&y.", rendered.plain_text);
  EXPECT_EQ((std::vector<std::string>{"mailto:me@a.org", "http://www.a.org"}), rendered.links);
}

std::optional<WikiLink> FakeResolver(std::string_view target) {
  if (target == "member:unodc") return WikiLink{"member:unodc", "/members/unodc/", "UNODC"};
  if (target == "event:a&b") return WikiLink{"event:a&b", "/events/a b/", "A & B"};
  return std::nullopt;
}

TEST(MarkdownTest, WikiLinks) {
  const struct {
    std::string markdown;
    std::string html;
    std::vector<std::string> broken;
  } cases[] = {
      {"[[member:unodc]]", "<p><a href=\"/members/unodc/\">UNODC</a></p>\n", {}},
      {"[[member:unodc|the *Office*]]",
       "<p><a href=\"/members/unodc/\">the <em>Office</em></a></p>\n",
       {}},
      {"[[event:a&b]]", "<p><a href=\"/events/a%20b/\">A &amp; B</a></p>\n", {}},
      {"[[member:nobody]]", "<p>member:nobody</p>\n", {"member:nobody"}},
      {"[[member:nobody|Tom & *Jerry*]]", "<p>Tom &amp; <em>Jerry</em></p>\n", {"member:nobody"}},
  };
  Options options;
  options.wiki_resolver = FakeResolver;
  for (const auto& c : cases) {
    const Rendered rendered = Render(c.markdown, options);
    EXPECT_EQ(c.html, rendered.html) << c.markdown;
    EXPECT_EQ(c.broken, rendered.broken_wiki_links) << c.markdown;
    EXPECT_EQ(1u, rendered.wiki_targets.size()) << c.markdown;
  }
}

TEST(MarkdownTest, WikiLinksRecordTargetsAndPlainText) {
  Options options;
  options.wiki_resolver = FakeResolver;
  const Rendered rendered =
      Render("# About [[member:unodc]]\n\n[[x:y]] and [[member:unodc|it]]\n", options);
  EXPECT_EQ((std::vector<std::string>{"member:unodc", "x:y", "member:unodc"}),
            rendered.wiki_targets);
  EXPECT_EQ((std::vector<std::string>{"x:y"}), rendered.broken_wiki_links);
  EXPECT_EQ("About UNODC\nx:y and it", rendered.plain_text);
  EXPECT_EQ("about-unodc", rendered.headings.at(0).id);
}

TEST(MarkdownTest, WikiSyntaxIsPlainTextWithoutResolver) {
  const Rendered rendered = Render("[[member:unodc]]");
  EXPECT_EQ("<p>[[member:unodc]]</p>\n", rendered.html);
  EXPECT_TRUE(rendered.wiki_targets.empty());
}

TEST(MarkdownTest, EscapeHtmlAndUrl) {
  EXPECT_EQ("a &amp; b &lt;c&gt; &quot;d&quot; 'e'", EscapeHtml("a & b <c> \"d\" 'e'"));
  // '%' stays: md4c-html takes it as the start of an existing escape.
  EXPECT_EQ("/a%20b?c=1&amp;d=%C3%A9#x%22%27%3C%3E%5B%5D%41",
            EscapeUrl("/a b?c=1&d=é#x\"'<>[]%41"));
  EXPECT_EQ("-_.+!*(),%#@?=;:/$AZaz09", EscapeUrl("-_.+!*(),%#@?=;:/$AZaz09"));
  EXPECT_EQ("%7E%60%5E%7B%7D%7C%5C", EscapeUrl("~`^{}|\\"));  // as md4c-html 0.4.8 does
  EXPECT_EQ("/a%20b?c=1&d=%C3%A9%22%27%3C%3E%00",
            EncodeUrl(std::string("/a b?c=1&d=é\"'<>") + '\0'));
}

TEST(MarkdownTest, EscapeHtmlReplacesWhatHtmlForbids) {
  const std::string fffd = "\xEF\xBF\xBD";
  const struct {
    std::string text;
    std::string html;
  } cases[] = {
      {std::string("a\0b", 3), "a" + fffd + "b"},
      {"\x01\x1F\x7F", fffd + fffd + fffd},
      {"tab\t lf\n ff\f cr\r", "tab\t lf\n ff\f cr\r"},
      {"\u0085 \u009F \u00A0", fffd + " " + fffd + " \u00A0"},
      {"\uFDD0 \uFDEF \uFFFE \uFFFF \U0001FFFE \U0010FFFF",
       fffd + " " + fffd + " " + fffd + " " + fffd + " " + fffd + " " + fffd},
      {"\u2028\u2029 \u202E \uFFFD", "\u2028\u2029 \u202E \uFFFD"},
      // A byte that starts no valid sequence is kept, and never hides what follows it.
      {"\xEF<b>\xC2\"", "\xEF&lt;b&gt;\xC2&quot;"},
  };
  for (const auto& c : cases) EXPECT_EQ(c.html, EscapeHtml(c.text)) << c.text;
  // Raw HTML in safe mode loses them too, and keeps its markup.
  EXPECT_EQ("<div title=\"a" + fffd + "\">" + fffd + "</div>\n",
            Render("<div title=\"a\x01\">\x7F</div>\n").html);
}

TEST(MarkdownTest, EscapeHtmlFindsEveryCharacterAtEveryPosition) {
  // The escaper skips plain runs 16 bytes at a time where it can: put each character it must
  // see at every offset of a 40-byte text and compare with escaping it alone.
  const std::string fffd = "\xEF\xBF\xBD";
  const struct {
    std::string text;
    std::string html;
  } specials[] = {{"&", "&amp;"},         {"<", "&lt;"},        {">", "&gt;"},
                  {"\"", "&quot;"},       {"'", "'"},           {std::string(1, '\0'), fffd},
                  {"\x1F", fffd},         {"\t", "\t"},         {"\x7F", fffd},
                  {"\u0085", fffd},       {"\u00E9", "\u00E9"}, {"\uFFFE", fffd},
                  {"\uFFFD", "\uFFFD"},   {"\U0001FFFF", fffd}, {"\U0001F600", "\U0001F600"},
                  {"\xF5", "\xF5"}};
  for (const auto& c : specials) {
    for (size_t at = 0; at <= 40; ++at) {
      const std::string before(at, 'a'), after(40 - at, 'z');
      EXPECT_EQ(before + c.html + after, EscapeHtml(before + c.text + after))
          << "at " << at << ": " << c.text;
    }
  }
}

// The filter's output for `html` fed whole, and fed one byte at a time.
std::pair<std::string, std::string> FilterWholeAndByByte(std::string_view html) {
  std::string whole, by_byte;
  RawHtmlFilter filter;
  filter.Append(html, &whole);
  filter.Finish(&whole);
  for (char c : html) filter.Append(std::string_view(&c, 1), &by_byte);
  filter.Finish(&by_byte);
  return {whole, by_byte};
}

TEST(MarkdownTest, RawHtmlFilterReadsPiecesAsOneStream) {
  const struct {
    std::string html;
    std::string filtered;
  } cases[] = {
      {"<a href=\"/x\" onclick=\"y()\">a</a>", "<a href=\"/x\">a</a>"},
      {"<A HREF='&#106;avascript:x' ONCLICK=y>", "<A>"},
      {"<img/src=x/onerror=y>", "<img/src=x/onerror=y>"},  // one unquoted value "x/onerror=y"
      {"<img/onerror=y src=x>", "<img/ src=x>"},
      {"<a href=\"x\"onclick=\"y\"title=z>", "<a href=\"x\"title=z>"},
      {"<a =onclick=x>", "<a =onclick=x>"},  // the name is "=onclick": no handler
      {"<p>x > y</p>", "<p>x > y</p>"},
      {"a < b <3 </> <?x <y> <!x <y> <!-- <img onerror=x> --> <img onerror=x>",
       "a < b <3 </> <?x &lt;y> <!x &lt;y> <!-- &lt;img onerror=x> --> <img>"},
      {"<!--> <img onerror=x> <!---> <img onerror=x> --!> <b onclick=x>",
       "<!--> <img> <!---> <img> --!> <b>"},
      {"<script src=x></SCRIPT><noscript>", "&lt;script src=x>&lt;/SCRIPT>&lt;noscript>"},
      {"<div title=\"a", "&lt;div title=&quot;a"},
      {"<!-- a", "<!-- a-->"},
      {"<?php", "<?php>"},
  };
  for (const auto& c : cases) {
    const auto [whole, by_byte] = FilterWholeAndByByte(c.html);
    EXPECT_EQ(c.filtered, whole) << c.html;
    EXPECT_EQ(c.filtered, by_byte) << c.html;
  }
}

}  // namespace
}  // namespace portalgen::markdown
