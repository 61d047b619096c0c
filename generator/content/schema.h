// Front matter -> typed Document, checked against the content model (docs/content.md).
// Every problem becomes a diagnostic at the value's line and column.
#ifndef PORTALGEN_CONTENT_SCHEMA_H_
#define PORTALGEN_CONTENT_SCHEMA_H_

#include <memory>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/source_map.h"
#include "base/toml_reader.h"
#include "content/document.h"

namespace portalgen::content {

/// Brief kinds, in the order the docs list them.
const std::vector<std::string>& BriefKinds();

/// Validates one file's front matter. Problems are reported to `sink` and leave defaults in
/// place, so that one run reports every problem of every file; a file whose front matter
/// cannot be read at all comes back with `broken` set.
Document ParseDocument(Kind kind, std::string slug,
                                      std::shared_ptr<const SourceText> source,
                                      DiagnosticSink& sink);

// Per-kind readers (schema_<kind>.cc); each warns about unknown keys itself.
void ReadBrief(tomlx::Reader& r, Document& doc);
void ReadEvent(tomlx::Reader& r, Document& doc, DiagnosticSink& sink);
void ReadMember(tomlx::Reader& r, Document& doc);
/// Fields every kind has (title, summary, draft, topics, priorities, aliases, slug).
void ReadCommon(tomlx::Reader& r, Document& doc);
/// Keys ReadCommon understands, for unknown-key warnings.
const std::vector<std::string>& CommonKeys();
/// Reads a URL field (website, registration, document). A javascript:, vbscript: or data: URL
/// is an error, and reads as "".
std::string ReadUrl(tomlx::Reader& r, std::string_view key);
/// Reads an array of slugs (members = [...]) keeping each one's position.
std::vector<Ref> ReadRefs(tomlx::Reader& r, std::string_view key);

}  // namespace portalgen::content

#endif  // PORTALGEN_CONTENT_SCHEMA_H_
