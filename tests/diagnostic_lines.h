// The first line of each diagnostic as the user sees it ("path:line:col: error: message
// (hint)"), for tests that assert exact diagnostics. Header-only.
#ifndef PORTALGEN_TESTS_DIAGNOSTIC_LINES_H_
#define PORTALGEN_TESTS_DIAGNOSTIC_LINES_H_

#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace portalgen::testing {

inline std::vector<std::string> FirstLines(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    const std::string text = FormatDiagnostic(d);
    out.push_back(text.substr(0, text.find('\n')));
  }
  return out;
}

inline std::vector<std::string> FirstLines(const DiagnosticSink& sink) {
  return FirstLines(sink.Sorted());
}

}  // namespace portalgen::testing

#endif  // PORTALGEN_TESTS_DIAGNOSTIC_LINES_H_
