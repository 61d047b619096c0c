#include "feeds/json_ld.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "feeds/json_text.h"
#include "view/format.h"

namespace portalgen::feeds {

namespace {

using content::Document;
using content::Kind;
using nlohmann::json;

// A JSON-LD object written as text, as ScriptSafeJson(json) would write the same object: pages
// need only the text, and a json tree (std::map nodes) cost more to build and dump than the
// text does to write. Members' JSON texts are kept in one string and written sorted by key, the
// order of json's std::map.
class LdObject {
 public:
  /// A string member.
  LdObject& Str(std::string_view key, std::string_view value) {
    const size_t begin = values_.size();
    AppendJsonString(value, &values_, JsonEscapes::kScriptSafe);
    members_.push_back({key, begin, values_.size()});
    return *this;
  }
  /// A member given as JSON text (an LdObject's Text(), an LdArray()).
  LdObject& Raw(std::string_view key, std::string_view json_text) {
    const size_t begin = values_.size();
    values_ += json_text;
    members_.push_back({key, begin, values_.size()});
    return *this;
  }
  bool Has(std::string_view key) const {
    return std::any_of(members_.begin(), members_.end(),
                       [key](const Member& m) { return m.key == key; });
  }
  std::string Text() {
    std::stable_sort(members_.begin(), members_.end(),
                     [](const Member& a, const Member& b) { return a.key < b.key; });
    size_t size = values_.size() + 2;
    for (const Member& m : members_) size += m.key.size() + 4;
    std::string out;
    out.reserve(size);
    out += '{';
    for (const Member& m : members_) {
      if (out.size() > 1) out += ',';
      AppendJsonString(m.key, &out, JsonEscapes::kScriptSafe);
      out += ':';
      out.append(values_, m.begin, m.end - m.begin);
    }
    out += '}';
    return out;
  }

 private:
  struct Member {
    std::string_view key;  // a literal
    size_t begin, end;     // its JSON text in values_
  };
  std::vector<Member> members_;
  std::string values_;  // every member's JSON text, in the order added
};

std::string LdArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) {
    if (out.size() > 1) out += ',';
    out += item;
  }
  out += ']';
  return out;
}

LdObject Organization(const view::ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  LdObject org;
  org.Str("@type", "Organization").Str("name", doc.title);
  org.Str("url", ctx.AbsoluteUrl(ctx.lib.PathOf(id)));
  if (!doc.member.acronym.empty()) org.Str("alternateName", doc.member.acronym);
  if (std::string website = ctx.LinkUrl(doc.member.website); !website.empty()) {
    org.Str("sameAs", website);
  }
  return org;
}

// The location of an event, or "" for none.
std::string Location(const Document& doc, const std::string& url) {
  const content::EventData& e = doc.event;
  const auto virtual_location = [&] {
    return LdObject().Str("@type", "VirtualLocation").Str("url", url).Text();
  };
  if (e.format == "online") return virtual_location();
  // A place is named by what the content gives: venue, else city, else the host conference.
  const std::string& name = !e.venue.empty() ? e.venue : !e.city.empty() ? e.city : e.series;
  if (name.empty()) return e.format == "hybrid" ? virtual_location() : "";
  LdObject place;
  place.Str("@type", "Place").Str("name", name);
  if (!e.city.empty()) {
    place.Raw("address",
              LdObject().Str("@type", "PostalAddress").Str("addressLocality", e.city).Text());
  }
  if (e.format != "hybrid") return place.Text();
  return LdArray({place.Text(), virtual_location()});
}

LdObject Event(const view::ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  const content::EventData& e = doc.event;
  const std::string url = ctx.AbsoluteUrl(ctx.lib.PathOf(id));
  LdObject event;
  event.Str("@type", "Event").Str("name", doc.title).Str("startDate", e.start.Iso8601());
  event.Str("url", url);
  if (std::string location = Location(doc, url); !location.empty()) {
    event.Raw("location", std::move(location));
  }
  if (e.end) event.Str("endDate", e.end->Iso8601());
  if (e.format == "online")
    event.Str("eventAttendanceMode", "https://schema.org/OnlineEventAttendanceMode");
  if (e.format == "in-person")
    event.Str("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
  if (e.format == "hybrid")
    event.Str("eventAttendanceMode", "https://schema.org/MixedEventAttendanceMode");
  std::vector<std::string> organizers;
  for (const content::Ref& m : e.members) {
    if (auto member = ctx.lib.Find(Kind::kMember, m.value)) {
      organizers.push_back(Organization(ctx, *member).Text());
    }
  }
  for (const std::string& name : e.other_organizers) {
    organizers.push_back(LdObject().Str("@type", "Organization").Str("name", name).Text());
  }
  if (!organizers.empty()) event.Raw("organizer", LdArray(organizers));
  std::vector<std::string> performers;
  for (const content::Speaker& s : e.speakers) {
    LdObject person;
    person.Str("@type", "Person").Str("name", s.name);
    if (!s.position.empty()) person.Str("jobTitle", s.position);
    performers.push_back(person.Text());
  }
  if (!performers.empty()) event.Raw("performer", LdArray(performers));
  const std::string& summary = view::SummaryOf(doc);
  if (!summary.empty()) event.Str("description", summary);
  return event;
}

// The site's Organization; with "@context" only when it is the top-level object.
LdObject SiteOrganization(const view::ViewContext& ctx, bool top_level) {
  LdObject org;
  if (top_level) org.Str("@context", "https://schema.org");
  org.Str("@type", "Organization").Str("name", ctx.config.title);
  org.Str("url", ctx.AbsoluteUrl("/"));
  if (!ctx.config.author_email.empty()) org.Str("email", ctx.config.author_email);
  return org;
}

LdObject Brief(const view::ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  const bool report = doc.brief.kind == "annual-report" || doc.brief.kind == "issue-brief";
  LdObject brief;
  brief.Str("@type", report ? "Report" : "Article").Str("headline", doc.title);
  brief.Str("name", doc.title).Str("url", ctx.AbsoluteUrl(ctx.lib.PathOf(id)));
  brief.Raw("publisher", SiteOrganization(ctx, /*top_level=*/false).Text());
  if (doc.brief.date) brief.Str("datePublished", view::IsoDate(*doc.brief.date));
  if (report && doc.brief.number) brief.Str("reportNumber", std::to_string(*doc.brief.number));
  std::vector<std::string> authors;
  for (const content::Ref& m : doc.brief.members) {
    if (auto member = ctx.lib.Find(Kind::kMember, m.value)) {
      authors.push_back(Organization(ctx, *member).Text());
    }
  }
  if (!authors.empty()) brief.Raw("author", LdArray(authors));
  const std::string& summary = view::SummaryOf(doc);
  if (!summary.empty()) brief.Str("description", summary);
  return brief;
}

LdObject DocumentLd(const view::ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  switch (doc.kind) {
    case Kind::kEvent: return Event(ctx, id);
    case Kind::kBrief: return Brief(ctx, id);
    case Kind::kMember: return Organization(ctx, id);
    case Kind::kPage: break;
  }
  LdObject page;
  page.Str("@type", "WebPage").Str("name", doc.title);
  page.Str("url", ctx.AbsoluteUrl(ctx.lib.PathOf(id)));
  return page;
}

}  // namespace

std::string ScriptSafeJsonLd(const view::ViewContext& ctx, index::DocId id) {
  return DocumentLd(ctx, id).Str("@context", "https://schema.org").Text();
}

std::string ScriptSafeSiteJsonLd(const view::ViewContext& ctx) {
  return SiteOrganization(ctx, /*top_level=*/true).Text();
}

json JsonLd(const view::ViewContext& ctx, index::DocId id) {
  return json::parse(ScriptSafeJsonLd(ctx, id));
}

json SiteJsonLd(const view::ViewContext& ctx) { return json::parse(ScriptSafeSiteJsonLd(ctx)); }

}  // namespace portalgen::feeds
