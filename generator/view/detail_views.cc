#include "view/detail_views.h"

#include <algorithm>
#include <map>

#include "base/paths.h"
#include "content/body_reads.h"
#include "view/format.h"

namespace portalgen::view {

using content::Document;
using content::Kind;

namespace {

// Appends topics, has_topics, priorities and has_priorities to `page`.
void AddTagLinks(const ViewContext& ctx, const Document& doc, Object& page) {
  List topics;
  for (const content::Ref& t : doc.topics) {
    topics.push_back(Object{{"label", Value::Borrow(t.value)},
                            {"url", ctx.Url(ctx.TopicPath(Slugify(t.value)))}});
  }
  List priorities;
  for (const auto& p : doc.priorities) {
    for (const config::Priority& c : ctx.config.priorities) {
      if (c.number != p.value) continue;
      priorities.push_back(Object{{"number", c.number}, {"title", Value::Borrow(c.title)},
                                  {"url", ctx.Url(ctx.PriorityPath(c.number))}});
    }
  }
  const bool has_topics = !topics.empty(), has_priorities = !priorities.empty();
  page.push_back({"topics", std::move(topics)});
  page.push_back({"has_topics", has_topics});
  page.push_back({"priorities", std::move(priorities)});
  page.push_back({"has_priorities", has_priorities});
}

const std::vector<index::DocId>& Lookup(
    const std::map<index::DocId, std::vector<index::DocId>>& map, index::DocId id) {
  static const std::vector<index::DocId> kNone;
  auto it = map.find(id);
  return it == map.end() ? kNone : it->second;
}

std::vector<index::DocId> Resolve(const index::Library& lib, Kind kind,
                                  const std::vector<content::Ref>& refs) {
  std::vector<index::DocId> out;
  for (const content::Ref& r : refs) {
    if (auto id = lib.Find(kind, r.value)) out.push_back(*id);
  }
  return out;
}

// The Add*Fields functions append to `page`: short values from a braced list, and lists (which
// may be long) one by one with push_back, because a braced list can only be copied from.
void Merge(Object& into, Object from) {
  for (render::Member& m : from) into.push_back(std::move(m));
}

// Appends `list` as `key` and whether it has items as `has_key`.
void AddList(Object& page, render::Key key, render::Key has_key, List list) {
  page.push_back({has_key, !list.empty()});
  page.push_back({key, std::move(list)});
}

void AddBriefFields(const ViewContext& ctx, index::DocId id, Object& page) {
  const Document& doc = ctx.lib.docs[id];
  const content::BriefData& b = doc.brief;
  std::string document_url = ctx.LinkUrl(b.document);
  Merge(page, {{"kind_label", Label(b.kind)},
               {"has_number", b.number.has_value()},
               {"number", b.number ? std::to_string(*b.number) : ""},
               {"has_date", b.date.has_value()},
               {"date_iso", b.date ? IsoDate(*b.date) : ""},
               {"date_display", b.date ? DisplayDate(*b.date) : ""},
               {"has_document", !document_url.empty()},
               {"document_url", std::move(document_url)}});
  AddList(page, "members", "has_members",
          MemberLinks(ctx, Resolve(ctx.lib, Kind::kMember, b.members)));
  AddList(page, "events", "has_events", Cards(ctx, Lookup(ctx.lib.brief_events, id)));
}

List SpeakerGroups(const ViewContext& ctx, const content::EventData& e) {
  // One pass, roles in the order they first appear: a map, not a search of the roles so far,
  // so that 10 000 speakers with as many roles stay linear.
  std::vector<std::string> roles;
  std::map<std::string, List> by_role;
  for (const content::Speaker& s : e.speakers) {
    auto [it, added] = by_role.try_emplace(s.role);
    if (added) roles.push_back(s.role);
    const Document* m = nullptr;
    std::string org_url;
    if (auto member = ctx.lib.Find(Kind::kMember, s.member.value)) {
      m = &ctx.lib.docs[*member];
      org_url = ctx.Url(ctx.lib.PathOf(*member));
    }
    const std::string& organization =
        m ? (m->member.acronym.empty() ? m->title : m->member.acronym) : s.organization;
    it->second.push_back(
        Object{{"name", Value::Borrow(s.name)},
               {"url", ctx.Url(ViewContext::SpeakerPath(index::SpeakerSlug(s.name)))},
               {"role", Value::Borrow(s.role)},
               {"position", Value::Borrow(s.position)},
               {"organization", Value::Borrow(organization)},
               {"has_org_url", m != nullptr},
               {"org_url", std::move(org_url)}});
  }
  List groups;
  groups.reserve(roles.size());
  for (const std::string& role : roles) {
    List& speakers = by_role[role];
    std::string label = role.empty() ? "Speakers" : Label(role) + "s";
    if (speakers.size() == 1 && !role.empty()) label = Label(role);
    Object group = {{"role", std::move(label)}};
    group.push_back({"speakers", std::move(speakers)});
    groups.push_back(std::move(group));
  }
  return groups;
}

List Agenda(const content::EventData& e) {
  List items;
  items.reserve(e.agenda.size());
  for (const content::AgendaItem& a : e.agenda) {
    std::string who;
    for (const content::Ref& s : a.speakers) who += (who.empty() ? "" : ", ") + s.value;
    std::string time = a.start;
    if (!a.end.empty()) time += "–" + a.end;
    items.push_back(Object{{"time", std::move(time)},
                           {"title", Value::Borrow(a.title)},
                           {"speakers", std::move(who)}});
  }
  return items;
}

void AddEventFields(const ViewContext& ctx, index::DocId id, Object& page) {
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
  std::string languages;
  for (const std::string& l : e.languages) languages += (languages.empty() ? "" : ", ") + l;
  const content::PartialDate day{e.start.year, e.start.month, e.start.day};
  Merge(page, {{"date_display", DisplayDate(day)},
               {"start_iso", e.start.Iso8601()},
               {"start_utc_iso", IsoUtc(e.start)},
               {"time_local", local},
               {"time_utc", utc},
               {"utc_offset", UtcOffsetLabel(e.start.offset_minutes)},
               {"timezone", Value::Borrow(e.timezone)}, {"has_timezone", !e.timezone.empty()},
               {"venue", Value::Borrow(e.venue)}, {"city", Value::Borrow(e.city)},
               {"has_place", !e.venue.empty() || !e.city.empty()},
               {"format_label", e.format.empty() ? "" : Label(e.format)},
               {"series", Value::Borrow(e.series)},
               {"is_upcoming", e.start.UnixSeconds() >= ctx.now},
               {"has_speakers", !e.speakers.empty()},
               {"languages", languages},
               {"registration", ctx.LinkUrl(e.registration)},
               {"contact", Value::Borrow(e.contact)}});
  List organisers = MemberLinks(ctx, Resolve(ctx.lib, Kind::kMember, e.members));
  List others;
  for (const std::string& o : e.other_organizers) others.push_back(Value::Borrow(o));
  page.push_back({"has_organisers", !organisers.empty() || !others.empty()});
  page.push_back({"organisers", std::move(organisers)});
  page.push_back({"other_organizers", std::move(others)});
  page.push_back({"speaker_groups", SpeakerGroups(ctx, e)});
  AddList(page, "agenda", "has_agenda", Agenda(e));
  AddList(page, "briefs", "has_briefs", Cards(ctx, Lookup(ctx.lib.event_briefs, id)));
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

void AddMemberFields(const ViewContext& ctx, index::DocId id, Object& page) {
  const Document& doc = ctx.lib.docs[id];
  const content::MemberData& m = doc.member;
  std::string chairs;
  for (int y : m.chairs) chairs += (chairs.empty() ? "" : ", ") + std::to_string(y);
  Merge(page, {{"acronym", Value::Borrow(m.acronym)},
               {"status_label", Label(m.status)},
               {"joined", m.joined ? std::to_string(*m.joined) : ""},
               {"website", ctx.LinkUrl(m.website)},
               {"chairs", chairs}});
  List speakers;
  if (auto it = ctx.lib.member_speakers.find(id); it != ctx.lib.member_speakers.end()) {
    for (const std::string& slug : it->second) {
      speakers.push_back(Object{{"name", Value::Borrow(ctx.lib.speakers.at(slug).name)},
                                {"url", ctx.Url(ViewContext::SpeakerPath(slug))}});
    }
  }
  AddList(page, "speakers", "has_speakers", std::move(speakers));
  AddList(page, "briefs", "has_briefs", Cards(ctx, Lookup(ctx.lib.member_briefs, id)));
  AddList(page, "events", "has_events",
          Cards(ctx, UpcomingFirst(ctx, Lookup(ctx.lib.member_events, id))));
}

}  // namespace

namespace {

Value DetailView(const ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  const std::string path = ctx.lib.PathOf(id);
  const std::string section = content::SectionName(doc.kind);
  List crumbs;
  if (doc.kind != Kind::kPage) {
    static const std::map<Kind, const char*> kSectionTitles = {
        {Kind::kBrief, "Publications"}, {Kind::kEvent, "Events"}, {Kind::kMember, "Members"}};
    crumbs.push_back(Object{{"title", kSectionTitles.at(doc.kind)},
                            {"url", ctx.Url("/" + section + "/")}});
  }
  Object page;
  page.push_back({"body_html", Value::Borrow(content::BodyHtml(doc))});
  AddTagLinks(ctx, doc, page);
  AddList(page, "backlinks", "has_backlinks", Cards(ctx, Lookup(ctx.lib.backlinks, id)));
  switch (doc.kind) {
    case Kind::kBrief: AddBriefFields(ctx, id, page); break;
    case Kind::kEvent: AddEventFields(ctx, id, page); break;
    case Kind::kMember: AddMemberFields(ctx, id, page); break;
    case Kind::kPage: break;
  }
  return PageView(ctx, path, Value::Borrow(doc.title), Value::Borrow(SummaryOf(doc)),
                  content::KindName(doc.kind), doc.kind == Kind::kPage ? doc.slug : section,
                  std::move(crumbs), std::move(page));
}

}  // namespace

PageSpec DetailPage(const ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  return {ctx.lib.PathOf(id), content::KindName(doc.kind), [id](const ViewContext& ctx) { return DetailView(ctx, id); },
          id};
}

}  // namespace portalgen::view
