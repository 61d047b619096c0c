#include "feeds/json_ld.h"

#include <array>
#include <cstdio>

#include "base/utf8.h"
#include "view/format.h"

namespace portalgen::feeds {

namespace {

using content::Document;
using content::Kind;
using nlohmann::json;

json Organization(const view::ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  json org = {
      {"@type", "Organization"}, {"name", doc.title}, {"url", ctx.AbsoluteUrl(ctx.lib.PathOf(id))}};
  if (!doc.member.acronym.empty()) org["alternateName"] = doc.member.acronym;
  if (std::string website = ctx.LinkUrl(doc.member.website); !website.empty()) {
    org["sameAs"] = std::move(website);
  }
  return org;
}

json Location(const Document& doc, const std::string& url) {
  const content::EventData& e = doc.event;
  if (e.format == "online") return {{"@type", "VirtualLocation"}, {"url", url}};
  // A place is named by what the content gives: venue, else city, else the host conference.
  const std::string& name = !e.venue.empty() ? e.venue : !e.city.empty() ? e.city : e.series;
  const json virtual_location = {{"@type", "VirtualLocation"}, {"url", url}};
  if (name.empty()) return e.format == "hybrid" ? virtual_location : json();
  json place = {{"@type", "Place"}, {"name", name}};
  if (!e.city.empty()) place["address"] = {{"@type", "PostalAddress"}, {"addressLocality", e.city}};
  if (e.format != "hybrid") return place;
  return json::array({place, virtual_location});
}

json Event(const view::ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  const content::EventData& e = doc.event;
  const std::string url = ctx.AbsoluteUrl(ctx.lib.PathOf(id));
  json event = {{"@type", "Event"},
                {"name", doc.title},
                {"startDate", e.start.Iso8601()},
                {"url", url}};
  if (json location = Location(doc, url); !location.is_null()) event["location"] = location;
  if (e.end) event["endDate"] = e.end->Iso8601();
  if (e.format == "online")
    event["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode";
  if (e.format == "in-person")
    event["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode";
  if (e.format == "hybrid")
    event["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode";
  json organizers = json::array();
  for (const content::Ref& m : e.members) {
    if (auto member = ctx.lib.Find(Kind::kMember, m.value)) {
      organizers.push_back(Organization(ctx, *member));
    }
  }
  for (const std::string& name : e.other_organizers) {
    organizers.push_back({{"@type", "Organization"}, {"name", name}});
  }
  if (!organizers.empty()) event["organizer"] = std::move(organizers);
  json performers = json::array();
  for (const content::Speaker& s : e.speakers) {
    json person = {{"@type", "Person"}, {"name", s.name}};
    if (!s.position.empty()) person["jobTitle"] = s.position;
    performers.push_back(std::move(person));
  }
  if (!performers.empty()) event["performer"] = std::move(performers);
  const std::string summary = view::SummaryOf(doc);
  if (!summary.empty()) event["description"] = summary;
  return event;
}

json Publisher(const view::ViewContext& ctx) {
  json site = SiteJsonLd(ctx);
  site.erase("@context");  // only the top-level object carries it
  return site;
}

json Brief(const view::ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  const bool report = doc.brief.kind == "annual-report" || doc.brief.kind == "issue-brief";
  json brief = {{"@type", report ? "Report" : "Article"},
                {"headline", doc.title},
                {"name", doc.title},
                {"url", ctx.AbsoluteUrl(ctx.lib.PathOf(id))},
                {"publisher", Publisher(ctx)}};
  if (doc.brief.date) brief["datePublished"] = view::IsoDate(*doc.brief.date);
  if (report && doc.brief.number) brief["reportNumber"] = std::to_string(*doc.brief.number);
  json authors = json::array();
  for (const content::Ref& m : doc.brief.members) {
    if (auto member = ctx.lib.Find(Kind::kMember, m.value)) {
      authors.push_back(Organization(ctx, *member));
    }
  }
  if (!authors.empty()) brief["author"] = std::move(authors);
  const std::string summary = view::SummaryOf(doc);
  if (!summary.empty()) brief["description"] = summary;
  return brief;
}

}  // namespace

json JsonLd(const view::ViewContext& ctx, index::DocId id) {
  const Document& doc = ctx.lib.docs[id];
  json out;
  switch (doc.kind) {
    case Kind::kEvent:
      out = Event(ctx, id);
      break;
    case Kind::kMember:
      out = Organization(ctx, id);
      break;
    case Kind::kBrief:
      out = Brief(ctx, id);
      break;
    case Kind::kPage:
      out = {
          {"@type", "WebPage"}, {"name", doc.title}, {"url", ctx.AbsoluteUrl(ctx.lib.PathOf(id))}};
      break;
  }
  out["@context"] = "https://schema.org";
  return out;
}

json SiteJsonLd(const view::ViewContext& ctx) {
  json org = {{"@context", "https://schema.org"},
              {"@type", "Organization"},
              {"name", ctx.config.title},
              {"url", ctx.AbsoluteUrl("/")}};
  if (!ctx.config.author_email.empty()) org["email"] = ctx.config.author_email;
  return org;
}

namespace {

// Whether ScriptSafeJson must escape code point `c`.
bool NeedsScriptEscape(char32_t c) {
  // U+2028 and U+2029 end a line in JavaScript before ES2019; what HTML forbids is a parse
  // error in the page even inside <script>.
  return c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029 || IsForbiddenInHtml(c);
}

}  // namespace

std::string ScriptSafeJson(const json& value) {
  const std::string raw = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size());
  // Everything below but '<', '>' and '&' can only be inside a JSON string, where \uXXXX is the
  // same character.
  const auto escape = [&](char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c) & 0xFFFF);
    out += buf;
  };
  // Most of the text is ASCII that stays as it is: one table look-up per such byte, and the
  // runs between escapes are appended whole.
  static const std::array<bool, 0x80> kAsciiEscaped = [] {
    std::array<bool, 0x80> table{};
    for (char32_t c = 0; c < 0x80; ++c) table[c] = NeedsScriptEscape(c);
    return table;
  }();
  size_t run_start = 0;
  for (size_t i = 0; i < raw.size();) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    if (byte < 0x80 && !kAsciiEscaped[byte]) {
      ++i;
      continue;
    }
    const CodePoint c =
        byte < 0x80 ? CodePoint{byte, 1} : DecodeUtf8(std::string_view(raw).substr(i));
    if (NeedsScriptEscape(c.value)) {
      out.append(raw, run_start, i - run_start);
      if (c.value > 0xFFFF) {
        escape(0xD800 + ((c.value - 0x10000) >> 10));
        escape(0xDC00 + ((c.value - 0x10000) & 0x3FF));
      } else {
        escape(c.value);
      }
      run_start = i + c.length;
    }
    i += c.length;
  }
  out.append(raw, run_start);
  return out;
}

}  // namespace portalgen::feeds
