// sitemap.xml (sitemaps.org 0.9) and robots.txt.
#include <algorithm>
#include <map>
#include <set>

#include "feeds/site_files.h"
#include "feeds/xml_text.h"
#include "view/format.h"

namespace portalgen::feeds {

namespace {

// Site path -> lastmod for pages that have one. Only briefs: their date is when they were
// published. An event's start is not a modification date (and search engines distrust
// lastmod values in the future); pages and members carry no date at all.
std::map<std::string, std::string> LastModified(const view::ViewContext& ctx) {
  std::map<std::string, std::string> out;
  for (index::DocId id : ctx.lib.briefs) {
    const content::Document& doc = ctx.lib.docs[id];
    if (!doc.brief.date) continue;
    content::PartialDate d = *doc.brief.date;
    // W3C Datetime allows "2017" and "2017-05", but the sitemap schema wants a full date.
    d.month = d.month == 0 ? 1 : d.month;
    d.day = d.day == 0 ? 1 : d.day;
    out[ctx.lib.PathOf(id)] = view::IsoDate(d);
  }
  return out;
}

}  // namespace

output::OutputFile Sitemap(const view::ViewContext& ctx,
                           const std::vector<std::string>& page_paths) {
  std::set<std::string> skip = {"/404.html"};
  for (const content::Document& doc : ctx.lib.docs) {
    for (const content::Ref& alias : doc.aliases) skip.insert(alias.value);
  }
  std::vector<std::string> paths;
  for (const std::string& p : page_paths) {
    if (!skip.count(p)) paths.push_back(p);
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  const std::map<std::string, std::string> lastmod = LastModified(ctx);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const std::string& p : paths) {
    out += "  <url>\n    <loc>" + XmlEscape(ctx.AbsoluteUrl(p)) + "</loc>\n";
    if (auto it = lastmod.find(p); it != lastmod.end()) {
      out += "    <lastmod>" + it->second + "</lastmod>\n";
    }
    out += "  </url>\n";
  }
  out += "</urlset>\n";
  return {"sitemap.xml", std::move(out)};
}

output::OutputFile Robots(const view::ViewContext& ctx) {
  return {"robots.txt",
          "User-agent: *\nAllow: /\n\nSitemap: " + ctx.AbsoluteUrl("/sitemap.xml") + "\n"};
}

}  // namespace portalgen::feeds
