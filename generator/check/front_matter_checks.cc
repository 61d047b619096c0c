// Front matter checks that need the generated site: summary length, brief `document`.
#include <algorithm>
#include <cctype>

#include "base/paths.h"
#include "base/utf8.h"
#include "check/check.h"
#include "check/locate.h"

namespace portalgen::check {

namespace {

using Severity = Diagnostic::Severity;

// "https://host/path": a scheme we link to, a host of letters, digits, '.', '-' and a port,
// and no spaces or quotes anywhere.
bool IsWellFormedHttpUrl(std::string_view url) {
  size_t host_start;
  if (url.rfind("https://", 0) == 0) {
    host_start = 8;
  } else if (url.rfind("http://", 0) == 0) {
    host_start = 7;
  } else {
    return false;
  }
  const size_t host_end = std::min(url.find_first_of("/?#", host_start), url.size());
  if (host_end == host_start) return false;
  for (size_t i = host_start; i < host_end; ++i) {
    const char c = url[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':') {
      return false;
    }
  }
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>') return false;
  }
  return true;
}

void CheckSummary(const content::Document& doc, DiagnosticSink& sink) {
  const size_t length = Utf8Length(doc.summary);
  if (length <= kMaxSummaryLength) return;
  sink.Add(DiagnosticAt(doc, LocateKey(doc, "summary"), Severity::kWarning,
                        "summary is " + std::to_string(length) + " characters long",
                        "keep it under " + std::to_string(kMaxSummaryLength) +
                            ": cards, feeds and search results show it whole"));
}

void CheckDocument(const content::Document& doc, const SiteIndex& index, DiagnosticSink& sink) {
  const std::string& document = doc.brief.document;
  if (document.empty()) return;
  const LineCol at = LocateKey(doc, "document");
  if (document.front() == '/') {
    if (IsSafeSitePath(document) && index.FileFor(document)) return;
    sink.Add(DiagnosticAt(doc, at, Severity::kError,
                          "document '" + document + "' is not a file of the site",
                          "put the file at static" + document));
    return;
  }
  if (IsWellFormedHttpUrl(document)) return;
  sink.Add(DiagnosticAt(doc, at, Severity::kError,
                        "document '" + document + "' is neither a site path nor an http(s) URL",
                        "write '/files/name.pdf' for a file in static/, or a full "
                        "'https://...' address"));
}

}  // namespace

void CheckFrontMatter(const index::Library& lib, const SiteIndex& index, DiagnosticSink& sink) {
  for (const content::Document& doc : lib.docs) {
    if (doc.broken || !doc.source) continue;
    CheckSummary(doc, sink);
    if (doc.kind == content::Kind::kBrief) CheckDocument(doc, index, sink);
  }
}

}  // namespace portalgen::check
