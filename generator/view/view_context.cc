#include "view/view_context.h"

#include "base/paths.h"
#include "base/url_filter.h"
#include "markdown/html_escape.h"
#include "view/format.h"

namespace portalgen::view {

using content::Document;
using content::Kind;

std::string ViewContext::Url(std::string_view site_path) const {
  return config.base_path() + std::string(site_path.substr(1));
}

std::string ViewContext::LinkUrl(std::string_view url) const {
  if (IsDangerousUrl(url)) return "";
  return markdown::EncodeUrl(url.substr(0, 1) == "/" && url.substr(0, 2) != "//" ? Url(url) : url);
}

std::string ViewContext::AbsoluteUrl(std::string_view site_path) const {
  return portalgen::AbsoluteUrl(config.base_url, site_path);
}

std::string ViewContext::TopicPath(const std::string& slug) { return "/topics/" + slug + "/"; }

std::string ViewContext::SpeakerPath(const std::string& slug) { return "/speakers/" + slug + "/"; }

std::string ViewContext::YearPath(int year) { return "/years/" + std::to_string(year) + "/"; }

std::string ViewContext::PriorityPath(int number) const {
  for (const config::Priority& p : config.priorities) {
    if (p.number == number) return "/priorities/" + std::to_string(number) + "-" + p.slug + "/";
  }
  return "/priorities/";
}

std::string ViewContext::PagedPath(const std::string& first, int page) {
  return page <= 1 ? first : first + "page/" + std::to_string(page) + "/";
}

namespace {

json BuildSiteJson(const ViewContext& ctx, const std::string& current_section) {
  const config::SiteConfig& c = ctx.config;
  json nav = json::array();
  const std::pair<const char*, const char*> kNav[] = {
      {"", "Home"},         {"briefs", "Publications"}, {"events", "Events"},
      {"members", "Members"}, {"priorities", "Priorities"}};
  for (const auto& [section, title] : kNav) {
    const std::string path = *section ? "/" + std::string(section) + "/" : "/";
    nav.push_back({{"title", title},
                   {"url", ctx.Url(path)},
                   {"current", current_section == section}});
  }
  for (index::DocId id : ctx.lib.pages) {
    const Document& doc = ctx.lib.docs[id];
    nav.push_back({{"title", doc.title},
                   {"url", ctx.Url(ctx.lib.PathOf(id))},
                   {"current", current_section == doc.slug}});
  }
  // Secondary indexes, for a footer or a sidebar.
  json explore = json::array();
  const std::pair<const char*, const char*> kExplore[] = {
      {"topics", "Topics"}, {"speakers", "Speakers"}, {"years", "Years"}, {"search", "Search"}};
  for (const auto& [section, title] : kExplore) {
    explore.push_back({{"title", title},
                       {"url", ctx.Url("/" + std::string(section) + "/")},
                       {"current", current_section == section}});
  }
  json priorities = json::array();
  for (const config::Priority& p : c.priorities) {
    priorities.push_back({{"number", p.number}, {"title", p.title}, {"shift", p.shift},
                          {"url", ctx.Url(ctx.PriorityPath(p.number))}});
  }
  return {{"title", c.title},
          {"description", c.description},
          {"language", c.language},
          {"base_url", c.base_url},
          {"home_url", ctx.Url("/")},
          {"css_url", ctx.Url("/css/site.css")},
          {"author_name", c.author_name},
          {"author_email", c.author_email},
          {"nav", nav},
          {"explore", explore},
          {"priorities", priorities}};
}

}  // namespace

const json& ViewMemo::Site(const std::string& section, const std::function<json()>& make) {
  std::lock_guard<std::mutex> lock(site_mu_);
  auto [it, added] = site_.try_emplace(section);
  if (added) it->second = make();
  return it->second;  // std::map nodes never move, and entries are never changed again
}

json SiteJson(const ViewContext& ctx, const std::string& current_section) {
  return ctx.memo->Site(current_section, [&] { return BuildSiteJson(ctx, current_section); });
}

json PageJson(const ViewContext& ctx, const std::string& path, const std::string& title,
              const std::string& description, const std::string& kind) {
  return {{"title", title},
          {"description", description},
          {"url", ctx.Url(path)},
          {"canonical_url", ctx.AbsoluteUrl(path)},
          {"kind", kind},
          {"is_home", path == "/"}};
}

std::string SummaryOf(const Document& doc) {
  return doc.summary.empty() ? doc.rendered.first_paragraph : doc.summary;
}

namespace {

std::string MetaLine(const Document& doc) {
  std::vector<std::string> parts;
  switch (doc.kind) {
    case Kind::kBrief:
      parts.push_back(Label(doc.brief.kind));
      if (doc.brief.number) parts.push_back("No. " + std::to_string(*doc.brief.number));
      break;
    case Kind::kEvent:
      if (!doc.event.city.empty()) parts.push_back(doc.event.city);
      if (doc.event.format == "online") parts.push_back("Online");
      if (!doc.event.series.empty()) parts.push_back(doc.event.series);
      break;
    case Kind::kMember:
      parts.push_back(Label(doc.member.status));
      break;
    case Kind::kPage: break;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

json BuildCard(const ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  std::optional<content::PartialDate> date = content::SortDate(doc);
  std::string title = doc.title;
  if (doc.kind == Kind::kMember && !doc.member.acronym.empty() && doc.member.acronym != title) {
    title = doc.member.acronym + " — " + doc.title;
  }
  return {{"title", title},
          {"url", ctx.Url(ctx.lib.PathOf(id))},
          {"summary", SummaryOf(doc)},
          {"kind", content::KindName(doc.kind)},
          {"meta", MetaLine(doc)},
          {"has_date", date.has_value()},
          {"date_iso", date ? IsoDate(*date) : ""},
          {"date_display", date ? DisplayDate(*date) : ""}};
}

}  // namespace

json Card(const ViewContext& ctx, index::DocId id) {
  return ctx.memo->cards.Get(id, [&] { return BuildCard(ctx, id); });
}

json Cards(const ViewContext& ctx, const std::vector<index::DocId>& ids) {
  json out = json::array();
  for (index::DocId id : ids) out.push_back(Card(ctx, id));
  return out;
}

json MemberLinks(const ViewContext& ctx, const std::vector<index::DocId>& ids) {
  json out = json::array();
  for (index::DocId id : ids) {
    const Document& doc = ctx.lib.docs[id];
    out.push_back({{"title", doc.title},
                   {"acronym", doc.member.acronym.empty() ? doc.title : doc.member.acronym},
                   {"url", ctx.Url(ctx.lib.PathOf(id))}});
  }
  return out;
}

json PageView(const ViewContext& ctx, const std::string& path, const std::string& title,
              const std::string& description, const std::string& kind,
              const std::string& section, json breadcrumbs) {
  json crumbs = json::array({{{"title", "Home"}, {"url", ctx.Url("/")}}});
  for (auto& c : breadcrumbs) crumbs.push_back(std::move(c));
  return {{"site", SiteJson(ctx, section)},
          {"page", PageJson(ctx, path, title,
                            description.empty() ? ctx.config.description : description, kind)},
          {"breadcrumbs", crumbs},
          {"has_breadcrumbs", path != "/"}};
}

}  // namespace portalgen::view
