// Page checks: links and #anchors in the rendered HTML (mostly from templates), and orphans.
#include <map>
#include <set>

#include "base/paths.h"
#include "check/check.h"
#include "markdown/html_escape.h"

namespace portalgen::check {

namespace {

// A problem found on the rendered pages, counted so that a broken link in a shared partial
// gives one diagnostic, not one per page.
struct PageProblem {
  std::set<std::string> files;  // sorted: the first one is reported
  LinkProblem problem;
};

// Attributes that load or link to another resource.
const std::string* LinkAttribute(const HtmlTag& tag) {
  if (tag.name == "a" || tag.name == "link" || tag.name == "area") return tag.Find("href");
  if (tag.name == "img" || tag.name == "script" || tag.name == "iframe" || tag.name == "source" ||
      tag.name == "audio" || tag.name == "video") {
    return tag.Find("src");
  }
  return nullptr;
}

// Body links as they appear in the HTML of their document's page: already reported at their
// place in the content file, so the page scan skips them.
std::map<std::string, std::set<std::string>> BodyLinksByPage(const index::Library& lib) {
  std::map<std::string, std::set<std::string>> by_file;
  for (index::DocId id = 0; id < lib.docs.size(); ++id) {
    std::set<std::string>& links = by_file[OutputFileFor(lib.PathOf(id))];
    for (const std::string& href : lib.docs[id].rendered.links) {
      links.insert(href);
      links.insert(markdown::EscapeUrl(href));
    }
  }
  return by_file;
}

bool IsRedirect(const std::vector<HtmlTag>& tags) {
  for (const HtmlTag& tag : tags) {
    const std::string* equiv = tag.Find("http-equiv");
    if (tag.name == "meta" && equiv && (*equiv == "refresh" || *equiv == "Refresh")) return true;
  }
  return false;
}

void ReportOrphans(const index::Library& lib, const SiteIndex& index,
                   const std::set<std::string>& linked, DiagnosticSink& sink) {
  std::map<std::string, const content::Document*> doc_of_file;
  for (index::DocId id = 0; id < lib.docs.size(); ++id) {
    doc_of_file[OutputFileFor(lib.PathOf(id))] = &lib.docs[id];
  }
  for (const std::string& file : index.Pages()) {
    if (file == "index.html" || file == "404.html" || linked.count(file) ||
        IsRedirect(index.TagsOf(file))) {
      continue;
    }
    auto doc = doc_of_file.find(file);
    sink.Warning(doc == doc_of_file.end() ? file : doc->second->source_path, 0, 0,
                 "page '" + index.base_path() + SitePathOf(file).substr(1) +
                     "' is not linked from any other page",
                 "link to it from a page or the navigation, or make it a draft");
  }
}

}  // namespace

void CheckPages(const index::Library& lib, const SiteIndex& index, DiagnosticSink& sink,
                std::vector<ExternalRef>& external) {
  const std::map<std::string, std::set<std::string>> body_links = BodyLinksByPage(lib);
  std::map<std::string, PageProblem> problems;  // by message: sorted, so deterministic
  std::set<std::string> linked;
  for (const std::string& file : index.Pages()) {
    const std::string page_path = SitePathOf(file);
    auto own = body_links.find(file);
    for (const HtmlTag& tag : index.TagsOf(file)) {
      const std::string* href = LinkAttribute(tag);
      if (!href || (own != body_links.end() && own->second.count(*href))) continue;
      LinkProblem problem;
      const std::optional<InternalLink> link = index.Internal(*href, page_path, &problem);
      if (link) {
        std::optional<LinkProblem> bad = index.Check(*href, *link, page_path);
        if (!bad) {
          const std::optional<std::string> target =
              index.FileFor(link->site_path.empty() ? page_path : link->site_path);
          if (target && *target != file) linked.insert(*target);
          continue;
        }
        problem = std::move(*bad);
      } else if (problem.message.empty()) {
        if (href->rfind("http://", 0) == 0 || href->rfind("https://", 0) == 0) {
          external.push_back({*href, {Diagnostic::Severity::kError, file, 0, 0, {}, {}, {}}});
        }
        continue;
      }
      PageProblem& p = problems[problem.message + "\n" + problem.hint];
      p.files.insert(file);
      p.problem = std::move(problem);
    }
  }
  for (auto& [key, p] : problems) {
    std::string message = p.problem.message + " in the rendered page";
    if (p.files.size() > 1) message += " (and " + std::to_string(p.files.size() - 1) + " more)";
    sink.Error(*p.files.begin(), 0, 0, std::move(message), std::move(p.problem.hint));
  }
  ReportOrphans(lib, index, linked, sink);
}

}  // namespace portalgen::check
