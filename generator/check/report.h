// Diagnostics for machines: GitHub Actions workflow annotations and JSON. The text form is
// FormatDiagnostics (base/diagnostics.h).
#ifndef PORTALGEN_CHECK_REPORT_H_
#define PORTALGEN_CHECK_REPORT_H_

#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace portalgen::check {

/// One "::error file=P,line=L,col=C::message (hint)" line per diagnostic ("::warning" for
/// warnings), escaped as GitHub's workflow commands require.
std::string FormatGithub(const std::vector<Diagnostic>& ds);

/// A JSON array of {severity, path, line, col, message, hint}, one object per line.
std::string FormatJson(const std::vector<Diagnostic>& ds);

}  // namespace portalgen::check

#endif  // PORTALGEN_CHECK_REPORT_H_
