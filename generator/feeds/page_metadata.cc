#include "feeds/page_metadata.h"

#include "feeds/json_ld.h"

namespace portalgen::feeds {

using nlohmann::json;

namespace {

// Site paths of pages that have their own Atom feed next to them (see feeds.cc).
bool HasOwnFeed(const view::ViewContext& ctx, const std::string& path) {
  if (path == "/briefs/" || path == "/events/") return true;
  if (path.rfind("/topics/", 0) == 0 && path.size() > 8 && path.find("/page/") == std::string::npos) {
    return ctx.lib.topics.count(path.substr(8, path.size() - 9)) > 0;
  }
  for (const config::Priority& p : ctx.config.priorities) {
    if (ctx.PriorityPath(p.number) == path) return true;
  }
  for (index::DocId id : ctx.lib.members) {
    if (ctx.lib.PathOf(id) == path) return true;
  }
  return false;
}

std::string CalendarPath(const view::ViewContext& ctx, const view::PageSpec& page) {
  if (page.path == "/events/") return "/events/calendar.ics";
  if (!page.doc) return "";
  const content::Document& doc = ctx.lib.docs[*page.doc];
  if (doc.kind == content::Kind::kEvent) return page.path + "event.ics";
  if (doc.kind == content::Kind::kMember && ctx.lib.member_events.count(*page.doc)) {
    return page.path + "calendar.ics";
  }
  return "";
}

}  // namespace

void AddPageMetadata(const view::ViewContext& ctx, std::vector<view::PageSpec>& pages) {
  const json site_ld = SiteJsonLd(ctx);
  const std::string site_ld_text = ScriptSafeJson(site_ld);
  json site_feeds = json::array(
      {{{"title", ctx.config.title + " (Atom)"}, {"url", ctx.Url("/feed.xml")},
        {"type", "application/atom+xml"}},
       {{"title", ctx.config.title + " (RSS)"}, {"url", ctx.Url("/rss.xml")},
        {"type", "application/rss+xml"}},
       {{"title", ctx.config.title + " (JSON Feed)"}, {"url", ctx.Url("/feed.json")},
        {"type", "application/feed+json"}}});
  for (view::PageSpec& page : pages) {
    json& p = page.view["page"];
    p["json_ld"] = page.doc ? ScriptSafeJson(JsonLd(ctx, *page.doc)) : site_ld_text;
    json feeds = site_feeds;
    if (HasOwnFeed(ctx, page.path)) {
      feeds.push_back({{"title", p.value("title", "") + " (Atom)"},
                       {"url", ctx.Url(page.path + "feed.xml")},
                       {"type", "application/atom+xml"}});
    }
    p["feeds"] = std::move(feeds);
    const std::string ics = CalendarPath(ctx, page);
    p["has_ics"] = !ics.empty();
    p["ics_url"] = ics.empty() ? "" : ctx.Url(ics);
  }
}

}  // namespace portalgen::feeds
