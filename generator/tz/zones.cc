#include "tz/zones.h"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <utility>

#include "base/decimal.h"
#include "base/did_you_mean.h"
#include "base/utf8.h"

namespace portalgen::tz {

namespace {

using std::chrono::seconds;

const date::time_zone* FindZone(const std::string& name) {
  if (name.empty()) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    // date/tz reports an unknown name (and an unreadable database) only by throwing.
    return nullptr;
  }
}

int64_t ToUnix(date::sys_seconds t) { return t.time_since_epoch().count(); }

// "+01:00" for messages.
std::string OffsetText(int minutes) {
  std::string out;
  AppendUtcOffset(minutes, &out);
  return out;
}

// "Vienna", "new york" or "Europe/Geneva" -> "Europe/Vienna", "America/New_York",
// "Europe/Zurich": the slips edit distance misses. UN duty stations that name no zone of their
// own are listed, since ICAT authors will reach for them first.
std::string SuggestByCity(const std::string& word) {
  static const std::pair<const char*, const char*> kCities[] = {{"geneva", "Europe/Zurich"},
                                                                {"the_hague", "Europe/Amsterdam"},
                                                                {"washington", "America/New_York"},
                                                                {"strasbourg", "Europe/Paris"},
                                                                {"bonn", "Europe/Berlin"}};
  std::string city = FoldForMatch(word.substr(word.rfind('/') + 1));
  std::replace(city.begin(), city.end(), ' ', '_');
  for (const auto& [name, zone] : kCities) {
    if (city == name) return zone;
  }
  for (const std::string& zone : ZoneNames()) {
    const size_t slash = zone.rfind('/');
    if (slash != std::string::npos && FoldForMatch(zone.substr(slash + 1)) == city) return zone;
  }
  return "";
}

void AddError(const content::Document& doc, int line, int col, std::string message,
              std::string hint, DiagnosticSink& sink) {
  if (doc.source) {
    sink.Add(doc.source->MakeError(line, col, std::move(message), std::move(hint)));
  } else {
    sink.Error(doc.source_path, line, col, std::move(message), std::move(hint));
  }
}

void CheckOffset(const content::Document& doc, const char* key, const content::OffsetDateTime& t,
                 int line, int col, DiagnosticSink& sink) {
  const std::string& zone = doc.event.timezone;
  const std::optional<int> expected = OffsetAt(zone, t.UnixSeconds());
  if (!expected || *expected == t.offset_minutes) return;
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", t.year, t.month, t.day);
  content::OffsetDateTime fixed = t;
  fixed.offset_minutes = *expected;
  AddError(doc, line, col,
           "'" + std::string(key) + "' has offset " + OffsetText(t.offset_minutes) + " but " +
               zone + " is at " + OffsetText(*expected) + " on " + date,
           "write " + fixed.Iso8601() + " if the local time is right, or fix 'timezone'", sink);
}

}  // namespace

std::optional<int> OffsetAt(const std::string& zone, int64_t utc_seconds) {
  const date::time_zone* z = FindZone(zone);
  if (z == nullptr) return std::nullopt;
  const date::sys_info info = z->get_info(date::sys_seconds{seconds{utc_seconds}});
  return static_cast<int>(info.offset.count() / 60);
}

std::vector<Period> PeriodsBetween(const std::string& zone, int64_t from, int64_t to) {
  std::vector<Period> out;
  const date::time_zone* z = FindZone(zone);
  if (z == nullptr) return out;
  date::sys_seconds t{seconds{from}};
  const date::sys_seconds stop{seconds{to}};
  while (t < stop) {
    const date::sys_info info = z->get_info(t);
    out.push_back({ToUnix(info.begin), ToUnix(info.end), static_cast<int>(info.offset.count()),
                   info.save.count() != 0, info.abbrev});
    if (info.end <= t) break;  // the last period runs to the end of time
    t = info.end;
  }
  return out;
}

const std::vector<std::string>& ZoneNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const date::time_zone& z : date::get_tzdb().zones) v.push_back(z.name());
    std::sort(v.begin(), v.end());
    return v;
  }();
  return names;
}

void CheckEventZones(const index::Library& lib, DiagnosticSink& sink) {
  for (index::DocId id : lib.events) {
    const content::Document& doc = lib.docs[id];
    const content::EventData& e = doc.event;
    // A missing or unreadable start was reported by the schema; no offset to compare then.
    if (e.timezone.empty() || doc.broken || e.start.year == 0) continue;
    if (FindZone(e.timezone) == nullptr) {
      const std::string city = SuggestByCity(e.timezone);
      std::string hint =
          city.empty() ? DidYouMean(e.timezone, ZoneNames()) : "did you mean '" + city + "'?";
      if (hint.empty()) hint = "use an IANA zone name such as \"Europe/Vienna\"";
      AddError(doc, e.timezone_line, e.timezone_col, "unknown time zone '" + e.timezone + "'", hint,
               sink);
      continue;
    }
    CheckOffset(doc, "start", e.start, e.start_line, e.start_col, sink);
    if (e.end) CheckOffset(doc, "end", *e.end, e.end_line, e.end_col, sink);
  }
}

}  // namespace portalgen::tz
