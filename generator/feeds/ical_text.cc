#include "feeds/ical_text.h"

#include <algorithm>
#include <cstdio>

#include "base/ascii_scan.h"
#include "base/decimal.h"
#include "base/utf8.h"
#include "content/document.h"
#include "view/format.h"

namespace portalgen::feeds {

std::string IcalText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (true) {
    // Runs of printable ASCII other than \ ; , stay as they are.
    const size_t stop = SkipPlainAscii<'\\', ';', ','>(text, i);
    out.append(text, i, stop - i);
    if (stop == text.size()) break;
    const char c = text[stop];
    i = stop + 1;
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      default:  // a tab or any byte from 0x80 stays; other controls and DEL go
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) break;
        out += c;
    }
  }
  return out;
}

std::string IcalParam(std::string_view text) {
  std::string out;
  bool quote = false;
  for (char c : text) {
    if (c == '"' || (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) continue;
    quote = quote || c == ':' || c == ';' || c == ',';
    out += c;
  }
  return quote ? "\"" + out + "\"" : out;
}

std::string IcalDateTime(int64_t unix_seconds, int offset_seconds, bool utc) {
  const int64_t local = unix_seconds + (utc ? 0 : offset_seconds);
  const int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  // ToUtc turns "day 1 + days of January 1970, plus seconds" into a civil date-time.
  const content::OffsetDateTime t = view::ToUtc(content::OffsetDateTime{
      1970, 1, static_cast<int>(1 + days), 0, 0, static_cast<int>(local - days * 86400), 0});
  std::string out;
  out.reserve(16);
  AppendPadded(t.year, 4, &out);
  AppendPadded(t.month, 2, &out);
  AppendPadded(t.day, 2, &out);
  out += 'T';
  AppendPadded(t.hour, 2, &out);
  AppendPadded(t.minute, 2, &out);
  AppendPadded(t.second, 2, &out);
  if (utc) out += 'Z';
  return out;
}

std::string IcalUtcOffset(int offset_seconds) {
  const int s = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d%02d", offset_seconds < 0 ? '-' : '+', s / 3600,
                s % 3600 / 60);
  std::string out = buf;
  if (s % 60 != 0) {
    std::snprintf(buf, sizeof buf, "%02d", s % 60);
    out += buf;
  }
  return out;
}

std::string ContentLine(std::string_view line) {
  constexpr size_t kMaxOctets = 75;
  std::string out;
  out.reserve(line.size() + line.size() / (kMaxOctets - 1) * 3 + 2);
  size_t room = kMaxOctets;  // octets left on the current physical line
  for (size_t i = 0; i < line.size();) {
    // A run of ASCII that fits goes whole: one octet per character, no fold inside it.
    size_t end = i;
    const size_t limit = std::min(line.size(), i + room);
    while (end < limit && static_cast<unsigned char>(line[end]) < 0x80) ++end;
    if (end > i) {
      out.append(line, i, end - i);
      room -= end - i;
      i = end;
      continue;
    }
    // One character that is not ASCII, or any character when the line is full.
    const size_t len = std::min<size_t>(Utf8SequenceLength(line[i]), line.size() - i);
    if (len > room) {
      out += "\r\n ";
      room = kMaxOctets - 1;  // the leading space counts
    }
    out.append(line, i, len);
    room -= len;
    i += len;
  }
  out += "\r\n";
  return out;
}

}  // namespace portalgen::feeds
