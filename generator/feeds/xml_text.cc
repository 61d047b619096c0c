#include "feeds/xml_text.h"

#include <algorithm>
#include <cstdio>

#include "base/ascii_scan.h"
#include "base/utf8.h"
#include "view/format.h"

namespace portalgen::feeds {

namespace {

// True for the UTF-8 sequence at `s` (of `len` bytes) that XML 1.0 does not allow.
bool IsForbiddenInXml(std::string_view s, size_t len) {
  const auto c = static_cast<unsigned char>(s[0]);
  if (len == 1) return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  // U+FFFE and U+FFFF are EF BF BE / EF BF BF.
  return len == 3 && c == 0xEF && static_cast<unsigned char>(s[1]) == 0xBF &&
         static_cast<unsigned char>(s[2]) >= 0xBE;
}

// Appends `text` to `out`: runs of plain ASCII without `Specials` whole, characters XML 1.0
// forbids not at all, and every other character through `append(seq, rest)`, where `rest` is
// the text after it.
template <char... Specials, typename Append>
void AppendXmlText(std::string_view text, std::string& out, Append append) {
  for (size_t i = 0; i < text.size();) {
    const size_t plain = SkipPlainAscii<Specials...>(text, i);
    out.append(text, i, plain - i);
    i = plain;
    if (i == text.size()) break;
    const size_t len = std::min<size_t>(Utf8SequenceLength(text[i]), text.size() - i);
    const std::string_view seq = text.substr(i, len);
    i += len;
    if (!IsForbiddenInXml(seq, len)) append(seq, text.substr(i));
  }
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendXmlText<'&', '<', '>', '"'>(text, out, [&out](std::string_view seq, std::string_view) {
    switch (seq[0]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += seq;
    }
  });
  return out;
}

void AppendXmlCdata(std::string_view text, std::string& out) {
  out += "<![CDATA[";
  AppendXmlText<']'>(text, out, [&out](std::string_view seq, std::string_view rest) {
    out += seq;
    // "]]>" would end the section: end it between the brackets and start another.
    if (seq == "]" && rest.starts_with("]>")) out += "]]><![CDATA[";
  });
  out += "]]>";
}

std::string Rfc3339(const content::OffsetDateTime& t) {
  return t.offset_minutes == 0 ? view::IsoUtc(t) : t.Iso8601();
}

std::string Rfc822(const content::OffsetDateTime& t) {
  static const char* const kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  // The weekday of the local date: whole days since 1970-01-01 (a Thursday) in local time.
  const int64_t local = t.UnixSeconds() + static_cast<int64_t>(t.offset_minutes) * 60;
  const int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  const int weekday = static_cast<int>(((days % 7) + 7) % 7);
  const int off = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d", kDays[weekday],
                t.day, kMonths[(t.month + 11) % 12], t.year, t.hour, t.minute, t.second,
                t.offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

}  // namespace portalgen::feeds
