#include "content/document.h"

#include "base/decimal.h"

namespace portalgen::content {

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kBrief: return "brief";
    case Kind::kEvent: return "event";
    case Kind::kMember: return "member";
    case Kind::kPage: break;
  }
  return "page";
}

std::optional<Kind> KindFromName(std::string_view name) {
  for (Kind kind : {Kind::kPage, Kind::kBrief, Kind::kEvent, Kind::kMember}) {
    if (name == KindName(kind)) return kind;
  }
  return std::nullopt;
}

const char* SectionName(Kind kind) {
  switch (kind) {
    case Kind::kBrief: return "briefs";
    case Kind::kEvent: return "events";
    case Kind::kMember: return "members";
    case Kind::kPage: break;
  }
  return "";
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

int64_t OffsetDateTime::UnixSeconds() const {
  return DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
         static_cast<int64_t>(offset_minutes) * 60;
}

void OffsetDateTime::AppendLocal(std::string* out) const {
  // "%04d-%02d-%02dT%02d:%02d:%02d", without printf.
  AppendPadded(year, 4, out);
  *out += '-';
  AppendPadded(month, 2, out);
  *out += '-';
  AppendPadded(day, 2, out);
  *out += 'T';
  AppendPadded(hour, 2, out);
  *out += ':';
  AppendPadded(minute, 2, out);
  *out += ':';
  AppendPadded(second, 2, out);
}

std::string OffsetDateTime::Iso8601() const {
  std::string out;
  out.reserve(25);
  AppendLocal(&out);
  AppendUtcOffset(offset_minutes, &out);
  return out;
}

std::string_view Head(const Document& doc) {
  if (!doc.source) return {};
  const std::string_view text = doc.source->text();
  return text.substr(0, text.size() - doc.body.size());
}

void KeepOnlyHead(Document& doc, std::string head) {
  doc.source = std::make_shared<const SourceText>(doc.source_path, std::move(head));
  doc.body = doc.source->text().substr(doc.source->text().size());
}

std::optional<PartialDate> SortDate(const Document& doc) {
  if (doc.kind == Kind::kBrief) return doc.brief.date;
  if (doc.kind == Kind::kEvent) {
    return PartialDate{doc.event.start.year, doc.event.start.month, doc.event.start.day};
  }
  return std::nullopt;
}

}  // namespace portalgen::content
