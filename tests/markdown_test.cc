// Unit tests of the Markdown stage: heading ids, safe mode, the plain-text
// outputs, links and wiki links. Conformance is in markdown_spec_test.cc.
#include "markdown/markdown.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "markdown/heading_ids.h"
#include "markdown/html_escape.h"
#include "markdown/url_filter.h"

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
      {"data:text/html,x", true},
      {"DATA:image/svg+xml,x", true},
      {"data:image/png,x", false},
      {"data:image/GIF,x", false},
      {"data:image/jpeg,x", false},
      {"data:image/webp,x", false},
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
}

}  // namespace
}  // namespace portalgen::markdown
