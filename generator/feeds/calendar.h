// iCalendar (RFC 5545) files: one per event, one for all events, one per member with events.
// Times are written in the event's IANA zone with a VTIMEZONE from the tz database (or in UTC
// when no zone is given); DTSTAMP is the event start, so the bytes never depend on the clock.
#ifndef PORTALGEN_FEEDS_CALENDAR_H_
#define PORTALGEN_FEEDS_CALENDAR_H_

#include <functional>
#include <string>
#include <vector>

#include "feeds/file_job.h"
#include "index/library.h"
#include "output/output_file.h"
#include "view/view_context.h"

namespace portalgen::feeds {

/// A VCALENDAR named `name` holding `events` in the given order, with one VTIMEZONE per zone
/// they use.
std::string Calendar(const view::ViewContext& ctx, const std::string& name,
                     const std::vector<index::DocId>& events);

/// A VTIMEZONE for IANA `zone` with explicit STANDARD/DAYLIGHT observances (no RRULE) covering
/// every local time of the years first_year..last_year. "" for an unknown zone.
std::string VTimezone(const std::string& zone, int first_year, int last_year);

/// events/<slug>/event.ics, events/calendar.ics and members/<slug>/calendar.ics (members with
/// events only).
std::vector<output::OutputFile> CalendarFiles(const view::ViewContext& ctx);
/// The same files as independent jobs, in the same order, to run on several threads.
std::vector<FileJob> CalendarJobs(const view::ViewContext& ctx);

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_CALENDAR_H_
