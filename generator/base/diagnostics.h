// Diagnostics: every problem found in a run, with where it is and how to fix it.
// Stages append to a DiagnosticSink; only main prints (ninja's Lexer::Error, Hugo's FileError).
#ifndef PORTALGEN_BASE_DIAGNOSTICS_H_
#define PORTALGEN_BASE_DIAGNOSTICS_H_

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace portalgen {

struct Diagnostic {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  std::string path;         // relative to the site root
  int line = 0;             // 1-based; 0 when unknown
  int col = 0;              // 1-based, in characters; 0 when unknown
  std::string message;      // "unknown member 'unocd'"
  std::string hint;         // "did you mean 'unodc'?" (appended in parentheses)
  std::string source_line;  // the text of `line`, for the caret display
  bool operator==(const Diagnostic&) const = default;
};

/// Sorts by file, line, column and message; diagnostics equal in those keep their order.
void SortDiagnostics(std::vector<Diagnostic>& diagnostics);

/// Collects diagnostics from any thread.
class DiagnosticSink {
 public:
  void Add(Diagnostic d);
  void Error(std::string path, int line, int col, std::string message, std::string hint = {});
  void Warning(std::string path, int line, int col, std::string message, std::string hint = {});
  void Append(const DiagnosticSink& other);

  bool has_errors() const;
  int error_count() const;
  int warning_count() const;
  /// All diagnostics sorted by path, line, column, then message (deterministic output).
  std::vector<Diagnostic> Sorted() const;

 private:
  mutable std::mutex mu_;
  std::vector<Diagnostic> items_;
};

/// A FileSystem failure "<dir>/<rest>: <reason>" as an error at "<shown_dir>/<rest>" saying
/// <reason> (the machine's path to the site left out); at `shown_dir`, saying the whole message,
/// when it names nothing below `dir`.
Diagnostic FileSystemError(const Status& status, const std::string& dir,
                           const std::string& shown_dir, std::string hint = {});

/// "path:line:col: error: message (hint)\n<source line>\n<caret>\n".
std::string FormatDiagnostic(const Diagnostic& d);

/// Formats all diagnostics and a closing summary line ("2 errors, 1 warning").
std::string FormatDiagnostics(const std::vector<Diagnostic>& ds);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_DIAGNOSTICS_H_
