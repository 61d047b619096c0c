#include "view/view_context.h"

#include "base/paths.h"
#include "base/url_filter.h"
#include "content/body_reads.h"
#include "markdown/html_escape.h"
#include "view/format.h"

namespace portalgen::view {

using content::Document;
using content::Kind;

std::string ViewContext::Url(std::string_view site_path) const {
  std::string url = config.base_path();
  url.append(site_path.substr(1));
  return url;
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

Value BuildSite(const ViewContext& ctx, const std::string& current_section) {
  const config::SiteConfig& c = ctx.config;
  List nav;
  const std::pair<const char*, const char*> kNav[] = {
      {"", "Home"},         {"briefs", "Publications"}, {"events", "Events"},
      {"members", "Members"}, {"priorities", "Priorities"}};
  for (const auto& [section, title] : kNav) {
    const std::string path = *section ? "/" + std::string(section) + "/" : "/";
    nav.push_back(Object{{"title", title},
                         {"url", ctx.Url(path)},
                         {"current", current_section == section}});
  }
  for (index::DocId id : ctx.lib.pages) {
    const Document& doc = ctx.lib.docs[id];
    nav.push_back(Object{{"title", Value::Borrow(doc.title)},
                         {"url", ctx.Url(ctx.lib.PathOf(id))},
                         {"current", current_section == doc.slug}});
  }
  // Secondary indexes, for a footer or a sidebar.
  List explore;
  const std::pair<const char*, const char*> kExplore[] = {
      {"topics", "Topics"}, {"speakers", "Speakers"}, {"years", "Years"}, {"search", "Search"}};
  for (const auto& [section, title] : kExplore) {
    explore.push_back(Object{{"title", title},
                             {"url", ctx.Url("/" + std::string(section) + "/")},
                             {"current", current_section == section}});
  }
  List priorities;
  for (const config::Priority& p : c.priorities) {
    priorities.push_back(Object{{"number", p.number},
                                {"title", Value::Borrow(p.title)},
                                {"shift", Value::Borrow(p.shift)},
                                {"url", ctx.Url(ctx.PriorityPath(p.number))}});
  }
  return Object{{"title", Value::Borrow(c.title)},
                {"description", Value::Borrow(c.description)},
                {"language", Value::Borrow(c.language)},
                {"base_url", Value::Borrow(c.base_url)},
                {"home_url", ctx.Url("/")},
                {"css_url", ctx.Url("/css/site.css")},
                {"author_name", Value::Borrow(c.author_name)},
                {"author_email", Value::Borrow(c.author_email)},
                {"nav", std::move(nav)},
                {"explore", std::move(explore)},
                {"priorities", std::move(priorities)}};
}

Object PageFields(const ViewContext& ctx, const std::string& path, Value title,
                  Value description, const std::string& kind) {
  return Object{{"title", std::move(title)},
                {"description", std::move(description)},
                {"url", ctx.Url(path)},
                {"canonical_url", ctx.AbsoluteUrl(path)},
                {"kind", kind},
                {"is_home", path == "/"}};
}

}  // namespace

const Value& ViewMemo::Site(const std::string& section, const std::function<Value()>& make) {
  std::lock_guard<std::mutex> lock(site_mu_);
  auto it = site_.find(section);
  if (it == site_.end()) it = site_.emplace(section, content::Recorded<Value>::Make(make)).first;
  return it->second.Use();  // std::map nodes never move, and entries are never changed again
}

Value SiteView(const ViewContext& ctx, const std::string& current_section) {
  return Value::Ref(
      ctx.memo->Site(current_section, [&] { return BuildSite(ctx, current_section); }));
}

const std::string& SummaryOf(const Document& doc) {
  return doc.summary.empty() ? content::FirstParagraph(doc) : doc.summary;
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

Value BuildCard(const ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  std::optional<content::PartialDate> date = content::SortDate(doc);
  Value title = Value::Borrow(doc.title);
  if (doc.kind == Kind::kMember && !doc.member.acronym.empty() && doc.member.acronym != doc.title) {
    title = doc.member.acronym + " — " + doc.title;
  }
  return Object{{"title", std::move(title)},
                {"url", ctx.Url(ctx.lib.PathOf(id))},
                {"summary", Value::Borrow(SummaryOf(doc))},
                {"kind", content::KindName(doc.kind)},
                {"meta", MetaLine(doc)},
                {"has_date", date.has_value()},
                {"date_iso", date ? IsoDate(*date) : ""},
                {"date_display", date ? DisplayDate(*date) : ""}};
}

Value BuildMemberLink(const ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  return Object{
      {"title", Value::Borrow(doc.title)},
      {"acronym", Value::Borrow(doc.member.acronym.empty() ? doc.title : doc.member.acronym)},
      {"url", ctx.Url(ctx.lib.PathOf(id))}};
}

}  // namespace

Value Card(const ViewContext& ctx, index::DocId id) {
  return Value::Ref(ctx.memo->cards.Get(id, [&] { return BuildCard(ctx, id); }));
}

namespace {

// item(ctx, id) for each of `ids`, in order.
List Each(const ViewContext& ctx, const std::vector<index::DocId>& ids,
          Value (*item)(const ViewContext&, index::DocId)) {
  List out;
  out.reserve(ids.size());
  for (index::DocId id : ids) out.push_back(item(ctx, id));
  return out;
}

}  // namespace

List Cards(const ViewContext& ctx, const std::vector<index::DocId>& ids) {
  return Each(ctx, ids, Card);
}

Value MemberLink(const ViewContext& ctx, index::DocId id) {
  return Value::Ref(ctx.memo->member_links.Get(id, [&] { return BuildMemberLink(ctx, id); }));
}

List MemberLinks(const ViewContext& ctx, const std::vector<index::DocId>& ids) {
  return Each(ctx, ids, MemberLink);
}

Value PageView(const ViewContext& ctx, const std::string& path, Value title, Value description,
               const std::string& kind, const std::string& section, List breadcrumbs,
               Object fields) {
  List crumbs;
  crumbs.reserve(breadcrumbs.size() + 1);
  crumbs.push_back(Object{{"title", "Home"}, {"url", ctx.Url("/")}});
  for (Value& c : breadcrumbs) crumbs.push_back(std::move(c));
  if (description.text().empty()) description = Value::Borrow(ctx.config.description);
  Object page = PageFields(ctx, path, std::move(title), std::move(description), kind);
  page.reserve(page.size() + fields.size() + 4);  // 4: what AddPageMetadata adds
  for (render::Member& m : fields) page.push_back(std::move(m));
  // push_back, not a braced list: a std::initializer_list can only be copied from, and `page`
  // is most of the view.
  Object view;
  view.reserve(4);
  view.push_back({"site", SiteView(ctx, section)});
  view.push_back({"page", std::move(page)});
  view.push_back({"breadcrumbs", std::move(crumbs)});
  view.push_back({"has_breadcrumbs", path != "/"});
  return view;
}

}  // namespace portalgen::view
