#include "feeds/page_metadata.h"

#include "feeds/json_ld.h"

#include <memory>
#include <set>

namespace portalgen::feeds {

namespace {

// Site paths of the pages that have their own Atom feed next to them (see feeds.cc).
std::set<std::string> PathsWithOwnFeed(const view::ViewContext& ctx) {
  std::set<std::string> paths = {"/briefs/", "/events/"};
  for (const auto& [slug, topic] : ctx.lib.topics) paths.insert(view::ViewContext::TopicPath(slug));
  for (const config::Priority& p : ctx.config.priorities) paths.insert(ctx.PriorityPath(p.number));
  for (index::DocId id : ctx.lib.members) paths.insert(ctx.lib.PathOf(id));
  return paths;
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
  using render::Object;
  using render::Value;
  // Shared by every page: built once here, referred to (Value::Ref) by each page's view. The
  // build closures hold them, so they live as long as the PageSpecs.
  auto site_ld_text = std::make_shared<const Value>(ScriptSafeSiteJsonLd(ctx));
  auto site_feeds = std::make_shared<const render::List>(render::List{
      Object{{"title", ctx.config.title + " (Atom)"}, {"url", ctx.Url("/feed.xml")},
             {"type", "application/atom+xml"}},
      Object{{"title", ctx.config.title + " (RSS)"}, {"url", ctx.Url("/rss.xml")},
             {"type", "application/rss+xml"}},
      Object{{"title", ctx.config.title + " (JSON Feed)"}, {"url", ctx.Url("/feed.json")},
             {"type", "application/feed+json"}}});
  const std::set<std::string> own_feed = PathsWithOwnFeed(ctx);
  for (view::PageSpec& page : pages) {
    const std::string ics = CalendarPath(ctx, page);
    page.build = [inner = std::move(page.build), doc = page.doc, path = page.path,
                  own = own_feed.count(page.path) > 0, ics, site_ld_text, site_feeds](const view::ViewContext& ctx) {
      Value view = inner(ctx);
      Value& p = *view.FindMutable("page");
      p.Set("json_ld", doc ? Value(ScriptSafeJsonLd(ctx, *doc)) : Value::Ref(*site_ld_text));
      render::List feeds;
      feeds.reserve(site_feeds->size() + 1);
      for (const Value& feed : *site_feeds) feeds.push_back(Value::Ref(feed));
      if (own) {
        feeds.push_back(Object{{"title", std::string(p.Find("title")->text()) + " (Atom)"},
                               {"url", ctx.Url(path + "feed.xml")},
                               {"type", "application/atom+xml"}});
      }
      p.Set("feeds", std::move(feeds));
      p.Set("has_ics", !ics.empty());
      p.Set("ics_url", ics.empty() ? "" : ctx.Url(ics));
      return view;
    };
  }
}

}  // namespace portalgen::feeds
