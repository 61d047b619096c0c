#include "view/format.h"

#include "base/decimal.h"

namespace portalgen::view {

namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November",
                               "December"};

// Civil date from days since 1970-01-01 (Howard Hinnant's civil_from_days).
void CivilFromDays(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

}  // namespace

std::string DisplayDate(const content::PartialDate& date) {
  std::string out = std::to_string(date.year);
  if (date.month >= 1 && date.month <= 12) out = std::string(kMonths[date.month - 1]) + " " + out;
  if (date.day > 0) out = std::to_string(date.day) + " " + out;
  return out;
}

std::string IsoDate(const content::PartialDate& date) {
  std::string out;
  AppendPadded(date.year, 4, &out);
  if (date.month == 0) return out;
  out += '-';
  AppendPadded(date.month, 2, &out);
  if (date.day == 0) return out;
  out += '-';
  AppendPadded(date.day, 2, &out);
  return out;
}

std::string Label(const std::string& keyword) {
  std::string out = keyword;
  for (char& c : out) {
    if (c == '-') c = ' ';
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string UtcOffsetLabel(int offset_minutes) {
  if (offset_minutes == 0) return "UTC";
  std::string out = "UTC";
  AppendUtcOffset(offset_minutes, &out);
  return out;
}

std::string ClockTime(int hour, int minute) {
  std::string out;
  AppendPadded(hour, 2, &out);
  out += ':';
  AppendPadded(minute, 2, &out);
  return out;
}

content::OffsetDateTime ToUtc(const content::OffsetDateTime& t) {
  const int64_t s = t.UnixSeconds();
  int64_t days = s / 86400, rem = s % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  content::OffsetDateTime u;
  CivilFromDays(days, u.year, u.month, u.day);
  u.hour = static_cast<int>(rem / 3600);
  u.minute = static_cast<int>(rem % 3600 / 60);
  u.second = static_cast<int>(rem % 60);
  return u;
}

std::string IsoUtc(const content::OffsetDateTime& t) {
  std::string out;
  out.reserve(20);
  ToUtc(t).AppendLocal(&out);
  out += 'Z';
  return out;
}

}  // namespace portalgen::view
