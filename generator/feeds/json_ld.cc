#include "feeds/json_ld.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "view/format.h"

namespace portalgen::feeds {

namespace {

using content::Document;
using content::Kind;
using nlohmann::json;

// A JSON-LD object written as text, as ScriptSafeJson(json) would write the same object: pages
// need only the text, and a json tree (std::map nodes) cost more to build and dump than the
// text does to write. Members are kept with their JSON text and written sorted by key, the
// order of json's std::map.
class LdObject {
 public:
  /// A string member.
  LdObject& Str(std::string_view key, std::string_view value) {
    std::string text;
    AppendScriptSafeJsonString(value, &text);
    return Raw(key, std::move(text));
  }
  /// A member given as JSON text (an LdObject's Text(), an LdArray()).
  LdObject& Raw(std::string_view key, std::string json_text) {
    members_.emplace_back(key, std::move(json_text));
    return *this;
  }
  bool Has(std::string_view key) const {
    for (const auto& [k, text] : members_) {
      if (k == key) return true;
    }
    return false;
  }
  std::string Text() {
    std::sort(members_.begin(), members_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out = "{";
    for (const auto& [key, text] : members_) {
      if (out.size() > 1) out += ',';
      AppendScriptSafeJsonString(key, &out);
      out += ':';
      out += text;
    }
    out += '}';
    return out;
  }

 private:
  std::vector<std::pair<std::string_view, std::string>> members_;  // keys are literals
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

namespace {

// Whether ScriptSafeJson must escape code point `c`.
bool NeedsScriptEscape(char32_t c) {
  // U+2028 and U+2029 end a line in JavaScript before ES2019; what HTML forbids is a parse
  // error in the page even inside <script>.
  return c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029 || IsForbiddenInHtml(c);
}

// `c` as JSON's \uXXXX (lowercase hex, as json::dump() writes it); above U+FFFF as a UTF-16
// surrogate pair.
std::string UnicodeEscape(char32_t c) {
  char buf[16];
  if (c > 0xFFFF) {
    std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + ((c - 0x10000) >> 10),
                  0xDC00 + ((c - 0x10000) & 0x3FF));
  } else {
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
  }
  return buf;
}

}  // namespace

std::string ScriptSafeJson(const json& value) {
  const std::string raw = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size());
  // Everything below but '<', '>' and '&' can only be inside a JSON string, where \uXXXX is the
  // same character.
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
      out += UnicodeEscape(c.value);
      run_start = i + c.length;
    }
    i += c.length;
  }
  out.append(raw, run_start);
  return out;
}

void AppendScriptSafeJsonString(std::string_view text, std::string* out) {
  const size_t start = out->size();
  *out += '"';
  size_t run_start = 0;  // bytes kept as they are, appended in runs
  const auto escape = [&](size_t i, size_t length, std::string_view replacement) {
    out->append(text, run_start, i - run_start);
    out->append(replacement);
    run_start = i + length;
  };
  // ASCII that neither json::dump() nor ScriptSafeJson escapes: skipped with one look-up.
  static const std::array<bool, 0x80> kAsciiKept = [] {
    std::array<bool, 0x80> table{};
    for (char32_t c = 0x20; c < 0x80; ++c) {
      table[c] = c != '"' && c != '\\' && !NeedsScriptEscape(c);
    }
    return table;
  }();
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && kAsciiKept[byte]) {
      ++i;
      continue;
    }
    const CodePoint c = byte < 0x80 ? CodePoint{byte, 1} : DecodeUtf8(text.substr(i));
    if (c.value == 0xFFFD && c.length == 1) {
      // Not UTF-8: json::dump()'s replacement of invalid bytes has rules of its own; use it.
      out->resize(start);
      *out += ScriptSafeJson(json(std::string(text)));
      return;
    }
    // What json::dump() escapes (with ensure_ascii off), then what ScriptSafeJson escapes.
    switch (c.value) {
      case '"': escape(i, 1, "\\\""); break;
      case '\\': escape(i, 1, "\\\\"); break;
      case '\b': escape(i, 1, "\\b"); break;
      case '\f': escape(i, 1, "\\f"); break;
      case '\n': escape(i, 1, "\\n"); break;
      case '\r': escape(i, 1, "\\r"); break;
      case '\t': escape(i, 1, "\\t"); break;
      default:
        if (c.value < 0x20 || NeedsScriptEscape(c.value)) {
          escape(i, c.length, UnicodeEscape(c.value));
        }
    }
    i += c.length;
  }
  out->append(text, run_start);
  *out += '"';
}

}  // namespace portalgen::feeds
