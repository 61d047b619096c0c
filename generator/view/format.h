// Human-readable labels and dates for view models ("11 October 2022", "Issue brief").
#ifndef PORTALGEN_VIEW_FORMAT_H_
#define PORTALGEN_VIEW_FORMAT_H_

#include <string>

#include "content/document.h"

namespace portalgen::view {

/// "2017", "December 2022" or "11 October 2022".
std::string DisplayDate(const content::PartialDate& date);
/// "2017", "2022-12" or "2022-12-11": valid for <time datetime>.
std::string IsoDate(const content::PartialDate& date);
/// "issue-brief" -> "Issue brief", "in-person" -> "In person".
std::string Label(const std::string& keyword);
/// "UTC+02:00", "UTC-04:00", "UTC".
std::string UtcOffsetLabel(int offset_minutes);
/// "13:30".
std::string ClockTime(int hour, int minute);
/// The same instant in UTC.
content::OffsetDateTime ToUtc(const content::OffsetDateTime& t);
/// "2022-10-11T11:30:00Z".
std::string IsoUtc(const content::OffsetDateTime& t);

}  // namespace portalgen::view

#endif  // PORTALGEN_VIEW_FORMAT_H_
