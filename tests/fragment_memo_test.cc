// FragmentMemo: a section body rendered once for a shared list item and copied after that gives
// the same text as rendering it every time, and is not reused where the page around the item
// would change it.
#include "render/fragment_memo.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <string>
#include <vector>

#include "render/template_tree.h"

namespace portalgen::render {
namespace {

// Items that several pages share, as the view builders share memoised cards.
class Shared {
 public:
  Value Ref(Value v) {
    pool_.push_back(std::move(v));
    return Value::Ref(pool_.back());
  }

 private:
  std::deque<Value> pool_;  // never moves a value
};

Value Card(const char* title) {
  Value card = Object{};
  card.Set("title", title);
  return card;
}

class FragmentMemoTest : public ::testing::Test {
 protected:
  void Partial(const std::string& name, const std::string& text) {
    trees_[name] = ParseTemplate(text);
  }
  // Renders `tmpl` over `view` with the memo and without; both must agree. Returns the text.
  std::string Render(const std::string& tmpl, const Value& view, MissingNames* missing_out = nullptr) {
    const TemplateTree& tree = Tree(tmpl);
    MissingNames plain_missing, memo_missing;
    const std::string plain = RenderTemplate(tree, view, lookup_, plain_missing);
    const std::string memoised = RenderTemplate(tree, view, lookup_, memo_missing, nullptr, &memo_);
    EXPECT_EQ(plain, memoised) << tmpl;
    EXPECT_EQ(plain_missing, memo_missing) << tmpl;
    if (missing_out != nullptr) *missing_out = memo_missing;
    return memoised;
  }
  // Whether the memo holds a fragment of the first section of `tmpl` for `item`.
  bool Kept(const std::string& tmpl, const Value& item, bool blank_before = true) {
    const TemplateTree& tree = Tree(tmpl);
    for (const TemplateNode& node : tree) {
      if (node.kind == TemplateNode::Kind::kSection) {
        return memo_.Find({&node, &item.Resolved(), blank_before}) != nullptr;
      }
    }
    return false;
  }
  const TemplateTree& Tree(const std::string& tmpl) {
    auto it = templates_.find(tmpl);
    if (it == templates_.end()) it = templates_.emplace(tmpl, ParseTemplate(tmpl)).first;
    return it->second;
  }

  Shared shared_;
  FragmentMemo memo_;
  std::map<std::string, TemplateTree> trees_;
  std::map<std::string, TemplateTree> templates_;
  PartialLookup lookup_ = [this](const std::string& name) -> const TemplateTree* {
    auto it = trees_.find(name);
    return it == trees_.end() ? nullptr : &it->second;
  };
};

TEST_F(FragmentMemoTest, SharedItemIsRenderedOnceAndCopiedAfter) {
  Partial("card", "<li>{{title}}</li>\n");
  const Value a = shared_.Ref(Card("A & B"));
  const Value b = shared_.Ref(Card("C"));
  const std::string tmpl = "<ul>\n{{#items}}\n{{> card}}{{/items}}\n</ul>\n";
  Value page1 = Object{};
  page1.Set("items", List{a, b});
  Value page2 = Object{};
  page2.Set("items", List{b, a, b});
  EXPECT_EQ(Render(tmpl, page1), "<ul>\n<li>A &amp; B</li>\n<li>C</li>\n</ul>\n");
  EXPECT_TRUE(Kept(tmpl, a));
  EXPECT_TRUE(Kept(tmpl, b));
  EXPECT_EQ(Render(tmpl, page2), "<ul>\n<li>C</li>\n<li>A &amp; B</li>\n<li>C</li>\n</ul>\n");
}

TEST_F(FragmentMemoTest, ItemsThatAreNotSharedAreNotKept) {
  const std::string tmpl = "{{#items}}{{title}};{{/items}}";
  Value page = Object{};
  page.Set("items", List{Card("own")});
  EXPECT_EQ(Render(tmpl, page), "own;");
  const Value& item = page.Find("items")->list()[0];
  EXPECT_FALSE(Kept(tmpl, item));
}

TEST_F(FragmentMemoTest, NameFoundOutsideTheItemIsCheckedAtEachUse) {
  const Value card = shared_.Ref(Card("Talk"));  // no "venue": found in the page around it
  const std::string tmpl = "{{#items}}{{title}} in {{venue}}{{#online}} (online){{/online}};{{/items}}";
  Value vienna = Object{};
  vienna.Set("venue", "Vienna");
  vienna.Set("online", false);
  vienna.Set("items", List{card});
  Value geneva = Object{};
  geneva.Set("venue", "Geneva");
  geneva.Set("online", true);
  geneva.Set("items", List{card});
  EXPECT_EQ(Render(tmpl, vienna), "Talk in Vienna;");
  EXPECT_TRUE(Kept(tmpl, card));
  EXPECT_EQ(Render(tmpl, geneva), "Talk in Geneva (online);");
  EXPECT_EQ(Render(tmpl, vienna), "Talk in Vienna;");
}

// A page whose `site` object is named `name`, listing `items`.
Value PageOfSite(const char* name, List items) {
  Value site = Object{};
  site.Set("name", name);
  Value page = Object{};
  page.Set("site", std::move(site));
  page.Set("items", std::move(items));
  return page;
}

TEST_F(FragmentMemoTest, BodyThatUsesAnOuterObjectIsNotKept) {
  const Value card = shared_.Ref(Card("Item"));
  const std::string tmpl = "{{#items}}{{title}} of {{#site}}{{name}}{{/site}};{{/items}}";
  EXPECT_EQ(Render(tmpl, PageOfSite("One", List{card})), "Item of One;");
  EXPECT_FALSE(Kept(tmpl, card));
  EXPECT_EQ(Render(tmpl, PageOfSite("Two", List{card})), "Item of Two;");
}

TEST_F(FragmentMemoTest, UnknownNameIsReportedAtEveryUse) {
  const Value card = shared_.Ref(Card("Item"));
  const std::string tmpl = "{{#items}}{{title}}{{nowhere}};{{/items}}";
  Value page = Object{};
  page.Set("items", List{card, card});
  MissingNames missing;
  EXPECT_EQ(Render(tmpl, page, &missing), "Item;Item;");
  EXPECT_EQ(missing, (MissingNames{{"nowhere", false}, {"nowhere", false}}));
  EXPECT_FALSE(Kept(tmpl, card));
}

// Whether a section's line is dropped depends on the text before it on its line: the same
// section, in a partial used at the start of a line and after other text, must not share.
TEST_F(FragmentMemoTest, TextBeforeTheSectionOnItsLineIsPartOfTheKey) {
  Partial("list", "{{#items}}\n{{title}}\n{{/items}}\n");
  Partial("indented", "  {{#items}}  \n  - {{title}}\n  {{/items}}\n");
  const Value a = shared_.Ref(Card("a"));
  const Value b = shared_.Ref(Card("b"));
  Value page = Object{};
  page.Set("items", List{a, b});
  Render("{{> list}}X{{> list}}after\n", page);
  Render("x {{> list}}{{> list}}", page);
  Render("{{> indented}}x{{> indented}}  {{> indented}}", page);
  Render("  {{> indented}}\n", page);
}

TEST_F(FragmentMemoTest, LineStateAfterAReusedFragmentIsRestored) {
  const Value a = shared_.Ref(Card("a"));
  Value page = Object{};
  page.Set("items", List{a, a});
  page.Set("flag", true);
  // Items that end in the middle of a line, then a line that holds only a section tag.
  Render("{{#items}}[{{title}}]{{/items}}\n  {{#flag}}\n  yes\n  {{/flag}}\n", page);
  // Items that end a line, then the same.
  Render("{{#items}}\n[{{title}}]\n{{/items}}\n  {{#flag}}  \n  yes\n  {{/flag}}\n", page);
  Render("{{#items}}{{title}}\n  {{/items}}  {{#flag}}\nz\n{{/flag}}\n", page);
}

// The table itself: many keys (it grows many times), keys that differ in one part only, absent
// keys, and a second Keep of a key, which leaves the first fragment.
TEST(FragmentMemoTable, FindsWhatWasKeptAndNothingElse) {
  std::vector<TemplateNode> nodes(3);
  std::vector<Value> items(4000);
  FragmentMemo memo;
  auto text_of = [&](size_t n, size_t i, bool blank) {
    return std::to_string(n) + "/" + std::to_string(i) + (blank ? "b" : "");
  };
  for (size_t n = 0; n < 2; ++n) {  // nodes[2] is never kept
    for (size_t i = 0; i < items.size(); ++i) {
      if (i % 3 == 0) continue;  // items 0, 3, 6... are never kept
      for (bool blank : {false, true}) {
        Fragment f;
        f.text = text_of(n, i, blank);
        memo.Keep({&nodes[n], &items[i], blank}, std::move(f));
      }
    }
  }
  Fragment second;
  second.text = "second";
  memo.Keep({&nodes[0], &items[1], true}, std::move(second));
  for (size_t n = 0; n < nodes.size(); ++n) {
    for (size_t i = 0; i < items.size(); ++i) {
      for (bool blank : {false, true}) {
        const Fragment* f = memo.Find({&nodes[n], &items[i], blank});
        if (n == 2 || i % 3 == 0) {
          EXPECT_EQ(f, nullptr) << n << " " << i;
        } else {
          ASSERT_NE(f, nullptr) << n << " " << i << " " << blank;
          EXPECT_EQ(f->text, text_of(n, i, blank));
        }
      }
    }
  }
}

// Clear() forgets every fragment, and the memo keeps fragments again after it.
TEST(FragmentMemoTable, ClearForgetsAndKeepsAgain) {
  std::vector<TemplateNode> nodes(1);
  std::vector<Value> items(300);
  FragmentMemo memo;
  for (Value& item : items) {
    Fragment f;
    f.text = "before";
    memo.Keep({&nodes[0], &item, false}, std::move(f));
  }
  memo.Clear();
  for (const Value& item : items) EXPECT_EQ(memo.Find({&nodes[0], &item, false}), nullptr);
  Fragment after;
  after.text = "after";
  memo.Keep({&nodes[0], &items[7], false}, std::move(after));
  const Fragment* f = memo.Find({&nodes[0], &items[7], false});
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->text, "after");
  EXPECT_EQ(memo.Find({&nodes[0], &items[8], false}), nullptr);
}

}  // namespace
}  // namespace portalgen::render
