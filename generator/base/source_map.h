// SourceText: a file's text plus its line index, to turn byte offsets into line:col
// and to quote a line under a diagnostic.
#ifndef PORTALGEN_BASE_SOURCE_MAP_H_
#define PORTALGEN_BASE_SOURCE_MAP_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/text_blocks.h"

namespace portalgen {

struct LineCol {
  int line = 0;  // 1-based
  int col = 0;   // 1-based, in code points
};

class SourceText {
 public:
  SourceText() = default;
  SourceText(std::string path, std::string text);
  /// A text kept elsewhere (TextBlocks), which this SourceText keeps alive.
  SourceText(std::string path, KeptText text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

  /// Line and column of byte `offset` (clamped to the text).
  LineCol Locate(size_t offset) const;
  /// Text of 1-based `line` without its line end; "" when out of range.
  std::string_view Line(int line) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }

  /// A diagnostic at line:col of this file, with the source line filled in.
  Diagnostic MakeError(int line, int col, std::string message, std::string hint = {}) const;
  Diagnostic MakeWarning(int line, int col, std::string message, std::string hint = {}) const;

 private:
  void IndexLines();

  std::string path_;
  std::string_view text_;  // in *keeper_: copies of a SourceText share it
  std::shared_ptr<const void> keeper_;
  std::vector<size_t> line_starts_;
};

/// Normalises raw file bytes for parsing: drops a UTF-8 BOM, turns CRLF into LF.
/// Returns nullopt (with a diagnostic at the first bad byte) when they are not valid UTF-8.
std::optional<std::string> NormalizeText(const std::string& path, std::string_view bytes,
                                         DiagnosticSink& sink);
/// NormalizeText() of bytes the caller gives up: returned as they are, without a copy, when
/// there is nothing to normalise (no BOM, no CRLF), as in almost every file.
std::optional<std::string> NormalizeOwnedText(const std::string& path, std::string bytes,
                                              DiagnosticSink& sink);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_SOURCE_MAP_H_
