#include "view/listing_views.h"

#include <algorithm>

#include "content/body_reads.h"
#include "view/format.h"

namespace portalgen::view {

using content::Document;

namespace {

// Up to kAllPagesUpTo pages every page is listed; beyond, the first, the last and two on each
// side of the current one, so that a listing of n pages costs n * 7 links, not n * n.
constexpr int kAllPagesUpTo = 10;

Value Pagination(const ViewContext& ctx, const std::string& path, int page, int pages) {
  List numbers;
  int last_listed = 0;
  for (int n = 1; n <= pages; ++n) {
    const bool listed =
        pages <= kAllPagesUpTo || n == 1 || n == pages || (n >= page - 2 && n <= page + 2);
    if (!listed) {
      n = n < page ? page - 3 : pages - 1;  // jump over the gap
      continue;
    }
    numbers.push_back(Object{{"number", n},
                             {"url", ctx.Url(ViewContext::PagedPath(path, n))},
                             {"current", n == page},
                             {"gap_before", n > last_listed + 1}});
    last_listed = n;
  }
  Object pagination = {
      {"show", pages > 1},
      {"has_prev", page > 1},
      {"prev_url", page > 1 ? ctx.Url(ViewContext::PagedPath(path, page - 1)) : ""},
      {"has_next", page < pages},
      {"next_url", page < pages ? ctx.Url(ViewContext::PagedPath(path, page + 1)) : ""},
      {"current", page},
      {"total", pages}};
  pagination.push_back({"pages", std::move(numbers)});  // moved: a braced list would copy it
  return pagination;
}

}  // namespace

std::vector<PageSpec> Listing(const ViewContext& ctx, const std::string& path,
                              const std::string& title, const std::string& intro,
                              const std::string& section, const std::vector<index::DocId>& ids,
                              List breadcrumbs) {
  const int per_page = ctx.config.paginate;
  const int pages = std::max(1, static_cast<int>((ids.size() + per_page - 1) / per_page));
  std::vector<PageSpec> out;
  for (int page = 1; page <= pages; ++page) {
    const std::string page_path = ViewContext::PagedPath(path, page);
    const std::string page_title =
        page == 1 ? title : title + " (page " + std::to_string(page) + " of " +
                                std::to_string(pages) + ")";
    List crumbs = breadcrumbs;
    if (page > 1) crumbs.push_back(Object{{"title", title}, {"url", ctx.Url(path)}});
    const size_t begin = static_cast<size_t>(page - 1) * per_page;
    const size_t end = std::min(ids.size(), begin + per_page);
    std::vector<index::DocId> slice(ids.begin() + begin, ids.begin() + end);
    out.push_back({page_path, "list",
                   [path, page_path, page_title, intro, section, crumbs = std::move(crumbs),
                    slice = std::move(slice), page, pages](const ViewContext& ctx) {
                     Object fields = {{"intro", intro}, {"has_items", !slice.empty()}};
                     fields.push_back({"items", Cards(ctx, slice)});
                     fields.push_back({"pagination", Pagination(ctx, path, page, pages)});
                     return PageView(ctx, page_path, page_title, intro, "list", section, crumbs,
                                     std::move(fields));
                   }});
  }
  return out;
}

namespace {

PageSpec TermsPage(const std::string& path, const std::string& title,
                   const std::string& intro, List terms) {
  return {path, "terms", [path, title, intro, terms = std::move(terms)](const ViewContext& ctx) {
            return PageView(ctx, path, title, intro, "terms", path.substr(1, path.size() - 2), {},
                            {{"intro", intro}, {"has_terms", !terms.empty()}, {"terms", terms}});
          }};
}

void AddAll(std::vector<PageSpec>& out, std::vector<PageSpec> more) {
  for (PageSpec& p : more) out.push_back(std::move(p));
}

}  // namespace

std::vector<PageSpec> AllListings(const ViewContext& ctx) {
  const index::Library& lib = ctx.lib;
  std::vector<PageSpec> out;
  AddAll(out, Listing(ctx, "/briefs/", "Publications",
                      "Issue briefs, calls to action, statements and reports.", "briefs",
                      lib.briefs));
  AddAll(out, Listing(ctx, "/events/", "Events", "Side events and meetings, newest first.",
                      "events", lib.events));
  AddAll(out, Listing(ctx, "/members/", "Members and partners",
                      "The member and partner organisations of ICAT.", "members", lib.members));

  List topics;
  for (const auto& [slug, topic] : lib.topics) {
    const std::string path = ViewContext::TopicPath(slug);
    topics.push_back(Object{{"label", topic.label}, {"url", ctx.Url(path)},
                            {"count", topic.docs.size()}, {"description", ""}});
    List crumbs = {Object{{"title", "Topics"}, {"url", ctx.Url("/topics/")}}};
    AddAll(out, Listing(ctx, path, topic.label, "Everything tagged “" + topic.label + "”.",
                        "topics", topic.docs, crumbs));
  }
  out.push_back(TermsPage("/topics/", "Topics", "Every topic, with how many pages carry it.",
                          topics));

  List priorities;
  for (const config::Priority& p : ctx.config.priorities) {
    const std::string path = ctx.PriorityPath(p.number);
    auto it = lib.priorities.find(p.number);
    const std::vector<index::DocId> ids = it == lib.priorities.end() ? std::vector<index::DocId>{}
                                                                     : it->second;
    const std::string label = "Priority " + std::to_string(p.number) + ": " + p.title;
    priorities.push_back(Object{{"label", label}, {"url", ctx.Url(path)}, {"count", ids.size()},
                                {"description", p.shift}});
    List crumbs = {Object{{"title", "Priorities"}, {"url", ctx.Url("/priorities/")}}};
    AddAll(out, Listing(ctx, path, label, p.shift, "priorities", ids, crumbs));
  }
  out.push_back(TermsPage("/priorities/", "Priorities",
                          "The priorities of the ICAT Plan of Action.", priorities));
  return out;
}

namespace {

// A speaker's role, position and organisation at one event, for the card of that event.
std::string AppearanceMeta(const ViewContext& ctx, const index::SpeakerEntry::Appearance& a) {
  const content::Speaker& s = ctx.lib.docs[a.event].event.speakers[a.index];
  std::string org = s.organization;
  if (auto m = ctx.lib.Find(content::Kind::kMember, s.member.value)) {
    const content::Document& member = ctx.lib.docs[*m];
    org = member.member.acronym.empty() ? member.title : member.member.acronym;
  }
  std::string meta = s.role.empty() ? "" : Label(s.role);
  for (const std::string* part : {&s.position, static_cast<const std::string*>(&org)}) {
    if (!part->empty()) meta += (meta.empty() ? "" : " · ") + *part;
  }
  return meta;
}

// One speaker's page: the events they spoke at, each with the role and position given there.
std::vector<PageSpec> SpeakerPages(const ViewContext& ctx, const index::SpeakerEntry& speaker) {
  std::vector<index::DocId> events;
  for (const auto& a : speaker.appearances) events.push_back(a.event);
  List crumbs = {Object{{"title", "Speakers"}, {"url", ctx.Url("/speakers/")}}};
  std::vector<PageSpec> pages =
      Listing(ctx, ViewContext::SpeakerPath(speaker.slug), speaker.name,
              "Events at which " + speaker.name + " spoke.", "speakers", events, crumbs);
  // Listing pages hold consecutive runs of `events`; give each card its appearance's details.
  const size_t per_page = static_cast<size_t>(ctx.config.paginate);
  for (size_t k = 0; k < pages.size(); ++k) {
    pages[k].build = [slug = speaker.slug, inner = std::move(pages[k].build),
                      first = k * per_page](const ViewContext& ctx) {
      Value view = inner(ctx);
      const index::SpeakerEntry& speaker = ctx.lib.speakers.at(slug);
      size_t next = first;
      // The items are references to the shared cards: each becomes a copy with its own meta.
      Value& items = *view.FindMutable("page")->FindMutable("items");
      List cards;
      for (const Value& shared : items.list()) {
        Value card = shared.Resolved();
        card.Set("meta", AppearanceMeta(ctx, speaker.appearances[next++]));
        cards.push_back(std::move(card));
      }
      items = std::move(cards);
      return view;
    };
  }
  return pages;
}

}  // namespace

std::vector<PageSpec> IndexListings(const ViewContext& ctx) {
  std::vector<PageSpec> out;
  List speakers;
  for (const auto& [slug, speaker] : ctx.lib.speakers) {
    speakers.push_back(Object{{"label", speaker.name},
                              {"url", ctx.Url(ViewContext::SpeakerPath(slug))},
                              {"count", speaker.appearances.size()},
                              {"description", ""}});
    AddAll(out, SpeakerPages(ctx, speaker));
  }
  out.push_back(TermsPage("/speakers/", "Speakers",
                          "Everyone who has spoken at an event, A to Z.", speakers));
  List years;
  for (auto it = ctx.lib.years.rbegin(); it != ctx.lib.years.rend(); ++it) {
    const std::string label = std::to_string(it->first);
    const std::string path = ViewContext::YearPath(it->first);
    years.push_back(Object{{"label", label}, {"url", ctx.Url(path)},
                           {"count", it->second.size()}, {"description", ""}});
    List crumbs = {Object{{"title", "Years"}, {"url", ctx.Url("/years/")}}};
    AddAll(out, Listing(ctx, path, label, "Publications and events of " + label + ".", "years",
                        it->second, crumbs));
  }
  out.push_back(TermsPage("/years/", "Years", "Publications and events by year.", years));
  return out;
}

namespace {

Value HomeView(const ViewContext& ctx) {
  const index::Library& lib = ctx.lib;
  Object page;
  page.push_back({"intro_html", lib.home ? Value::Borrow(content::BodyHtml(lib.docs[*lib.home])) : ""});
  page.push_back({"has_intro", lib.home.has_value()});
  std::vector<index::DocId> latest(lib.briefs.begin(),
                                   lib.briefs.begin() + std::min<size_t>(6, lib.briefs.size()));
  page.push_back({"latest_briefs", Cards(ctx, latest)});
  page.push_back({"has_briefs", !latest.empty()});
  std::vector<index::DocId> upcoming, past;
  for (index::DocId id : lib.events) {
    (lib.docs[id].event.start.UnixSeconds() >= ctx.now ? upcoming : past).push_back(id);
  }
  std::reverse(upcoming.begin(), upcoming.end());  // soonest first
  if (past.size() > 6) past.resize(6);
  page.push_back({"upcoming_events", Cards(ctx, upcoming)});
  page.push_back({"has_upcoming", !upcoming.empty()});
  page.push_back({"past_events", Cards(ctx, past)});
  page.push_back({"has_past", !past.empty()});
  List members, partners;
  for (index::DocId id : lib.members) {
    (lib.docs[id].member.status == "partner" ? partners : members).push_back(MemberLink(ctx, id));
  }
  const bool has_members = !members.empty() || !partners.empty();
  page.push_back({"members", std::move(members)});
  page.push_back({"partners", std::move(partners)});
  page.push_back({"has_members", has_members});
  return PageView(ctx, "/", Value::Borrow(ctx.config.title),
                  Value::Borrow(ctx.config.description), "home", "", {}, std::move(page));
}

Value SearchView(const ViewContext& ctx) {
  // The form is hidden until the script runs; without JavaScript the noscript text explains and
  // points to the listings, which hold every page.
  std::string body_html =
      "<div id=\"pg-search\" data-index=\"" + ctx.Url("/search/index.json") +
      "\" hidden>\n<form role=\"search\" action=\"" + ctx.Url("/search/") +
      "\">\n<label for=\"pg-search-q\">Search the site</label>\n"
      "<input type=\"search\" id=\"pg-search-q\" name=\"q\">\n"
      "<button type=\"submit\">Search</button>\n</form>\n"
      "<p id=\"pg-search-status\" role=\"status\"></p>\n"
      "<ol id=\"pg-search-results\"></ol>\n</div>\n"
      "<noscript><p>Search needs JavaScript. Every page is also listed under <a href=\"" +
      ctx.Url("/briefs/") + "\">Publications</a>, <a href=\"" + ctx.Url("/events/") +
      "\">Events</a>, <a href=\"" + ctx.Url("/members/") + "\">Members</a> and <a href=\"" +
      ctx.Url("/topics/") + "\">Topics</a>.</p></noscript>\n<script src=\"" +
      ctx.Url("/search/search.js") + "\" defer></script>\n";
  return PageView(ctx, "/search/", "Search", "Search publications, events and members.", "page",
                  "search", {},
                  {{"body_html", std::move(body_html)},
                   {"topics", List()}, {"has_topics", false},
                   {"priorities", List()}, {"has_priorities", false},
                   {"backlinks", List()}, {"has_backlinks", false}});
}

}  // namespace

PageSpec HomePage() {
  return {"/", "index", [](const ViewContext& ctx) { return HomeView(ctx); }};
}

PageSpec SearchPage() {
  return {"/search/", "page", [](const ViewContext& ctx) { return SearchView(ctx); }};
}

PageSpec NotFoundPage() {
  return {"/404.html", "404", [](const ViewContext& ctx) {
            return PageView(ctx, "/404.html", "Page not found",
                            "The page you asked for does not exist.", "404", "404", {});
          }};
}

}  // namespace portalgen::view
