#include "base/diagnostics.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "base/utf8.h"

namespace portalgen {

void DiagnosticSink::Add(Diagnostic d) {
  std::lock_guard<std::mutex> lock(mu_);
  items_.push_back(std::move(d));
}

void DiagnosticSink::Error(std::string path, int line, int col, std::string message,
                           std::string hint) {
  Add({Diagnostic::Severity::kError, std::move(path), line, col, std::move(message),
       std::move(hint), {}});
}

void DiagnosticSink::Warning(std::string path, int line, int col, std::string message,
                             std::string hint) {
  Add({Diagnostic::Severity::kWarning, std::move(path), line, col, std::move(message),
       std::move(hint), {}});
}

void DiagnosticSink::Append(const DiagnosticSink& other) {
  std::vector<Diagnostic> copy;
  {
    std::lock_guard<std::mutex> lock(other.mu_);
    copy = other.items_;
  }
  std::lock_guard<std::mutex> lock(mu_);
  items_.insert(items_.end(), copy.begin(), copy.end());
}

bool DiagnosticSink::has_errors() const { return error_count() > 0; }

int DiagnosticSink::error_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::kError;
  }));
}

int DiagnosticSink::warning_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(items_.size()) - static_cast<int>(std::count_if(
      items_.begin(), items_.end(),
      [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::kError; }));
}

void SortDiagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.path, a.line, a.col, a.message) <
                            std::tie(b.path, b.line, b.col, b.message);
                   });
}

std::vector<Diagnostic> DiagnosticSink::Sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard<std::mutex> lock(mu_);
    out = items_;
  }
  SortDiagnostics(out);
  return out;
}

namespace {

// `text` with the control characters a terminal would act on (ESC sequences, CR, NUL...)
// shown as U+FFFD: file names and front matter values reach diagnostics as they were written.
std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const CodePoint c = DecodeUtf8(text.substr(i));
    const bool control = (c.value < 0x20 && c.value != '\t' && c.value != '\n') ||
                         (c.value >= 0x7F && c.value <= 0x9F);
    if (control) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text, i, c.length);
    }
    i += c.length;
  }
  return out;
}

// The part of `line` to quote, and the column of `col` in it: a line longer than
// kMaxQuoted characters (a 100 000-bracket TOML value) is cut to a window around `col`,
// with "..." where it was cut.
constexpr int kMaxQuoted = 500;

std::pair<std::string, int> QuotedLine(std::string_view line, int col) {
  std::vector<size_t> starts;  // byte offset of every character
  for (size_t i = 0; i < line.size(); i += DecodeUtf8(line.substr(i)).length) starts.push_back(i);
  const int length = static_cast<int>(starts.size());
  if (length <= kMaxQuoted) return {std::string(line), col};
  const int first = std::clamp(col - kMaxQuoted / 2, 1, length - kMaxQuoted + 1);  // 1-based
  const int last = first + kMaxQuoted - 1;
  std::string out = first > 1 ? "..." : "";
  const size_t end = last < length ? starts[last] : line.size();
  out.append(line.substr(starts[first - 1], end - starts[first - 1]));
  if (last < length) out += "...";
  return {out, col - first + 1 + (first > 1 ? 3 : 0)};
}

// The caret sits under column `col`; tabs in the source line are kept so it lines up.
std::string CaretLine(const std::string& source_line, int col) {
  std::string caret;
  int index = 1;
  size_t i = 0;
  while (index < col && i < source_line.size()) {
    caret += source_line[i] == '\t' ? '\t' : ' ';
    i += Utf8SequenceLength(static_cast<unsigned char>(source_line[i]));
    ++index;
  }
  return caret + "^";
}

}  // namespace

Diagnostic FileSystemError(const Status& status, const std::string& dir,
                           const std::string& shown_dir, std::string hint) {
  const std::string& message = status.message();
  Diagnostic d;
  d.path = shown_dir;
  d.message = message;
  d.hint = std::move(hint);
  const std::string prefix = dir + "/";
  const size_t colon = message.find(": ", prefix.size());
  if (message.compare(0, prefix.size(), prefix) == 0 && colon != std::string::npos) {
    d.path = shown_dir + "/" + message.substr(prefix.size(), colon - prefix.size());
    d.message = message.substr(colon + 2);
  }
  return d;
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.path.empty() ? "portalgen" : Printable(d.path);
  if (d.line > 0) {
    out += ":" + std::to_string(d.line);
    if (d.col > 0) out += ":" + std::to_string(d.col);
  }
  out += d.severity == Diagnostic::Severity::kError ? ": error: " : ": warning: ";
  out += Printable(d.message);
  if (!d.hint.empty()) out += " (" + Printable(d.hint) + ")";
  out += "\n";
  if (d.line > 0 && !d.source_line.empty()) {
    const auto [line, col] = QuotedLine(Printable(d.source_line), d.col);
    out += line + "\n";
    if (d.col > 0) out += CaretLine(line, col) + "\n";
  }
  return out;
}

std::string FormatDiagnostics(const std::vector<Diagnostic>& ds) {
  std::string out;
  int errors = 0, warnings = 0;
  for (const Diagnostic& d : ds) {
    out += FormatDiagnostic(d);
    (d.severity == Diagnostic::Severity::kError ? errors : warnings)++;
  }
  if (errors + warnings == 0) return out;
  auto plural = [](int n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  out += plural(errors, "error") + ", " + plural(warnings, "warning") + "\n";
  return out;
}

}  // namespace portalgen
