// Unit tests of generator/config: site.toml defaults, every field, and exact diagnostics.
#include <gtest/gtest.h>

#include "diagnostic_lines.h"

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "config/site_config.h"

namespace portalgen::config {
namespace {

std::vector<std::string> Messages(const DiagnosticSink& sink) { return testing::FirstLines(sink); }

TEST(ConfigTest, Defaults) {
  DiagnosticSink sink;
  std::optional<SiteConfig> c = ParseSiteConfig("site.toml", "title = \"T\"\n", sink);
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(Messages(sink).empty());
  EXPECT_EQ(c->title, "T");
  EXPECT_EQ(c->base_url, "/");
  EXPECT_EQ(c->language, "en");
  EXPECT_EQ(c->theme, "default");
  EXPECT_EQ(c->description, "");
  EXPECT_EQ(c->paginate, 20);
  EXPECT_EQ(c->author_name, "");
  EXPECT_EQ(c->author_email, "");
  EXPECT_TRUE(c->priorities.empty());
  EXPECT_FALSE(c->markdown_unsafe);
  EXPECT_EQ(c->feeds_limit, 50);
  EXPECT_EQ(c->base_path(), "/");
}

TEST(ConfigTest, EveryField) {
  const std::string text =
      "title = \"ICAT\"\n"
      "base_url = \"https://icat.un.org/icat\"\n"
      "language = \"fr\"\n"
      "theme = \"icat\"\n"
      "description = \"About trafficking\"\n"
      "paginate = 5\n"
      "[author]\nname = \"Secretariat\"\nemail = \"icat@un.org\"\n"
      "[markdown]\nunsafe = true\n"
      "[feeds]\nlimit = 7\n"
      "[[priorities]]\nnumber = 1\nslug = \"evidence-base\"\ntitle = \"Building the Evidence "
      "Base\"\nshift = \"From awareness to impact\"\n"
      "[[priorities]]\nnumber = 3\ntitle = \"Ensuring A Rights-based Approach\"\n";
  DiagnosticSink sink;
  std::optional<SiteConfig> c = ParseSiteConfig("site.toml", text, sink);
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(Messages(sink).empty());
  EXPECT_EQ(c->title, "ICAT");
  EXPECT_EQ(c->base_url, "https://icat.un.org/icat");
  EXPECT_EQ(c->base_path(), "/icat/");
  EXPECT_EQ(c->language, "fr");
  EXPECT_EQ(c->theme, "icat");
  EXPECT_EQ(c->description, "About trafficking");
  EXPECT_EQ(c->paginate, 5);
  EXPECT_EQ(c->author_name, "Secretariat");
  EXPECT_EQ(c->author_email, "icat@un.org");
  EXPECT_TRUE(c->markdown_unsafe);
  EXPECT_EQ(c->feeds_limit, 7);
  ASSERT_EQ(c->priorities.size(), 2u);
  EXPECT_EQ(c->priorities[0].number, 1);
  EXPECT_EQ(c->priorities[0].slug, "evidence-base");
  EXPECT_EQ(c->priorities[0].title, "Building the Evidence Base");
  EXPECT_EQ(c->priorities[0].shift, "From awareness to impact");
  // Without a slug, the title is slugified.
  EXPECT_EQ(c->priorities[1].number, 3);
  EXPECT_EQ(c->priorities[1].slug, "ensuring-a-rights-based-approach");
  EXPECT_EQ(c->priorities[1].shift, "");
}

TEST(ConfigTest, CrlfAndBomAreAccepted) {
  DiagnosticSink sink;
  std::optional<SiteConfig> c =
      ParseSiteConfig("site.toml", "\xEF\xBB\xBFtitle = \"T\"\r\npaginate = 3\r\n", sink);
  ASSERT_TRUE(c.has_value());
  EXPECT_FALSE(sink.has_errors());
  EXPECT_EQ(c->paginate, 3);
}

TEST(ConfigTest, BasePath) {
  struct Case {
    const char* base_url;
    const char* base_path;
  };
  const Case cases[] = {
      {"https://icat.un.org/", "/"},
      {"https://icat.un.org", "/"},
      {"https://x.org/icat", "/icat/"},
      {"https://x.org/a/b/", "/a/b/"},
      {"/", "/"},
      // A root-path base_url is allowed (site_config.h); its path is the base path.
      {"/icat/", "/icat/"},
      {"/icat", "/icat/"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.base_url);
    DiagnosticSink sink;
    std::optional<SiteConfig> config = ParseSiteConfig(
        "site.toml", "title = \"T\"\nbase_url = \"" + std::string(c.base_url) + "\"\n", sink);
    ASSERT_TRUE(config.has_value());
    EXPECT_FALSE(sink.has_errors());
    EXPECT_EQ(config->base_path(), c.base_path);
  }
}

TEST(ConfigTest, ErrorsHaveExactTextAndPosition) {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"missing_title",
       "theme = \"icat\"\n",
       {"site.toml:1:1: error: missing required field 'title' in site.toml (add title = "
        "\"...\")"}},
      {"title_integer",
       "title = 1\n",
       {"site.toml:1:9: error: 'title' must be a string in \"double quotes\", not an integer"}},
      {"bad_base_url",
       "title = \"T\"\nbase_url = \"icat.un.org\"\n",
       {"site.toml:2:12: error: base_url must be an absolute URL or start with '/' (e.g. "
        "base_url = \"https://icat.un.org/\")"}},
      {"empty_base_url",
       "title = \"T\"\nbase_url = \"\"\n",
       {"site.toml:2:12: error: base_url must be an absolute URL or start with '/' (e.g. "
        "base_url = \"https://icat.un.org/\")"}},
      {"base_url_integer",
       "title = \"T\"\nbase_url = 80\n",
       {"site.toml:2:12: error: 'base_url' must be a string in \"double quotes\", not an "
        "integer"}},
      {"paginate_zero",
       "title = \"T\"\npaginate = 0\n",
       {"site.toml:2:12: error: 'paginate' must be at least 1"}},
      {"paginate_string",
       "title = \"T\"\npaginate = \"20\"\n",
       {"site.toml:2:12: error: 'paginate' must be a whole number, not a string"}},
      {"unsafe_string",
       "title = \"T\"\n[markdown]\nunsafe = \"yes\"\n",
       {"site.toml:3:10: error: 'unsafe' must be true or false, not a string"}},
      {"feeds_limit_zero",
       "title = \"T\"\n[feeds]\nlimit = 0\n",
       {"site.toml:3:9: error: 'limit' must be at least 1"}},
      {"priority_7",
       "title = \"T\"\n[[priorities]]\nnumber = 7\ntitle = \"P\"\n",
       {"site.toml:3:10: error: priority 'number' must be 1 to 6"}},
      {"priority_0",
       "title = \"T\"\n[[priorities]]\nnumber = 0\ntitle = \"P\"\n",
       {"site.toml:3:10: error: priority 'number' must be 1 to 6"}},
      {"priority_without_title",
       "title = \"T\"\n[[priorities]]\nnumber = 2\n",
       {"site.toml:2:1: error: missing required field 'title' in [[priorities]] (add title = "
        "\"...\")"}},
      {"priority_bad_slug",
       "title = \"T\"\n[[priorities]]\nnumber = 2\ntitle = \"P\"\nslug = \"Core Drivers\"\n",
       {"site.toml:5:8: error: invalid slug 'Core Drivers' (use lowercase a-z, 0-9 and '-' "
        "only)"}},
      {"priorities_not_an_array",
       "title = \"T\"\npriorities = \"1-6\"\n",
       {"site.toml:2:14: error: 'priorities' must be written as [[priorities]] tables"}},
      {"priorities_not_tables",
       "title = \"T\"\npriorities = [1, 2]\n",
       {"site.toml:2:15: error: each entry of 'priorities' must be a table",
        "site.toml:2:18: error: each entry of 'priorities' must be a table"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DiagnosticSink sink;
    ParseSiteConfig("site.toml", c.text, sink);
    EXPECT_EQ(Messages(sink), c.expected);
  }
}

TEST(ConfigTest, PriorityNumberDefinedTwice) {
  DiagnosticSink sink;
  ParseSiteConfig("site.toml",
                  "title = \"T\"\n[[priorities]]\nnumber = 1\ntitle = \"A\"\n"
                  "[[priorities]]\nnumber = 1\ntitle = \"B\"\n",
                  sink);
  EXPECT_EQ(Messages(sink),
            std::vector<std::string>{"site.toml:6:10: error: priority 1 is defined twice (give "
                                     "each [[priorities]] its own number)"});
}

TEST(ConfigTest, UnknownKeysWarnWithDidYouMean) {
  const std::string text =
      "title = \"T\"\n"
      "paginte = 10\n"
      "colour = \"red\"\n"
      "[author]\nname = \"A\"\nmail = \"a@b.org\"\n"
      "[[priorities]]\nnumber = 1\ntitle = \"P\"\nshfit = \"S\"\n";
  DiagnosticSink sink;
  std::optional<SiteConfig> c = ParseSiteConfig("site.toml", text, sink);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->paginate, 20);  // the misspelt key is not read
  EXPECT_EQ(Messages(sink),
            (std::vector<std::string>{
                "site.toml:2:1: warning: unknown field 'paginte' in site.toml (did you mean "
                "'paginate'?)",
                "site.toml:3:1: warning: unknown field 'colour' in site.toml",
                "site.toml:6:1: warning: unknown field 'mail' in [author] (did you mean "
                "'email'?)",
                "site.toml:10:1: warning: unknown field 'shfit' in [[priorities]] (did you mean "
                "'shift'?)",
            }));
  EXPECT_FALSE(sink.has_errors());
}

TEST(ConfigTest, SyntaxErrorIsOneDiagnosticAtItsLine) {
  DiagnosticSink sink;
  EXPECT_FALSE(ParseSiteConfig("site.toml", "title = \"T\"\n\nbase_url = https://x.org/\n", sink));
  const std::vector<Diagnostic> ds = sink.Sorted();
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].path, "site.toml");
  EXPECT_EQ(ds[0].line, 3);
  EXPECT_EQ(ds[0].message.rfind("TOML syntax error: ", 0), 0u) << ds[0].message;
}

TEST(ConfigTest, LoadSiteConfigReadsThroughTheFileSystem) {
  MemoryFileSystem fs;
  DiagnosticSink missing;
  EXPECT_FALSE(LoadSiteConfig(fs, "site", missing).has_value());
  EXPECT_EQ(Messages(missing),
            std::vector<std::string>{
                "site.toml: error: cannot read site.toml: site/site.toml: no such file (run "
                "portalgen from the site's folder or pass --source DIR)"});

  ASSERT_TRUE(fs.Write("site/site.toml", "title = \"Mem\"\n").ok());
  DiagnosticSink sink;
  std::optional<SiteConfig> c = LoadSiteConfig(fs, "site", sink);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->title, "Mem");
}

}  // namespace
}  // namespace portalgen::config
