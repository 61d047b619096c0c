#include "feeds/calendar.h"

#include <algorithm>
#include <map>
#include <utility>

#include "base/paths.h"
#include "feeds/feed_entries.h"
#include "feeds/ical_text.h"
#include "tz/zones.h"

namespace portalgen::feeds {

namespace {

using content::Document;
using content::OffsetDateTime;

// "<slug>@example.org": stable across builds and the same in every calendar that holds it.
std::string Uid(const view::ViewContext& ctx, const Document& doc) {
  std::string host = Origin(ctx.config.base_url);
  const size_t scheme = host.find("://");
  host = scheme == std::string::npos ? "portalgen.invalid" : host.substr(scheme + 3);
  return doc.slug + "@" + host;
}

// "DTSTART;TZID=Europe/Vienna:20221011T133000", or UTC when the event names no (known) zone.
std::string TimeLine(const char* name, const OffsetDateTime& t, const std::string& zone) {
  const std::optional<int> offset = tz::OffsetAt(zone, t.UnixSeconds());
  if (!offset) return ContentLine(std::string(name) + ":" + IcalDateTime(t.UnixSeconds(), 0, true));
  return ContentLine(std::string(name) + ";TZID=" + IcalParam(zone) + ":" +
                     IcalDateTime(t.UnixSeconds(), *offset * 60, false));
}

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    out += (out.empty() ? "" : sep) + p;
  }
  return out;
}

std::vector<std::string> Organizers(const view::ViewContext& ctx, const Document& doc) {
  std::vector<std::string> names;
  for (const content::Ref& m : doc.event.members) {
    if (auto id = ctx.lib.Find(content::Kind::kMember, m.value)) {
      names.push_back(ctx.lib.docs[*id].title);
    }
  }
  names.insert(names.end(), doc.event.other_organizers.begin(), doc.event.other_organizers.end());
  return names;
}

// RFC 5545 wants a cal-address for ORGANIZER; only a plain e-mail address makes one.
// It goes into the line unescaped (a URI, not TEXT), so spaces, controls (a CR would end the
// line) and the characters that delimit properties are refused.
bool IsEmail(const std::string& s) {
  const size_t at = s.find('@');
  const bool plain = std::none_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == 0x7F ||
           std::string_view(":/<>\"',;\\").find(c) != std::string_view::npos;
  });
  return plain && at != std::string::npos && at > 0 && at + 1 < s.size() &&
         s.find('@', at + 1) == std::string::npos;
}

std::string VEvent(const view::ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  const content::EventData& e = doc.event;
  std::string out = ContentLine("BEGIN:VEVENT");
  out += ContentLine("UID:" + IcalText(Uid(ctx, doc)));
  out += ContentLine("DTSTAMP:" + IcalDateTime(e.start.UnixSeconds(), 0, true));
  out += TimeLine("DTSTART", e.start, e.timezone);
  if (e.end && e.end->UnixSeconds() > e.start.UnixSeconds()) {
    out += TimeLine("DTEND", *e.end, e.timezone);
  }
  out += ContentLine("SUMMARY:" + IcalText(doc.title));
  const std::vector<std::string> organizers = Organizers(ctx, doc);
  std::string description = view::SummaryOf(doc);
  if (!organizers.empty()) {
    description += (description.empty() ? "" : "\n\n") + std::string("Organised by ") +
                   Join(organizers, ", ") + ".";
  }
  if (!description.empty()) out += ContentLine("DESCRIPTION:" + IcalText(description));
  std::string location = Join({e.venue, e.city}, ", ");
  if (location.empty() && e.format == "online") location = "Online";
  if (!location.empty()) out += ContentLine("LOCATION:" + IcalText(location));
  out += ContentLine("URL:" + ctx.AbsoluteUrl(ctx.lib.PathOf(id)));
  const std::string contact = e.contact.rfind("mailto:", 0) == 0 ? e.contact.substr(7) : e.contact;
  if (IsEmail(contact)) {
    const std::string cn = organizers.empty() ? "" : ";CN=" + IcalParam(organizers.front());
    out += ContentLine("ORGANIZER" + cn + ":mailto:" + contact);
  }
  std::vector<std::string> topics;
  for (const content::Ref& t : doc.topics) topics.push_back(IcalText(t.value));
  if (!topics.empty()) out += ContentLine("CATEGORIES:" + Join(topics, ","));
  out += ContentLine("END:VEVENT");
  return out;
}

// The years each zone must cover: from the earliest start to the latest end among `events`.
std::map<std::string, std::pair<int, int>> ZoneYears(const index::Library& lib,
                                                     const std::vector<index::DocId>& events) {
  std::map<std::string, std::pair<int, int>> years;
  for (index::DocId id : events) {
    const content::EventData& e = lib.docs[id].event;
    if (e.timezone.empty() || !tz::OffsetAt(e.timezone, 0)) continue;
    const int last = e.end ? e.end->year : e.start.year;
    auto [it, added] = years.try_emplace(e.timezone, e.start.year, last);
    if (!added) {
      it->second.first = std::min(it->second.first, e.start.year);
      it->second.second = std::max(it->second.second, last);
    }
  }
  return years;
}

}  // namespace

std::string Calendar(const view::ViewContext& ctx, const std::string& name,
                     const std::vector<index::DocId>& events) {
  std::string out = ContentLine("BEGIN:VCALENDAR") + ContentLine("VERSION:2.0") +
                    ContentLine("PRODID:-//portalgen//ICAT//EN") +
                    ContentLine("CALSCALE:GREGORIAN") + ContentLine("METHOD:PUBLISH") +
                    ContentLine("X-WR-CALNAME:" + IcalText(name));
  for (const auto& [zone, years] : ZoneYears(ctx.lib, events)) {
    out += VTimezone(zone, years.first, years.second);
  }
  // An event's VEVENT is the same in its own, its members' and the site's calendars.
  for (index::DocId id : events) out += ctx.memo->vevents.Get(id, [&] { return VEvent(ctx, id); });
  out += ContentLine("END:VCALENDAR");
  return out;
}

std::vector<FileJob> CalendarJobs(const view::ViewContext& ctx) {
  const index::Library& lib = ctx.lib;
  std::vector<FileJob> jobs;
  for (index::DocId id : lib.events) {
    const std::string file = OutputFileFor(lib.PathOf(id) + "event.ics");
    jobs.push_back({file, [id, file](const view::ViewContext& ctx) {
                      return output::OutputFile{file, Calendar(ctx, ctx.lib.docs[id].title, {id})};
                    }});
  }
  jobs.push_back({"events/calendar.ics", [](const view::ViewContext& ctx) {
                    return output::OutputFile{
                        "events/calendar.ics",
                        Calendar(ctx, ctx.config.title + ": Events", ctx.lib.events)};
                  }});
  for (const auto& [member, events] : lib.member_events) {
    if (events.empty()) continue;
    const std::string file = OutputFileFor(lib.PathOf(member) + "calendar.ics");
    jobs.push_back({file, [member = member, file](const view::ViewContext& ctx) {
                      const Document& doc = ctx.lib.docs[member];
                      const std::string name =
                          doc.member.acronym.empty() ? doc.title : doc.member.acronym;
                      return output::OutputFile{
                          file, Calendar(ctx, ctx.config.title + ": " + name + " events",
                                         ctx.lib.member_events.at(member))};
                    }});
  }
  return jobs;
}

std::vector<output::OutputFile> CalendarFiles(const view::ViewContext& ctx) {
  std::vector<output::OutputFile> files;
  for (const FileJob& job : CalendarJobs(ctx)) files.push_back(job.make(ctx));
  return files;
}

}  // namespace portalgen::feeds
