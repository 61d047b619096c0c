// `check`: what a build validates, plus links, anchors, files, alt text, summaries and orphan
// pages, over a site generated in memory. Nothing is written.
#ifndef PORTALGEN_CHECK_CHECK_H_
#define PORTALGEN_CHECK_CHECK_H_

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "build/pipeline.h"
#include "check/site_index.h"

namespace portalgen::check {

/// Longer front matter summaries give a warning: cards, feeds and search results show them whole.
constexpr size_t kMaxSummaryLength = 300;

/// A link to a URL outside the site, with the place it was first seen (for --external).
struct ExternalRef {
  std::string url;
  Diagnostic where;  // severity and message unused
};

/// Runs every check below on `site`, adding errors and warnings to `sink`. Returns the
/// http(s) URLs outside the site, each once, in the order first seen.
std::vector<ExternalRef> CheckSite(const build::GeneratedSite& site, DiagnosticSink& sink);

/// Links and #anchors in Markdown bodies, reported at their place in the content file;
/// images without alt text.
void CheckBodies(const index::Library& lib, const SiteIndex& index, DiagnosticSink& sink,
                 std::vector<ExternalRef>& external);

/// Links and #anchors in every rendered HTML page except those already reported in a body,
/// one diagnostic per distinct problem; pages no other page links to (warnings).
void CheckPages(const index::Library& lib, const SiteIndex& index, DiagnosticSink& sink,
                std::vector<ExternalRef>& external);

/// Front matter values that point outside the body: summary length, brief `document`.
void CheckFrontMatter(const index::Library& lib, const SiteIndex& index, DiagnosticSink& sink);

}  // namespace portalgen::check

#endif  // PORTALGEN_CHECK_CHECK_H_
