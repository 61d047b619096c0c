#include "build/markdown_stage.h"

#include <thread>

#include "base/hash.h"
#include "base/thread_pool.h"
#include "feeds/search_index.h"
#include "index/cross_refs.h"

namespace portalgen::build {

using content::Kind;

namespace {

// Reports a broken wiki link at its place in the file: "[[" + target in the body.
void ReportBrokenWikiLink(const index::Library& lib, const content::Document& doc,
                          const std::string& target, DiagnosticSink& sink) {
  const size_t in_body = doc.body.find("[[" + target);
  const size_t body_start = content::Head(doc).size();
  const LineCol at = in_body == std::string::npos ? LineCol{doc.body_line, 1}
                                                  : doc.source->Locate(body_start + in_body + 2);
  const size_t colon = target.find(':');
  const std::optional<Kind> kind =
      colon == std::string::npos ? std::nullopt : content::KindFromName(target.substr(0, colon));
  if (!kind) {
    sink.Add(doc.source->MakeError(at.line, at.col, "wiki link '[[" + target + "]]' has no kind",
                                   "write [[member:slug]], [[brief:slug]], [[event:slug]] or "
                                   "[[page:slug]]"));
    return;
  }
  const std::string slug = target.substr(colon + 1);
  sink.Add(doc.source->MakeError(at.line, at.col,
                                 "unknown " + std::string(content::KindName(*kind)) + " '" +
                                     slug + "' in wiki link",
                                 index::SuggestSlug(lib, *kind, slug)));
}

}  // namespace

markdown::WikiResolver MakeWikiResolver(const index::Library& lib,
                                        const config::SiteConfig& config) {
  const std::string base_path = config.base_path();
  return [&lib, base_path](std::string_view target) -> std::optional<markdown::WikiLink> {
    const size_t colon = target.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::optional<Kind> kind = content::KindFromName(target.substr(0, colon));
    if (!kind) return std::nullopt;
    const std::optional<index::DocId> id = lib.Find(*kind, std::string(target.substr(colon + 1)));
    if (!id) return std::nullopt;
    const content::Document& doc = lib.docs[*id];
    markdown::WikiLink link;
    link.target = std::string(target);
    link.href = base_path + lib.PathOf(*id).substr(1);
    link.title = *kind == Kind::kMember && !doc.member.acronym.empty() ? doc.member.acronym
                                                                       : doc.title;
    return link;
  };
}

markdown::Options MarkdownOptions(const index::Library& lib, const config::SiteConfig& config) {
  markdown::Options options;
  options.unsafe = config.markdown_unsafe;
  options.wiki_resolver = MakeWikiResolver(lib, config);
  return options;
}

void RenderBody(const index::Library& lib, const markdown::Options& options,
                content::Document& doc, DiagnosticSink& sink) {
  doc.rendered = markdown::Render(doc.body, options);
  // Only the search index reads the plain text, and only this much of it: keeping all of it
  // for 10,000 documents would cost ~40 MB. The search index uses it as it is.
  doc.rendered.plain_text =
      feeds::CollapseWhitespace(doc.rendered.plain_text, feeds::kSearchTextLimit);
  doc.rendered.plain_text_hash = Hash64(doc.rendered.plain_text);
  // Kept to the end of the build: without the slack of a string grown by doubling (~25 MB of
  // HTML at 10,000 documents), at the cost of one copy.
  doc.rendered.html.shrink_to_fit();
  doc.rendered.plain_text.shrink_to_fit();
  for (const std::string& target : doc.rendered.broken_wiki_links) {
    ReportBrokenWikiLink(lib, doc, target, sink);
  }
}

namespace {

void DropBody(content::Document& doc) {
  if (doc.source && !doc.body.empty()) content::KeepOnlyHead(doc, std::string(content::Head(doc)));
}

}  // namespace

void RenderMarkdown(index::Library& lib, const config::SiteConfig& config, int jobs,
                    DiagnosticSink& sink, bool keep_bodies, const std::function<void()>& beside) {
  const markdown::Options options = MarkdownOptions(lib, config);
  // Without `beside`, each body goes as soon as it is rendered: its memory serves the next
  // documents' HTML on this thread. With it, all go at the end; dropping each as soon as
  // `beside` was done made the build's peak higher, not lower (348 against 328 MiB at 10,000).
  const bool drop_at_once = !keep_bodies && !beside;
  const auto render_all = [&] {
    ParallelFor(lib.docs.size(), jobs, [&](size_t i) {
      content::Document& doc = lib.docs[i];
      RenderBody(lib, options, doc, sink);
      if (drop_at_once) DropBody(doc);
    });
  };
  if (!beside) return render_all();
  if (jobs == 1) {
    beside();
    render_all();
  } else {
    std::jthread other(beside);
    render_all();
  }
  if (!keep_bodies) ParallelFor(lib.docs.size(), jobs, [&](size_t i) { DropBody(lib.docs[i]); });
}

void ReleasePlainTexts(index::Library& lib) {
  for (size_t i = 0; i < lib.docs.size(); ++i) {
    content::Document& doc = lib.docs[i];
    std::string().swap(doc.rendered.plain_text);
    doc.plain_text_released = true;
  }
}

}  // namespace portalgen::build
