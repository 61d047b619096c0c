// Unit tests of sitemap.xml, robots.txt and alias redirect pages.
#include <gtest/gtest.h>

#include "feeds/feeds.h"
#include "feeds/site_files.h"
#include "feeds_fixture.h"

namespace portalgen::testing {
namespace {

const std::map<std::string, std::string> kFiles = {
    {"content/briefs/first.md",
     "+++\ntitle = \"First\"\nkind = \"other\"\ndate = \"2022-05\"\naliases = [\"/old/first/\"]\n"
     "+++\nx\n"},
    {"content/about.md",
     "+++\ntitle = \"About <us>\"\naliases = [\"/about-us/\", \"/a&b.html\"]\n+++\nx\n"},
};

TEST(SitemapTest, SortedAbsoluteWithoutNotFoundAndAliases) {
  auto site = BuildSite(kFiles);
  ASSERT_FALSE(site->sink.has_errors()) << Diagnostics(site->sink);
  EXPECT_EQ(feeds::Sitemap(*site->ctx,
                           {"/briefs/first/", "/404.html", "/", "/about/", "/old/first/", "/a&b/"})
                .bytes,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            "  <url>\n    <loc>https://example.org/portal/</loc>\n  </url>\n"
            "  <url>\n    <loc>https://example.org/portal/a&amp;b/</loc>\n  </url>\n"
            "  <url>\n    <loc>https://example.org/portal/about/</loc>\n  </url>\n"
            "  <url>\n    <loc>https://example.org/portal/briefs/first/</loc>\n"
            "    <lastmod>2022-05-01</lastmod>\n  </url>\n"
            "</urlset>\n");
}

TEST(SitemapTest, RobotsNamesTheSitemap) {
  auto site = BuildSite({});
  EXPECT_EQ(feeds::Robots(*site->ctx).bytes,
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/portal/sitemap.xml\n");
}

TEST(AliasTest, RedirectPageIsValidHtml5) {
  auto site = BuildSite(kFiles);
  EXPECT_EQ(feeds::RedirectPage(*site->ctx, "/about/", "About <us>"),
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>Moved: About &lt;us&gt;</title>\n"
            "<link rel=\"canonical\" href=\"https://example.org/portal/about/\">\n"
            "<meta name=\"robots\" content=\"noindex\">\n"
            "<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/portal/about/\">\n"
            "</head>\n<body>\n<p>This page has moved to "
            "<a href=\"https://example.org/portal/about/\">About &lt;us&gt;</a>.</p>\n"
            "</body>\n</html>\n");
}

TEST(AliasTest, OnePagePerAlias) {
  auto site = BuildSite(kFiles);
  DiagnosticSink sink;
  std::vector<std::string> paths;
  for (const output::OutputFile& f : feeds::AliasPages(*site->ctx, {}, sink)) {
    paths.push_back(f.path);
  }
  EXPECT_EQ(paths,
            (std::vector<std::string>{"about-us/index.html", "a&b.html", "old/first/index.html"}));
  EXPECT_FALSE(sink.has_errors());
}

TEST(AliasTest, CollisionsAreErrorsAtTheAlias) {
  auto site = BuildSite({
      {"content/about.md", "+++\ntitle = \"About\"\naliases = [\"/feed.xml\", \"/old/\"]\n+++\n"},
      {"content/contact.md",
       "+++\ntitle = \"Contact\"\naliases = [\"/briefs/\",\n"
       "  \"/old/\"]\n+++\n"},
  });
  ASSERT_FALSE(site->sink.has_errors()) << Diagnostics(site->sink);
  DiagnosticSink sink;
  const std::vector<output::OutputFile> files =
      feeds::WriteAll(*site->ctx, {"/", "/about/", "/contact/", "/briefs/"}, sink);
  EXPECT_EQ(FormatDiagnostics(sink.Sorted()),
            "content/about.md:3:12: error: alias '/feed.xml' would overwrite the generated file "
            "feed.xml (remove the alias or pick a path nothing else uses)\n"
            "aliases = [\"/feed.xml\", \"/old/\"]\n"
            "           ^\n"
            "content/contact.md:3:12: error: alias '/briefs/' would overwrite the generated file "
            "briefs/index.html (remove the alias or pick a path nothing else uses)\n"
            "aliases = [\"/briefs/\",\n"
            "           ^\n"
            "content/contact.md:4:3: error: alias '/old/' is also an alias of content/about.md "
            "(remove the alias or pick a path nothing else uses)\n"
            "  \"/old/\"]\n"
            "  ^\n"
            "3 errors, 0 warnings\n");
}

}  // namespace
}  // namespace portalgen::testing
