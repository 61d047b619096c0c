// Where in a content file a value was written: `check` finds link destinations and front
// matter keys again in the source text, since md4c's callbacks carry no positions.
#ifndef PORTALGEN_CHECK_LOCATE_H_
#define PORTALGEN_CHECK_LOCATE_H_

#include <string_view>

#include "base/source_map.h"
#include "content/document.h"

namespace portalgen::check {

/// Finds destinations in a document's body in order: each search starts where the last one
/// ended, so the second of two equal links is found at its own place.
class BodyLocator {
 public:
  explicit BodyLocator(const content::Document& doc) : doc_(doc) {}
  /// Line and column of `destination` as written in the body (preferring "(dest" and
  /// "<dest" over bare text); the body's first line when it cannot be found.
  LineCol Next(std::string_view destination);

 private:
  const content::Document& doc_;
  size_t cursor_ = 0;
};

/// Line and column of front matter key `key` ("summary = ..."), or {0, 0} when absent.
LineCol LocateKey(const content::Document& doc, std::string_view key);

/// A diagnostic at `at` in the document's file, with its source line for the caret.
Diagnostic DiagnosticAt(const content::Document& doc, LineCol at, Diagnostic::Severity severity,
                        std::string message, std::string hint);

}  // namespace portalgen::check

#endif  // PORTALGEN_CHECK_LOCATE_H_
