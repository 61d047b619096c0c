// Unit tests of generator/render: loading a theme from an in-memory file system, strict
// rendering with exact diagnostics, escaping, and the JSON -> Mustache data mapping.
#include <gtest/gtest.h>

#include "diagnostic_lines.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "render/mustache_data.h"
#include "render/theme.h"

namespace portalgen::render {
namespace {

using nlohmann::json;
using Names = std::vector<std::string>;

Names Messages(const DiagnosticSink& sink) { return testing::FirstLines(sink); }

constexpr const char* kSyntaxHint = "(every {{#section}} needs its {{/section}}, every {{ its }})";

// A theme "t" under site/themes/ with every required template and one partial.
class RenderThemeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const std::string& name : Theme::RequiredTemplates()) {
      Write("templates/" + name, "<p>{{title}}</p>");
    }
    Write("templates/partials/head", "<head>{{site_name}}</head>");
  }
  // Writes site/themes/t/<rel>.mustache.
  void Write(const std::string& rel, const std::string& text) {
    ASSERT_TRUE(fs_.Write("site/themes/t/" + rel + ".mustache", text).ok());
  }
  std::optional<Theme> Load(DiagnosticSink& sink) { return Theme::Load(fs_, "site", "t", sink); }

  MemoryFileSystem fs_;
};

TEST_F(RenderThemeTest, LoadsEveryTemplateAndRendersAView) {
  Write("templates/page",
        "{{> head}}<h1>{{title}}</h1><ul>{{#items}}<li>{{name}} {{n}}</li>{{/items}}</ul>"
        "{{^empty}}no more{{/empty}}{{#page.flag}}!{{/page.flag}}");
  ASSERT_TRUE(fs_.Write("site/themes/t/templates/README.md", "not a template").ok());
  DiagnosticSink sink;
  std::optional<Theme> theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  for (const std::string& name : Theme::RequiredTemplates()) EXPECT_TRUE(theme->Has(name));
  EXPECT_FALSE(theme->Has("README"));
  EXPECT_FALSE(theme->Has("head"));  // partials are not templates
  EXPECT_EQ(theme->static_dir(), "site/themes/t/static");
  const json view = {{"site_name", "ICAT"},
                     {"title", "Events"},
                     {"items", {{{"name", "a"}, {"n", 1}}, {{"name", "b"}, {"n", 2.5}}}},
                     {"empty", json::array()},
                     {"page", {{"flag", true}}}};
  std::optional<std::string> html = theme->Render("page", view, sink);
  ASSERT_TRUE(html.has_value());
  EXPECT_EQ(*html, "<head>ICAT</head><h1>Events</h1><ul><li>a 1</li><li>b 2.5</li></ul>no more!");
  EXPECT_EQ(Messages(sink), Names{});
}

TEST_F(RenderThemeTest, EmptyStringsAndNullAreFalseInSections) {
  Write("templates/event",
        "{{#venue}}at {{venue}}{{/venue}}{{^venue}}no venue{{/venue}}|"
        "{{#city}}in {{city}}{{/city}}|[{{venue}}]|{{#gone}}x{{/gone}}{{^gone}}none{{/gone}}");
  DiagnosticSink sink;
  std::optional<Theme> theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  std::optional<std::string> html =
      theme->Render("event", {{"venue", ""}, {"city", "Geneva"}, {"gone", nullptr}}, sink);
  ASSERT_TRUE(html.has_value());
  EXPECT_EQ(*html, "no venue|in Geneva|[]|none");
  EXPECT_EQ(Messages(sink), Names{});
}

TEST_F(RenderThemeTest, VariablesAreEscapedTripleBracesAreNot) {
  Write("templates/page", "{{x}}|{{{x}}}|{{&x}}");
  DiagnosticSink sink;
  std::optional<Theme> theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  std::optional<std::string> html =
      theme->Render("page", json{{"x", "<b>\"x\" & 'y'</b>"}}, sink);
  ASSERT_TRUE(html.has_value());
  EXPECT_EQ(*html,
            "&lt;b&gt;&quot;x&quot; &amp; &apos;y&apos;&lt;/b&gt;|<b>\"x\" & 'y'</b>|"
            "<b>\"x\" & 'y'</b>");
}

TEST_F(RenderThemeTest, UnknownVariableInATemplate) {
  Write("templates/page", "<h1>{{title}}</h1>\n<p>{{sumary}}</p>\n{{#more}}{{/more}}\n");
  DiagnosticSink sink;
  std::optional<Theme> theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  const json view = {{"title", "T"}, {"page", {{"summary", "S"}, {"mroe", 1}}}};
  EXPECT_FALSE(theme->Render("page", view, sink).has_value());
  EXPECT_FALSE(theme->Render("page", view, sink).has_value());  // reported once per place
  EXPECT_EQ(Messages(sink),
            (Names{"themes/t/templates/page.mustache:2:4: error: unknown variable 'sumary' (did "
                   "you mean 'summary'?)",
                   "themes/t/templates/page.mustache:3:1: error: unknown variable 'more' (did "
                   "you mean 'mroe'?)"}));
}

TEST_F(RenderThemeTest, UnknownVariableInAPartialIsReportedOnceAtThePartial) {
  Write("templates/partials/head", "<head>\n  <title>{{sitename}}</title>\n</head>");
  for (const char* name : {"index", "page", "brief"}) {
    Write(std::string("templates/") + name, "{{> head}}<p>{{title}}</p>");
  }
  DiagnosticSink sink;
  std::optional<Theme> theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  const json view = {{"site_name", "ICAT"}, {"title", "T"}};
  for (const char* name : {"index", "page", "brief"}) {
    EXPECT_FALSE(theme->Render(name, view, sink).has_value()) << name;
  }
  EXPECT_EQ(Messages(sink),
            Names{"themes/t/templates/partials/head.mustache:2:10: error: unknown variable "
                  "'sitename' (did you mean 'site_name'?)"});
}

TEST_F(RenderThemeTest, UnknownVariableIsReportedWhereItIsUnresolved) {
  // `name` resolves inside the template's section, but not at the partial's top level: the
  // error belongs to the partial, not to the template's (valid) use of the same name.
  Write("templates/list", "<ul>{{#items}}<li>{{name}}</li>{{/items}}</ul>{{> foot}}");
  Write("templates/partials/foot", "<footer>{{name}}</footer>");
  DiagnosticSink sink;
  std::optional<Theme> theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  EXPECT_FALSE(theme->Render("list", json{{"items", {{{"name", "a"}}}}}, sink).has_value());
  EXPECT_EQ(Messages(sink),
            Names{"themes/t/templates/partials/foot.mustache:1:9: error: unknown variable "
                  "'name'"});
}

TEST_F(RenderThemeTest, UnknownPartial) {
  Write("templates/page", "<html>\n{{> haed}}\n{{>footer}}</html>");
  DiagnosticSink sink;
  std::optional<Theme> theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  EXPECT_FALSE(theme->Render("page", json{{"site_name", "S"}}, sink).has_value());
  EXPECT_EQ(Messages(sink),
            (Names{"themes/t/templates/page.mustache:2:1: error: unknown partial 'haed' (did "
                   "you mean 'head'?)",
                   "themes/t/templates/page.mustache:3:1: error: unknown partial 'footer'"}));
}

TEST_F(RenderThemeTest, PartialThatIncludesItselfWithoutEndIsAnError) {
  // Found by fuzz/template_fuzz: the endless recursion overflowed the stack. A partial that
  // includes itself outside any section is refused at load (next test); inside a section,
  // mustache's lookup finds `x` again at every depth, so only the data can end it.
  Write("templates/partials/loop", "<li>{{#x}}{{> loop}}{{/x}}</li>");
  Write("templates/page", "{{> loop}}{{> loop}}");
  Write("templates/partials/tree", "{{#children}}{{name}}{{> tree}}{{/children}}");
  Write("templates/list", "{{> tree}}");
  DiagnosticSink sink;
  std::optional<Theme> theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  EXPECT_FALSE(theme->Render("page", json{{"x", true}}, sink).has_value());
  EXPECT_FALSE(theme->Render("page", json{{"x", true}}, sink).has_value());  // reported once
  EXPECT_EQ(Messages(sink),
            Names{"themes/t/templates/partials/loop.mustache: error: partial 'loop' nests more "
                  "than 100 partials deep (a partial that includes itself must do so inside a "
                  "section that ends, e.g. {{#children}}{{> loop}}{{/children}})"});
  // Recursion that the data ends is fine.
  const json tree =
      json::parse(R"({"children": [{"name": "a", "children": [{"name": "b", "children": []}]}]})");
  EXPECT_EQ(theme->Render("list", tree, sink), "ab");
}

TEST_F(RenderThemeTest, PartialThatAlwaysIncludesItselfIsAnErrorAtLoad) {
  // Rendering it would recurse until the stack overflowed. Includes inside a section are left
  // to the data (and the renderer's depth limit): a -> b -> a passes through {{#x}}.
  Write("templates/partials/foot", "</main>\n{{> foot}}");
  Write("templates/partials/a", "{{#x}}{{> b}}{{/x}}");
  Write("templates/partials/b", "b {{> head}} {{> a}}");
  Write("templates/partials/c", "{{> d}}");
  Write("templates/partials/d", "d {{> c}}");
  Write("templates/page", "{{> a}}{{> foot}}{{> c}}");
  DiagnosticSink sink;
  EXPECT_FALSE(Load(sink).has_value());
  EXPECT_EQ(Messages(sink),
            (Names{"themes/t/templates/partials/d.mustache:1:3: error: partial 'c' includes "
                   "itself (c -> d -> c) (rendering it would never end; remove this {{> c}})",
                   "themes/t/templates/partials/foot.mustache:2:1: error: partial 'foot' "
                   "includes itself (foot -> foot) (rendering it would never end; remove this "
                   "{{> foot}})"}));
}

TEST_F(RenderThemeTest, UnreadableTemplateIsAnErrorAtTheFile) {
  fs_.FailReadsOf("site/themes/t/templates/page.mustache",
                  Status::Io("site/themes/t/templates/page.mustache: Permission denied"));
  DiagnosticSink sink;
  EXPECT_FALSE(Load(sink).has_value());
  EXPECT_EQ(Messages(sink), Names{"themes/t/templates/page.mustache: error: cannot read the file: "
                                  "Permission denied"});
}

TEST_F(RenderThemeTest, UnknownTemplateName) {
  DiagnosticSink sink;
  std::optional<Theme> theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  EXPECT_FALSE(theme->Render("speaker", json{{"title", "T"}}, sink).has_value());
  EXPECT_EQ(Messages(sink), Names{"themes: error: no template 'speaker.mustache' in the theme"});
}

TEST_F(RenderThemeTest, SyntaxErrorsAtTheirLine) {
  Write("templates/page", "<ul>\n  {{#items}}\n<li>{{name}}</li>\n</ul>\n");
  Write("templates/partials/card", "<a>\n</a>{{title</a>\n");
  Write("templates/brief", "<p>\n{{/b}}\n");
  Write("templates/event", "{{#a}}\n{{/b}}\n");  // the section left open is "a"
  DiagnosticSink sink;
  EXPECT_FALSE(Load(sink).has_value());
  EXPECT_EQ(Messages(sink),
            (Names{std::string("themes/t/templates/brief.mustache:2:1: error: template syntax: "
                               "Unopened section \"b\" ") +
                       kSyntaxHint,
                   std::string("themes/t/templates/event.mustache:1:1: error: template syntax: "
                               "Unclosed section \"a\" ") +
                       kSyntaxHint,
                   std::string("themes/t/templates/page.mustache:2:3: error: template syntax: "
                               "Unclosed section \"items\" ") +
                       kSyntaxHint,
                   std::string("themes/t/templates/partials/card.mustache:2:5: error: template "
                               "syntax: Unclosed tag ") +
                       kSyntaxHint}));
}

TEST_F(RenderThemeTest, MissingRequiredTemplate) {
  ASSERT_TRUE(fs_.RemoveAll("site/themes/t/templates/404.mustache").ok());
  ASSERT_TRUE(fs_.RemoveAll("site/themes/t/templates/terms.mustache").ok());
  DiagnosticSink sink;
  EXPECT_FALSE(Load(sink).has_value());
  // Diagnostic paths are relative to the site root, like the template paths above.
  EXPECT_EQ(Messages(sink),
            (Names{"themes/t/templates: error: theme 't' has no template '404.mustache'",
                   "themes/t/templates: error: theme 't' has no template 'terms.mustache'"}));
}

TEST_F(RenderThemeTest, UnknownThemeName) {
  ASSERT_TRUE(fs_.Write("site/themes/icat/templates/page.mustache", "x").ok());
  DiagnosticSink sink;
  EXPECT_FALSE(Theme::Load(fs_, "site", "icta", sink).has_value());
  EXPECT_EQ(Messages(sink),
            Names{"site.toml: error: theme 'icta' not found in themes/ (did you mean 'icat'?)"});
  DiagnosticSink far;
  EXPECT_FALSE(Theme::Load(fs_, "site", "default", far).has_value());
  EXPECT_EQ(Messages(far), Names{"site.toml: error: theme 'default' not found in themes/"});
}

TEST_F(RenderThemeTest, SharedValuesRenderAndReportLikeCopies) {
  Write("templates/page", "{{site.title}}|{{#items}}{{title}} {{n}};{{/items}}|{{site.titel}}");
  DiagnosticSink sink;
  std::optional<Theme> theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  const Value site = Object{{"title", "S"}};
  const Value card = Object{{"title", "C"}, {"n", 7}};
  const Value view = Object{{"site", Value::Ref(site)},
                            {"items", List{Value::Ref(card), Value::Ref(card)}}};
  // site.titel is unknown: the suggestion comes from inside the shared `site`.
  EXPECT_FALSE(theme->Render("page", view, sink).has_value());
  EXPECT_EQ(Messages(sink), Names{"themes/t/templates/page.mustache:1:53: error: unknown "
                                  "variable 'site.titel' (did you mean 'site.title'?)"});
  Write("templates/page", "{{site.title}}|{{#items}}{{title}} {{n}};{{/items}}");
  theme = Load(sink);
  ASSERT_TRUE(theme.has_value());
  EXPECT_EQ(theme->Render("page", view, sink), "S|C 7;C 7;");
  EXPECT_EQ(theme->Render("page", view.ToJson(), sink), "S|C 7;C 7;");
}

TEST(ViewValueTest, FalseValuesAndNumbersAsMustacheSeesThem) {
  EXPECT_TRUE(Value().IsFalse());
  EXPECT_TRUE(Value(false).IsFalse());
  EXPECT_TRUE(Value("").IsFalse());
  EXPECT_TRUE(Value::Borrow("").IsFalse());
  EXPECT_FALSE(Value(true).IsFalse());
  EXPECT_FALSE(Value("x").IsFalse());
  EXPECT_FALSE(Value(0).IsFalse());  // a number is true, even 0
  EXPECT_FALSE(Value(List()).IsFalse());
  EXPECT_FALSE(Value(Object()).IsFalse());
  EXPECT_EQ(Value(42).text(), json(42).dump());
  EXPECT_EQ(Value(-3).text(), "-3");
  EXPECT_EQ(Value(size_t{18446744073709551615u}).text(), "18446744073709551615");
  EXPECT_TRUE(Value(7).is_number());
  EXPECT_EQ(Value(true).text(), "");  // only strings and numbers render text
}

TEST(ViewValueTest, RefersToASharedValueWithoutCopyingIt) {
  const Value shared = Object{{"a", "A"}};
  const Value ref = Value::Ref(shared);
  const Value ref_of_ref = Value::Ref(ref);
  EXPECT_EQ(ref.Find("a"), shared.Find("a"));
  EXPECT_EQ(&ref_of_ref.Resolved(), &shared);
  EXPECT_TRUE(ref.is_object());
  EXPECT_EQ(ref.Find("b"), nullptr);
  EXPECT_EQ(Value("x").Find("a"), nullptr);  // not an object
}

TEST(ViewValueTest, SetReplacesOrAppendsAMember) {
  Value v = Object{{"a", 1}, {"b", 2}};
  v.Set("b", "two");
  v.Set("c", 3);
  EXPECT_EQ(v.object().size(), 3u);
  EXPECT_EQ(v.Find("b")->text(), "two");
  EXPECT_EQ(v.ToJson(), json({{"a", 1}, {"b", "two"}, {"c", 3}}));
}

TEST(ViewValueTest, JsonRoundTrip) {
  const json j = json::parse(
      R"({"s": "x", "e": "", "n": 3, "u": 18446744073709551615, "f": 2.5, "t": true,
          "z": null, "l": [1, "a", [], {}], "o": {"k": {"deep": [null]}}})");
  const Value v = Value::FromJson(j);
  EXPECT_EQ(v.Find("f")->text(), "2.5");
  EXPECT_TRUE(v.Find("z")->is_null());
  EXPECT_EQ(v.ToJson(), j);
}

TEST(MustacheDataTest, MapsJsonToMustacheData) {
  EXPECT_TRUE(ToMustacheData("").is_false());
  EXPECT_TRUE(ToMustacheData(nullptr).is_false());
  EXPECT_TRUE(ToMustacheData(false).is_false());
  EXPECT_TRUE(ToMustacheData(true).is_true());
  ASSERT_TRUE(ToMustacheData("x").is_string());
  EXPECT_EQ(ToMustacheData("x").string_value(), "x");
  EXPECT_EQ(ToMustacheData(42).string_value(), "42");
  EXPECT_EQ(ToMustacheData(-3).string_value(), "-3");
  EXPECT_EQ(ToMustacheData(0).string_value(), "0");  // 0 is a string, so true in sections
  EXPECT_TRUE(ToMustacheData(json::array()).is_empty_list());
  const auto object = ToMustacheData(json{{"a", ""}, {"b", "B"}});
  ASSERT_TRUE(object.is_object());
  EXPECT_TRUE(object.get("a")->is_false());
  EXPECT_EQ(object.get("b")->string_value(), "B");
}

}  // namespace
}  // namespace portalgen::render
