// Splits a content file into its `+++` TOML front matter and its Markdown body.
#ifndef PORTALGEN_CONTENT_FRONT_MATTER_H_
#define PORTALGEN_CONTENT_FRONT_MATTER_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/source_map.h"

namespace portalgen::content {

struct SplitFile {
  std::string_view front_matter;  // the TOML between the fences
  int front_matter_line = 2;      // file line of its first line
  std::string_view body;
  int body_line = 1;  // file line of the body's first line
};

/// Splits `file` (normalised text). Errors: empty file, no opening fence, no closing fence.
std::optional<SplitFile> SplitFrontMatter(const SourceText& file, DiagnosticSink& sink);

}  // namespace portalgen::content

#endif  // PORTALGEN_CONTENT_FRONT_MATTER_H_
