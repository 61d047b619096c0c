#include "base/source_map.h"

#include <algorithm>
#include <utility>

#include "base/utf8.h"

namespace portalgen {

SourceText::SourceText(std::string path, std::string text) : path_(std::move(path)) {
  auto owned = std::make_shared<const std::string>(std::move(text));
  text_ = *owned;
  keeper_ = std::move(owned);
  IndexLines();
}

SourceText::SourceText(std::string path, KeptText text)
    : path_(std::move(path)), text_(text.text), keeper_(std::move(text.keeper)) {
  IndexLines();
}

void SourceText::IndexLines() {
  const std::string_view all(text_);
  // Counted first (find() is memchr): one allocation instead of a dozen doublings, for the
  // ~150 lines of a document.
  size_t lines = 1;
  for (size_t i = all.find('\n'); i != std::string_view::npos; i = all.find('\n', i + 1)) ++lines;
  line_starts_.reserve(lines);
  line_starts_.push_back(0);
  for (size_t i = all.find('\n'); i != std::string_view::npos; i = all.find('\n', i + 1)) {
    line_starts_.push_back(i + 1);
  }
}

LineCol SourceText::Locate(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  const size_t start = line_starts_[line_index];
  const auto col = Utf8Length(text_.substr(start, offset - start));
  return {static_cast<int>(line_index) + 1, static_cast<int>(col) + 1};
}

std::string_view SourceText::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  const size_t start = line_starts_[line - 1];
  size_t end = line < line_count() ? line_starts_[line] : text_.size();
  std::string_view view = text_;
  view = view.substr(start, end - start);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
  return view;
}

Diagnostic SourceText::MakeError(int line, int col, std::string message, std::string hint) const {
  return {Diagnostic::Severity::kError, path_, line, col, std::move(message), std::move(hint),
          std::string(Line(line))};
}

Diagnostic SourceText::MakeWarning(int line, int col, std::string message,
                                   std::string hint) const {
  Diagnostic d = MakeError(line, col, std::move(message), std::move(hint));
  d.severity = Diagnostic::Severity::kWarning;
  return d;
}

std::optional<std::string> NormalizeText(const std::string& path, std::string_view bytes,
                                         DiagnosticSink& sink) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const size_t bad = FindInvalidUtf8(bytes);
  if (bad != std::string_view::npos) {
    // Quote the line up to the bad byte only: the rest may not print.
    std::string text(bytes.substr(0, bad));
    SourceText partial(path, text);
    LineCol at = partial.Locate(bad);
    Diagnostic d = partial.MakeError(
        at.line, at.col, "invalid UTF-8 (byte 0x" + [&] {
          static const char* kHex = "0123456789ABCDEF";
          const auto b = static_cast<unsigned char>(bytes[bad]);
          return std::string{kHex[b >> 4], kHex[b & 15]};
        }() + ")",
        "save the file as UTF-8 in your editor");
    sink.Add(std::move(d));
    return std::nullopt;
  }
  // Copies the runs between CRLFs whole, each CRLF's '\n' starting the next run.
  std::string out;
  out.reserve(bytes.size());
  size_t run = 0;
  for (size_t cr = bytes.find("\r\n"); cr != std::string_view::npos;
       cr = bytes.find("\r\n", cr + 2)) {
    out.append(bytes.substr(run, cr - run));
    run = cr + 1;
  }
  out.append(bytes.substr(run));
  return out;
}

std::optional<std::string> NormalizeOwnedText(const std::string& path, std::string bytes,
                                              DiagnosticSink& sink) {
  const std::string_view view(bytes);
  if (view.starts_with("\xEF\xBB\xBF") || view.find("\r\n") != std::string_view::npos ||
      FindInvalidUtf8(view) != std::string_view::npos) {
    return NormalizeText(path, view, sink);
  }
  return std::optional<std::string>(std::move(bytes));
}

}  // namespace portalgen
