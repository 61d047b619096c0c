// IANA time zones from the system tz database (through Howard Hinnant's date/tz): offsets at an
// instant, the zone's offset periods for VTIMEZONE, and the check that events agree with them.
#ifndef PORTALGEN_TZ_ZONES_H_
#define PORTALGEN_TZ_ZONES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "index/library.h"

namespace portalgen::tz {

/// Offset (minutes east of UTC) of IANA `zone` at `utc_seconds`, or nullopt for an unknown zone.
std::optional<int> OffsetAt(const std::string& zone, int64_t utc_seconds);

/// A span of time during which a zone keeps one offset and abbreviation: [begin, end) in Unix
/// seconds (begin may be far in the past, end far in the future).
struct Period {
  int64_t begin = 0;
  int64_t end = 0;
  int offset_seconds = 0;  // east of UTC
  bool dst = false;
  std::string abbrev;  // "CEST"; may be numeric ("+04") in the tz database
};

/// The periods of `zone` that overlap [from, to), in time order; empty for an unknown zone.
std::vector<Period> PeriodsBetween(const std::string& zone, int64_t from, int64_t to);

/// Every zone name the database knows (for suggestions), sorted.
const std::vector<std::string>& ZoneNames();

/// Errors for every event whose `timezone` is unknown (did-you-mean over known zone names) or whose
/// start/end offset disagrees with the zone at that instant, at the value's file:line:col.
void CheckEventZones(const index::Library& lib, DiagnosticSink& sink);

}  // namespace portalgen::tz

#endif  // PORTALGEN_TZ_ZONES_H_
