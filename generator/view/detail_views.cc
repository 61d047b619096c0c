#include "view/detail_views.h"

#include <algorithm>
#include <map>

#include "base/paths.h"
#include "view/format.h"

namespace portalgen::view {

using content::Document;
using content::Kind;

namespace {

json TagLinks(const ViewContext& ctx, const Document& doc) {
  json topics = json::array();
  for (const content::Ref& t : doc.topics) {
    topics.push_back({{"label", t.value}, {"url", ctx.Url(ctx.TopicPath(Slugify(t.value)))}});
  }
  json priorities = json::array();
  for (const auto& p : doc.priorities) {
    for (const config::Priority& c : ctx.config.priorities) {
      if (c.number != p.value) continue;
      priorities.push_back({{"number", c.number}, {"title", c.title},
                            {"url", ctx.Url(ctx.PriorityPath(c.number))}});
    }
  }
  return {{"topics", topics}, {"has_topics", !topics.empty()},
          {"priorities", priorities}, {"has_priorities", !priorities.empty()}};
}

std::vector<index::DocId> Lookup(const std::map<index::DocId, std::vector<index::DocId>>& map,
                                 index::DocId id) {
  auto it = map.find(id);
  return it == map.end() ? std::vector<index::DocId>{} : it->second;
}

std::vector<index::DocId> Resolve(const index::Library& lib, Kind kind,
                                  const std::vector<content::Ref>& refs) {
  std::vector<index::DocId> out;
  for (const content::Ref& r : refs) {
    if (auto id = lib.Find(kind, r.value)) out.push_back(*id);
  }
  return out;
}

void Merge(json& into, const json& from) {
  for (const auto& [k, v] : from.items()) into[k] = v;
}

json BriefFields(const ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  const content::BriefData& b = doc.brief;
  json members = MemberLinks(ctx, Resolve(ctx.lib, Kind::kMember, b.members));
  json events = Cards(ctx, Lookup(ctx.lib.brief_events, id));
  return {{"kind_label", Label(b.kind)},
          {"has_number", b.number.has_value()},
          {"number", b.number ? std::to_string(*b.number) : ""},
          {"has_date", b.date.has_value()},
          {"date_iso", b.date ? IsoDate(*b.date) : ""},
          {"date_display", b.date ? DisplayDate(*b.date) : ""},
          {"members", members}, {"has_members", !members.empty()},
          {"has_document", !ctx.LinkUrl(b.document).empty()},
          {"document_url", ctx.LinkUrl(b.document)},
          {"events", events}, {"has_events", !events.empty()}};
}

json SpeakerGroups(const ViewContext& ctx, const content::EventData& e) {
  // One pass, roles in the order they first appear: a map, not a search of the roles so far,
  // so that 10 000 speakers with as many roles stay linear.
  std::vector<std::string> roles;
  std::map<std::string, json> by_role;
  for (const content::Speaker& s : e.speakers) {
    auto [it, added] = by_role.try_emplace(s.role, json::array());
    if (added) roles.push_back(s.role);
    const Document* m = nullptr;
    std::string org_url;
    if (auto member = ctx.lib.Find(Kind::kMember, s.member.value)) {
      m = &ctx.lib.docs[*member];
      org_url = ctx.Url(ctx.lib.PathOf(*member));
    }
    it->second.push_back(
        {{"name", s.name},
         {"url", ctx.Url(ViewContext::SpeakerPath(index::SpeakerSlug(s.name)))},
         {"role", s.role},
         {"position", s.position},
         {"organization",
          m ? (m->member.acronym.empty() ? m->title : m->member.acronym) : s.organization},
         {"has_org_url", m != nullptr},
         {"org_url", org_url}});
  }
  json groups = json::array();
  for (const std::string& role : roles) {
    json& speakers = by_role[role];
    std::string label = role.empty() ? "Speakers" : Label(role) + "s";
    if (speakers.size() == 1 && !role.empty()) label = Label(role);
    groups.push_back({{"role", label}, {"speakers", std::move(speakers)}});
  }
  return groups;
}

json Agenda(const content::EventData& e) {
  json items = json::array();
  for (const content::AgendaItem& a : e.agenda) {
    std::string who;
    for (const content::Ref& s : a.speakers) who += (who.empty() ? "" : ", ") + s.value;
    std::string time = a.start;
    if (!a.end.empty()) time += "–" + a.end;
    items.push_back({{"time", time}, {"title", a.title}, {"speakers", who}});
  }
  return items;
}

json EventFields(const ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  const content::EventData& e = doc.event;
  std::string local = ClockTime(e.start.hour, e.start.minute);
  const content::OffsetDateTime su = ToUtc(e.start);
  std::string utc = ClockTime(su.hour, su.minute);
  if (e.end) {
    local += "–" + ClockTime(e.end->hour, e.end->minute);
    const content::OffsetDateTime eu = ToUtc(*e.end);
    utc += "–" + ClockTime(eu.hour, eu.minute);
  }
  json organisers = MemberLinks(ctx, Resolve(ctx.lib, Kind::kMember, e.members));
  json briefs = Cards(ctx, Lookup(ctx.lib.event_briefs, id));
  json others = json::array();
  for (const std::string& o : e.other_organizers) others.push_back(o);
  json agenda = Agenda(e);
  std::string languages;
  for (const std::string& l : e.languages) languages += (languages.empty() ? "" : ", ") + l;
  const content::PartialDate day{e.start.year, e.start.month, e.start.day};
  return {{"date_display", DisplayDate(day)},
          {"start_iso", e.start.Iso8601()},
          {"start_utc_iso", IsoUtc(e.start)},
          {"time_local", local},
          {"time_utc", utc},
          {"utc_offset", UtcOffsetLabel(e.start.offset_minutes)},
          {"timezone", e.timezone}, {"has_timezone", !e.timezone.empty()},
          {"venue", e.venue}, {"city", e.city},
          {"has_place", !e.venue.empty() || !e.city.empty()},
          {"format_label", e.format.empty() ? "" : Label(e.format)},
          {"series", e.series},
          {"is_upcoming", e.start.UnixSeconds() >= ctx.now},
          {"organisers", organisers}, {"has_organisers", !organisers.empty() || !others.empty()},
          {"other_organizers", others},
          {"speaker_groups", SpeakerGroups(ctx, e)}, {"has_speakers", !e.speakers.empty()},
          {"agenda", agenda}, {"has_agenda", !agenda.empty()},
          {"languages", languages},
          {"registration", ctx.LinkUrl(e.registration)}, {"contact", e.contact},
          {"briefs", briefs}, {"has_briefs", !briefs.empty()}};
}

// Events still to come (soonest first), then past ones (newest first).
std::vector<index::DocId> UpcomingFirst(const ViewContext& ctx, std::vector<index::DocId> ids) {
  std::vector<index::DocId> upcoming, past;
  for (index::DocId id : ids) {
    (ctx.lib.docs[id].event.start.UnixSeconds() >= ctx.now ? upcoming : past).push_back(id);
  }
  std::reverse(upcoming.begin(), upcoming.end());
  upcoming.insert(upcoming.end(), past.begin(), past.end());
  return upcoming;
}

json MemberFields(const ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  const content::MemberData& m = doc.member;
  std::string chairs;
  for (int y : m.chairs) chairs += (chairs.empty() ? "" : ", ") + std::to_string(y);
  json briefs = Cards(ctx, Lookup(ctx.lib.member_briefs, id));
  json events = Cards(ctx, UpcomingFirst(ctx, Lookup(ctx.lib.member_events, id)));
  json speakers = json::array();
  auto it = ctx.lib.member_speakers.find(id);
  for (const std::string& slug : it == ctx.lib.member_speakers.end()
                                     ? std::vector<std::string>{}
                                     : it->second) {
    speakers.push_back({{"name", ctx.lib.speakers.at(slug).name},
                        {"url", ctx.Url(ViewContext::SpeakerPath(slug))}});
  }
  return {{"acronym", m.acronym},
          {"speakers", speakers}, {"has_speakers", !speakers.empty()},
          {"status_label", Label(m.status)},
          {"joined", m.joined ? std::to_string(*m.joined) : ""},
          {"website", ctx.LinkUrl(m.website)},
          {"chairs", chairs},
          {"briefs", briefs}, {"has_briefs", !briefs.empty()},
          {"events", events}, {"has_events", !events.empty()}};
}

}  // namespace

namespace {

json DetailView(const ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  const std::string path = ctx.lib.PathOf(id);
  const std::string section = content::SectionName(doc.kind);
  json crumbs = json::array();
  if (doc.kind != Kind::kPage) {
    static const std::map<Kind, std::string> kSectionTitles = {
        {Kind::kBrief, "Publications"}, {Kind::kEvent, "Events"}, {Kind::kMember, "Members"}};
    crumbs.push_back({{"title", kSectionTitles.at(doc.kind)},
                      {"url", ctx.Url("/" + section + "/")}});
  }
  json view = PageView(ctx, path, doc.title, SummaryOf(doc), content::KindName(doc.kind),
                       doc.kind == Kind::kPage ? doc.slug : section, crumbs);
  json& page = view["page"];
  page["body_html"] = doc.rendered.html;
  Merge(page, TagLinks(ctx, doc));
  json backlinks = Cards(ctx, Lookup(ctx.lib.backlinks, id));
  page["has_backlinks"] = !backlinks.empty();
  page["backlinks"] = std::move(backlinks);
  switch (doc.kind) {
    case Kind::kBrief: Merge(page, BriefFields(ctx, id)); break;
    case Kind::kEvent: Merge(page, EventFields(ctx, id)); break;
    case Kind::kMember: Merge(page, MemberFields(ctx, id)); break;
    case Kind::kPage: break;
  }
  return view;
}

}  // namespace

PageSpec DetailPage(const ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  return {ctx.lib.PathOf(id), content::KindName(doc.kind), [id](const ViewContext& ctx) { return DetailView(ctx, id); },
          id};
}

}  // namespace portalgen::view
