// The typed content model: one Document per content file (see docs/content.md).
#ifndef PORTALGEN_CONTENT_DOCUMENT_H_
#define PORTALGEN_CONTENT_DOCUMENT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_map.h"
#include "markdown/markdown.h"

namespace portalgen::content {

enum class Kind { kPage, kBrief, kEvent, kMember };

/// "page", "brief", "event", "member".
const char* KindName(Kind kind);
/// The kind KindName() names `name`, or nullopt (the prefix of a wiki link, "member:iom").
std::optional<Kind> KindFromName(std::string_view name);
/// "" for pages, else "briefs", "events", "members".
const char* SectionName(Kind kind);

/// A value from front matter with where it was written, for later diagnostics.
template <typename T>
struct Located {
  T value{};
  int line = 0;
  int col = 0;
};
using Ref = Located<std::string>;

/// A publication date that may be known only to the year or the month.
struct PartialDate {
  int year = 0;
  int month = 0;  // 0: unknown
  int day = 0;    // 0: unknown
  auto operator<=>(const PartialDate&) const = default;
};

/// A TOML offset date-time, as written.
struct OffsetDateTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // east of UTC
  /// Seconds since 1970-01-01T00:00:00Z.
  int64_t UnixSeconds() const;
  /// "2022-10-11T13:30:00+02:00".
  std::string Iso8601() const;
  /// Appends the date and time without the offset: "2022-10-11T13:30:00".
  void AppendLocal(std::string* out) const;
};

struct Speaker {
  std::string name;
  std::string role;
  std::string position;
  std::string organization;
  Ref member;  // empty value: no member
  int line = 0;
};

struct AgendaItem {
  std::string start, end;  // "HH:MM"
  std::string title;
  std::vector<Ref> speakers;
  int line = 0;
};

struct BriefData {
  std::string kind;  // issue-brief, call-to-action, ...
  std::optional<int> number;
  std::optional<PartialDate> date;  // nullopt when undated
  std::vector<Ref> members;
  std::string document;
};

struct EventData {
  OffsetDateTime start;
  std::optional<OffsetDateTime> end;
  std::string timezone, venue, city, format, series, registration, contact;
  std::vector<Ref> members;
  std::vector<std::string> other_organizers;
  std::vector<Ref> briefs;
  std::vector<std::string> languages;
  std::vector<Speaker> speakers;
  std::vector<AgendaItem> agenda;
  // Where `start`, `end` and `timezone` were written, for checks after validation (time zones).
  int start_line = 0, start_col = 0, end_line = 0, end_col = 0;
  int timezone_line = 0, timezone_col = 0;
};

struct MemberData {
  std::string acronym;
  std::string status;  // member | partner
  std::optional<int> joined;
  std::string website;
  std::vector<int> chairs;
};

struct Document {
  Kind kind = Kind::kPage;
  std::string slug;
  std::string source_path;  // "content/briefs/x.md"
  std::shared_ptr<const SourceText> source;

  std::string title;
  std::string summary;  // as written; the view falls back to the first paragraph
  bool draft = false;
  std::vector<Ref> topics;
  std::vector<Located<int>> priorities;
  std::vector<Ref> aliases;

  std::string_view body;  // the tail of source->text(), which `source` keeps alive
  int body_line = 1;  // line of the body's first line in the file

  BriefData brief;
  EventData event;
  MemberData member;

  // Filled by the Markdown stage. Outputs read it through content::BodyHtml(), FirstParagraph()
  // and PlainText() (content/body_reads.h), which record what each output file depends on.
  markdown::Rendered rendered;
  /// rendered.plain_text was freed once the build had no more use for it
  /// (build::ReleasePlainTexts): reading it now would be a bug.
  bool plain_text_released = false;

  /// The file exists but its front matter could not be read. It stays in the library so that
  /// references to it do not add misleading "unknown" errors; the build fails anyway.
  bool broken = false;
};

/// The file's bytes before its body: the front matter and its fences ("" without a source).
/// Its size is where the body starts in the file.
std::string_view Head(const Document& doc);

/// Keeps of `doc`'s source only `head`, the bytes before its body, and makes the body empty:
/// what diagnostics about front matter and a comparison of front matter need. Documents of the
/// library cache are made so, and a build's documents once their body is rendered.
void KeepOnlyHead(Document& doc, std::string head);

/// The date a document sorts and is dated by: publication date, event start day, or none.
std::optional<PartialDate> SortDate(const Document& doc);

}  // namespace portalgen::content

#endif  // PORTALGEN_CONTENT_DOCUMENT_H_
