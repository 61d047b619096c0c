// JSON Feed 1.1 (jsonfeed.org/version/1.1), serialised by nlohmann with sorted keys.
#include <nlohmann/json.hpp>

#include "base/paths.h"
#include "content/body_reads.h"
#include "feeds/feed_writers.h"
#include "feeds/xml_text.h"

namespace portalgen::feeds {

std::string JsonFeed(const view::ViewContext& ctx, const FeedSpec& spec) {
  using nlohmann::json;
  const config::SiteConfig& c = ctx.config;
  json items = json::array();
  for (const FeedEntry& e : SelectEntries(ctx.lib, spec.ids, c.feeds_limit)) {
    const content::Document& doc = ctx.lib.docs[e.id];
    const std::string url = ctx.AbsoluteUrl(ctx.lib.PathOf(e.id));
    json item = {{"id", url},
                 {"url", url},
                 {"title", doc.title},
                 {"content_html", AbsoluteHtml(content::BodyHtml(doc), Origin(c.base_url), url)},
                 {"date_published", Rfc3339(e.date)}};
    const std::string summary = view::SummaryOf(doc);
    if (!summary.empty()) item["summary"] = summary;
    if (!doc.topics.empty()) {
      item["tags"] = json::array();
      for (const content::Ref& t : doc.topics) item["tags"].push_back(t.value);
    }
    items.push_back(std::move(item));
  }
  // JSON Feed wants an http(s) author URL, so the site's home stands in for an e-mail address.
  const json author = {{"name", FeedAuthor(c)}, {"url", ctx.AbsoluteUrl("/")}};
  json feed = {{"version", "https://jsonfeed.org/version/1.1"},
               {"title", spec.title},
               {"home_page_url", ctx.AbsoluteUrl(spec.page_path)},
               {"feed_url", ctx.AbsoluteUrl(spec.path)},
               {"language", c.language},
               {"authors", json::array({author})},
               {"items", std::move(items)}};
  if (!c.description.empty()) feed["description"] = c.description;
  return feed.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace portalgen::feeds
