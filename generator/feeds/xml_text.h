// Escaping and date formats for the XML outputs (Atom, RSS, sitemap): one escaper per context.
#ifndef PORTALGEN_FEEDS_XML_TEXT_H_
#define PORTALGEN_FEEDS_XML_TEXT_H_

#include <string>
#include <string_view>

#include "content/document.h"

namespace portalgen::feeds {

/// `text` for XML 1.0 element content or a double-quoted attribute: `&`, `<`, `>` and `"` as
/// entities; characters XML 1.0 forbids (controls other than tab, LF and CR; U+FFFE and U+FFFF)
/// are dropped, since no escape can carry them.
std::string XmlEscape(std::string_view text);

/// Appends `text` to `out` as one or more CDATA sections, for element content that is mostly
/// markup (the HTML of feed entries): nothing is escaped, a "]]>" inside is split across two
/// sections, and characters XML 1.0 forbids are dropped as XmlEscape drops them.
void AppendXmlCdata(std::string_view text, std::string& out);

/// RFC 3339: "2022-10-11T13:30:00+02:00", or "...Z" for a zero offset.
std::string Rfc3339(const content::OffsetDateTime& t);

/// RFC 822 as RSS 2.0 wants it: "Tue, 11 Oct 2022 13:30:00 +0200".
std::string Rfc822(const content::OffsetDateTime& t);

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_XML_TEXT_H_
