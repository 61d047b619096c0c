// RFC 5545 lexical rules: TEXT escaping, parameter values, date-times, and content lines folded
// at 75 octets with CRLF line ends.
#ifndef PORTALGEN_FEEDS_ICAL_TEXT_H_
#define PORTALGEN_FEEDS_ICAL_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace portalgen::feeds {

/// A TEXT value (RFC 5545 3.3.11): `\`, `;` and `,` backslash-escaped, a newline as `\n`; CR and
/// other control characters except tab are dropped, as TEXT cannot hold them.
std::string IcalText(std::string_view text);

/// A parameter value (3.2): double-quoted when it holds `:`, `;` or `,`; DQUOTE and control
/// characters, which no parameter value can hold, are dropped.
std::string IcalParam(std::string_view text);

/// "20221011T133000" for the wall-clock time `unix_seconds + offset_seconds`; with `utc`, the
/// UTC time with a trailing "Z" (offset_seconds ignored).
std::string IcalDateTime(int64_t unix_seconds, int offset_seconds, bool utc);

/// "+0200", "-0430", or "+053728" when the offset has seconds (UTC-OFFSET, 3.3.14).
std::string IcalUtcOffset(int offset_seconds);

/// One content line "NAME;PARAMS:value" folded so that no line exceeds 75 octets (a fold is
/// CRLF + space, never inside a UTF-8 sequence), ending in CRLF.
std::string ContentLine(std::string_view line);

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_ICAL_TEXT_H_
