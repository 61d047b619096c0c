// The compiled template renderer against kainjow's own renderer: same bytes, same unknown
// names, for every case in the table.
#include "render/template_tree.h"

#include <gtest/gtest.h>

#include <kainjow/mustache.hpp>
#include <map>
#include <string>

#include "render/mustache_data.h"

namespace portalgen::render {
namespace {

namespace mustache = kainjow::mustache;
using nlohmann::json;

// kainjow with partials from a map and unknown names recorded, as the theme used it.
class RecordingContext : public mustache::basic_context<std::string> {
 public:
  RecordingContext(const mustache::data* root, const std::map<std::string, mustache::data>& p)
      : inner_(root), partials_(p) {}
  void push(const mustache::data* data) override { inner_.push(data); }
  void pop() override { inner_.pop(); }
  const mustache::data* get(const std::string& name) const override {
    const mustache::data* found = inner_.get(name);
    if (found == nullptr) missing.push_back({name, false});
    return found;
  }
  const mustache::data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    if (it != partials_.end()) return &it->second;
    missing.push_back({name, true});
    return nullptr;
  }
  mutable MissingNames missing;

 private:
  mustache::context<std::string> inner_;
  const std::map<std::string, mustache::data>& partials_;
};

const std::map<std::string, std::string> kPartials = {
    {"card", "<li>{{title}}</li>\n"},
    {"row", "  {{#items}}\n  <b>{{.}}</b>\n  {{/items}}\n"},
    {"crlf", "{{#flag}}\r\nyes\r\n{{/flag}}\r\n"},
};

struct Case {
  const char* tmpl;
  const char* view;
};

const Case kCases[] = {
    {"Hello {{name}}!", R"({"name": "<World> & 'you' \"too\""})"},
    {"{{{name}}} {{&name}}", R"({"name": "<b>"})"},
    {"<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", R"({"items": ["a", "", 3]})"},
    {"{{#items}}\n{{/items}}\nafter\n", R"({"items": []})"},
    {"  {{^items}}\n  none\n  {{/items}}\n", R"({"items": []})"},
    {"{{^missing}}x{{/missing}}", R"({})"},
    {"{{#empty}}shown{{/empty}}{{^empty}}hidden{{/empty}}", R"({"empty": ""})"},
    {"{{#n}}[{{.}}]{{/n}} {{f}} {{nothing}}", R"({"n": 0, "f": 1.5, "nothing": null})"},
    {"{{#obj}}{{a.b}} {{title}}{{/obj}}", R"({"obj": {"a": {"b": "deep"}}, "title": "outer"})"},
    {"{{#list}}{{x.y}}{{/list}}", R"({"list": [{"x": {"z": 1}}], "x": {"y": "from root"}})"},
    {"{{#t}}\n{{>card}}\n{{/t}}", R"({"t": true, "title": "T"})"},
    {"<ul>\n{{#cards}}\n{{>card}}\n{{/cards}}\n</ul>",
     R"({"cards": [{"title": "a"}, {"title": "b"}]})"},
    {"{{>row}}done", R"({"items": ["x", "y"]})"},
    {"a\r\n{{>crlf}}b\r\n", R"({"flag": true})"},
    {"{{! a comment }}\nline\n{{=<% %>=}}\n<%name%> {{name}}\n<%={{ }}=%>{{name}}",
     R"({"name": "n"})"},
    {"{{#a}}{{#b}}{{c}}{{/b}}{{/a}}", R"({"a": {"b": [{"c": "1"}, {"c": "2"}]}, "c": "0"})"},
    {"\t{{#yes}}  \nkept {{ spaced }}\n\t{{/yes}}\t\n", R"({"yes": "s", "spaced": "ok"})"},
    {"{{unknown}} {{#gone}}{{inside}}{{/gone}} {{>nope}} {{a.b}}", R"({"a": {}})"},
    {"{{#obj}}{{.}}{{/obj}}|{{obj}}|{{#b}}{{.}}{{/b}}", R"({"obj": {"k": "v"}, "b": true})"},
};

TEST(TemplateTreeTest, RendersLikeKainjow) {
  std::map<std::string, mustache::data> kainjow_partials;
  std::map<std::string, TemplateTree> trees;
  for (const auto& [name, text] : kPartials) {
    kainjow_partials.emplace(name, mustache::data(text));
    trees.emplace(name, ParseTemplate(text));
  }
  const PartialLookup lookup = [&](const std::string& name) -> const TemplateTree* {
    auto it = trees.find(name);
    return it == trees.end() ? nullptr : &it->second;
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.tmpl);
    const json view = json::parse(c.view);
    const mustache::data data = ToMustacheData(view);
    RecordingContext ctx(&data, kainjow_partials);
    mustache::mustache expected_tmpl(c.tmpl);
    ASSERT_TRUE(expected_tmpl.is_valid()) << expected_tmpl.error_message();
    const std::string expected = expected_tmpl.render(ctx);
    MissingNames missing;
    EXPECT_EQ(expected, RenderTemplate(ParseTemplate(c.tmpl), view, lookup, missing));
    EXPECT_EQ(ctx.missing, missing);
  }
}

}  // namespace
}  // namespace portalgen::render
