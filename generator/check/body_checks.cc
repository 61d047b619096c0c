// Body checks: every link, #anchor and image in a document's Markdown, at its place in the file.
#include "check/check.h"
#include "check/locate.h"

namespace portalgen::check {

namespace {

using Severity = Diagnostic::Severity;

bool IsHttpUrl(std::string_view url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

void CheckBodyLinks(const content::Document& doc, const std::string& page_path,
                    const SiteIndex& index, DiagnosticSink& sink,
                    std::vector<ExternalRef>& external) {
  BodyLocator locator(doc);
  for (const std::string& href : doc.rendered.links) {
    const LineCol at = locator.Next(href);
    LinkProblem problem;
    const std::optional<InternalLink> link = index.Internal(href, page_path, &problem);
    if (!link && problem.message.empty()) {
      if (IsHttpUrl(href)) {
        external.push_back({href, DiagnosticAt(doc, at, Severity::kError, "", "")});
      }
      continue;
    }
    if (link) {
      std::optional<LinkProblem> bad = index.Check(href, *link, page_path);
      if (!bad) continue;
      problem = std::move(*bad);
    }
    sink.Add(DiagnosticAt(doc, at, Severity::kError, problem.message, problem.hint));
  }
}

// md4c writes alt="" for ![](x.png): screen readers then skip the image, or read its file name.
void CheckImageAlt(const content::Document& doc, DiagnosticSink& sink) {
  BodyLocator locator(doc);
  for (const HtmlTag& tag : ScanTags(doc.rendered.html)) {
    if (tag.name != "img") continue;
    const std::string* src = tag.Find("src");
    const std::string* alt = tag.Find("alt");
    if (!src) continue;
    const LineCol at = locator.Next(*src);
    if (alt && alt->find_first_not_of(" \t\n") != std::string::npos) continue;
    sink.Add(DiagnosticAt(doc, at, Severity::kError, "image '" + *src + "' has no alt text",
                          "describe it: ![what it shows](" + *src + ")"));
  }
}

}  // namespace

void CheckBodies(const index::Library& lib, const SiteIndex& index, DiagnosticSink& sink,
                 std::vector<ExternalRef>& external) {
  for (index::DocId id = 0; id < lib.docs.size(); ++id) {
    const content::Document& doc = lib.docs[id];
    if (doc.broken || !doc.source) continue;
    CheckBodyLinks(doc, lib.PathOf(id), index, sink, external);
    CheckImageAlt(doc, sink);
  }
}

}  // namespace portalgen::check
