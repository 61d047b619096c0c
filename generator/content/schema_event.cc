// Event front matter: times with offsets, place, organisers, [[speakers]] and [[agenda]].
#include <algorithm>

#include "base/did_you_mean.h"
#include "content/schema.h"

namespace portalgen::content {

namespace {

constexpr const char* kDateTimeHint =
    "write an offset date-time without quotes, e.g. 2022-10-11T13:30:00+02:00";

std::optional<OffsetDateTime> ReadDateTime(tomlx::Reader& r, std::string_view key) {
  const toml::node* node = r.Node(key);
  if (node == nullptr) return std::nullopt;
  const auto* dt = node->as_date_time();
  if (dt == nullptr) {
    r.Error(node, "bad date-time: '" + std::string(key) + "' must be a date-time, not " +
                      tomlx::TypeName(*node), kDateTimeHint);
    return std::nullopt;
  }
  const toml::date_time& v = dt->get();
  if (!v.offset) {
    r.Error(node, "bad date-time: '" + std::string(key) + "' has no UTC offset",
            "add the offset of the event's time zone, e.g. +02:00 or Z");
    return std::nullopt;
  }
  return OffsetDateTime{v.date.year,   v.date.month,   v.date.day,
                        v.time.hour,   v.time.minute,  v.time.second,
                        v.offset->minutes};
}

// Keeps where `key`'s value was written (0:0 when absent).
void RecordPosition(const tomlx::Reader& r, std::string_view key, int& line, int& col) {
  if (const toml::node* node = r.Node(key)) {
    const LineCol at = tomlx::Where(r.origin(), node);
    line = at.line;
    col = at.col;
  }
}

bool IsClockTime(const std::string& s) {
  return s.size() == 5 && s[2] == ':' && std::isdigit(static_cast<unsigned char>(s[0])) &&
         std::isdigit(static_cast<unsigned char>(s[1])) &&
         std::isdigit(static_cast<unsigned char>(s[3])) &&
         std::isdigit(static_cast<unsigned char>(s[4])) && std::stoi(s.substr(0, 2)) < 24 &&
         std::stoi(s.substr(3)) < 60;
}

// Visits each table of an array of tables (`[[speakers]]`), reporting non-tables.
template <typename Fn>
void ForEachTable(tomlx::Reader& r, std::string_view key, Fn fn) {
  const toml::node* node = r.Node(key);
  if (node == nullptr) return;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    r.Error(node, "'" + std::string(key) + "' must be written as [[" + std::string(key) +
                      "]] tables");
    return;
  }
  for (const toml::node& item : *array) {
    if (const toml::table* t = item.as_table()) {
      fn(*t);
    } else {
      r.Error(&item, "each entry of '" + std::string(key) + "' must be a table");
    }
  }
}

int TableLine(const tomlx::Reader& r, const toml::table& t) {
  return tomlx::Where(r.origin(), &t).line;
}

void ReadSpeakers(tomlx::Reader& r, EventData& e, DiagnosticSink& sink) {
  ForEachTable(r, "speakers", [&](const toml::table& t) {
    tomlx::Reader s(t, r.origin(), sink, "[[speakers]]");
    Speaker sp;
    sp.line = TableLine(r, t);
    sp.name = s.RequiredString("name");
    sp.role = s.String("role").value_or("");
    sp.position = s.String("position").value_or("");
    sp.organization = s.String("organization").value_or("");
    if (const toml::node* m = s.Node("member")) {
      if (auto value = s.String("member")) {
        const LineCol at = tomlx::Where(r.origin(), m);
        sp.member = {*value, at.line, at.col};
      }
    }
    s.WarnUnknownKeys({"name", "role", "position", "member", "organization"});
    e.speakers.push_back(std::move(sp));
  });
}

void ReadAgenda(tomlx::Reader& r, EventData& e, DiagnosticSink& sink) {
  ForEachTable(r, "agenda", [&](const toml::table& t) {
    tomlx::Reader a(t, r.origin(), sink, "[[agenda]]");
    AgendaItem item;
    item.line = TableLine(r, t);
    item.title = a.RequiredString("title");
    for (const char* key : {"start", "end"}) {
      std::string value = a.String(key).value_or("");
      if (!value.empty() && !IsClockTime(value)) {
        a.Error(a.Node(key), "bad time \"" + value + "\"", "write agenda times as \"HH:MM\"");
      }
      (std::string_view(key) == "start" ? item.start : item.end) = value;
    }
    item.speakers = ReadRefs(a, "speakers");
    a.WarnUnknownKeys({"start", "end", "title", "speakers"});
    e.agenda.push_back(std::move(item));
  });
}

}  // namespace

void ReadEvent(tomlx::Reader& r, Document& doc, DiagnosticSink& sink) {
  EventData& e = doc.event;
  if (auto start = ReadDateTime(r, "start")) {
    e.start = *start;
  } else if (r.Node("start") == nullptr) {
    r.MissingField("start", "add start = 2022-10-11T13:30:00+02:00");
  }
  e.end = ReadDateTime(r, "end");
  if (e.end && r.Node("start") && e.end->UnixSeconds() < e.start.UnixSeconds()) {
    r.Error(r.Node("end"), "'end' is before 'start'", "check the date, time and offset");
  }
  e.timezone = r.String("timezone").value_or("");
  RecordPosition(r, "start", e.start_line, e.start_col);
  RecordPosition(r, "end", e.end_line, e.end_col);
  RecordPosition(r, "timezone", e.timezone_line, e.timezone_col);
  e.venue = r.String("venue").value_or("");
  e.city = r.String("city").value_or("");
  e.format = r.String("format").value_or("");
  static const std::vector<std::string> kFormats = {"in-person", "online", "hybrid"};
  if (!e.format.empty() && std::find(kFormats.begin(), kFormats.end(), e.format) == kFormats.end()) {
    std::string hint = DidYouMean(e.format, kFormats);
    r.Error(r.Node("format"), "unknown format '" + e.format + "'",
            hint.empty() ? "use \"in-person\", \"online\" or \"hybrid\"" : hint);
  }
  e.series = r.String("series").value_or("");
  e.registration = ReadUrl(r, "registration");
  e.contact = r.String("contact").value_or("");
  e.members = ReadRefs(r, "members");
  e.other_organizers = r.Strings("other_organizers").value_or(std::vector<std::string>{});
  e.briefs = ReadRefs(r, "briefs");
  e.languages = r.Strings("languages").value_or(std::vector<std::string>{});
  ReadSpeakers(r, e, sink);
  ReadAgenda(r, e, sink);
  std::vector<std::string> known = CommonKeys();
  known.insert(known.end(), {"start", "end", "timezone", "venue", "city", "format", "series",
                             "registration", "contact", "members", "other_organizers", "briefs",
                             "languages", "speakers", "agenda"});
  r.WarnUnknownKeys(known);
}

}  // namespace portalgen::content
