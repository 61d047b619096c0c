#include "check/locate.h"

namespace portalgen::check {

namespace {

// Offset of the first occurrence at or after `from` of `text` preceded by one of `before`.
size_t FindAfter(std::string_view body, std::string_view text, size_t from,
                 std::string_view before) {
  for (size_t at = body.find(text, from); at != std::string_view::npos;
       at = body.find(text, at + 1)) {
    if (before.empty() || (at > 0 && before.find(body[at - 1]) != std::string_view::npos)) {
      return at;
    }
  }
  return std::string_view::npos;
}

}  // namespace

LineCol BodyLocator::Next(std::string_view destination) {
  const std::string_view body = doc_.body;
  const size_t body_start = content::Head(doc_).size();
  if (destination.empty()) return {doc_.body_line, 1};
  // A later pass from the start finds links that reference definitions place out of order.
  for (size_t from : {cursor_, size_t{0}}) {
    for (std::string_view before : {"(<", " :", ""}) {
      const size_t at = FindAfter(body, destination, from, before);
      if (at == std::string_view::npos) continue;
      cursor_ = at + destination.size();
      return doc_.source->Locate(body_start + at);
    }
  }
  return {doc_.body_line, 1};
}

LineCol LocateKey(const content::Document& doc, std::string_view key) {
  const std::string_view text = doc.source->text();
  const size_t front_end = content::Head(doc).size();
  for (size_t at = text.find(key); at != std::string::npos && at < front_end;
       at = text.find(key, at + 1)) {
    const bool line_start = at == 0 || text[at - 1] == '\n';
    const size_t after = text.find_first_not_of(" \t", at + key.size());
    if (line_start && after != std::string::npos && text[after] == '=') {
      return doc.source->Locate(at);
    }
  }
  return {0, 0};
}

Diagnostic DiagnosticAt(const content::Document& doc, LineCol at, Diagnostic::Severity severity,
                        std::string message, std::string hint) {
  if (at.line == 0) {
    return {severity, doc.source_path, 0, 0, std::move(message), std::move(hint), {}};
  }
  return severity == Diagnostic::Severity::kError
             ? doc.source->MakeError(at.line, at.col, std::move(message), std::move(hint))
             : doc.source->MakeWarning(at.line, at.col, std::move(message), std::move(hint));
}

}  // namespace portalgen::check
