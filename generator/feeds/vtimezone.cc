// VTIMEZONE from the tz database: one observance per offset period, no recurrence rules, so what
// a calendar shows is exactly what the database says for those years.
#include "feeds/calendar.h"
#include "feeds/ical_text.h"
#include "tz/zones.h"

namespace portalgen::feeds {

namespace {

constexpr int64_t kDay = 86400;

int64_t StartOfYear(int year) { return content::OffsetDateTime{year, 1, 1}.UnixSeconds(); }

void AppendObservance(const tz::Period& p, int64_t onset, int offset_from, std::string& out) {
  const char* kind = p.dst ? "DAYLIGHT" : "STANDARD";
  out += ContentLine(std::string("BEGIN:") + kind);
  // DTSTART of an observance is the local time of the change, in the offset before it.
  out += ContentLine("DTSTART:" + IcalDateTime(onset, offset_from, false));
  out += ContentLine("TZOFFSETFROM:" + IcalUtcOffset(offset_from));
  out += ContentLine("TZOFFSETTO:" + IcalUtcOffset(p.offset_seconds));
  if (!p.abbrev.empty()) out += ContentLine("TZNAME:" + IcalText(p.abbrev));
  out += ContentLine(std::string("END:") + kind);
}

}  // namespace

std::string VTimezone(const std::string& zone, int first_year, int last_year) {
  // A day of margin on each side covers local times of zones far from UTC.
  const int64_t from = StartOfYear(first_year) - kDay;
  const int64_t to = StartOfYear(last_year + 1) + kDay;
  const std::vector<tz::Period> periods = tz::PeriodsBetween(zone, from, to);
  if (periods.empty()) return "";
  std::string out = ContentLine("BEGIN:VTIMEZONE") + ContentLine("TZID:" + zone);
  for (size_t i = 0; i < periods.size(); ++i) {
    const tz::Period& p = periods[i];
    int64_t onset = p.begin;
    int offset_from = i > 0 ? periods[i - 1].offset_seconds : p.offset_seconds;
    if (i == 0 && p.begin < from - 2 * 366 * kDay) {
      // A period that began long ago (or at the dawn of time, for zones without changes) starts
      // its observance at the range instead: the same rule with a readable, bounded date.
      onset = from;
    } else if (i == 0) {
      const std::vector<tz::Period> before = tz::PeriodsBetween(zone, p.begin - 1, p.begin);
      if (!before.empty()) offset_from = before.front().offset_seconds;
    }
    AppendObservance(p, onset, offset_from, out);
  }
  out += ContentLine("END:VTIMEZONE");
  return out;
}

}  // namespace portalgen::feeds
