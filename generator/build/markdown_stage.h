// The Markdown stage: renders every document's body, resolving wiki links through the
// library; a broken wiki link is an error at its line in the body.
#ifndef PORTALGEN_BUILD_MARKDOWN_STAGE_H_
#define PORTALGEN_BUILD_MARKDOWN_STAGE_H_

#include <functional>

#include "base/diagnostics.h"
#include "config/site_config.h"
#include "index/library.h"
#include "markdown/markdown.h"

namespace portalgen::build {

/// Resolves "member:unodc", "brief:x", "event:x", "page:x" against `lib`.
markdown::WikiResolver MakeWikiResolver(const index::Library& lib,
                                        const config::SiteConfig& config);

/// Markdown options for the site: raw HTML policy and the wiki link resolver, which refers to
/// `lib` (it must outlive the options).
markdown::Options MarkdownOptions(const index::Library& lib, const config::SiteConfig& config);

/// Fills doc.rendered from doc.body, reporting broken wiki links against `lib`.
void RenderBody(const index::Library& lib, const markdown::Options& options,
                content::Document& doc, DiagnosticSink& sink);

/// Fills doc.rendered for every document of `lib`, in parallel. Without `keep_bodies`, each
/// document then keeps only the bytes before its body (content::KeepOnlyHead): for builds,
/// whose later stages read only the rendered body (56 MB less at 10,000 documents).
///
/// `beside`, when given, runs on a thread of its own meanwhile (with `jobs` 1, first, on this
/// thread): work that needs the library's slugs but none of what rendering writes, such as
/// index::ResolveReferences. It may read any document's front matter and quote its source in
/// a diagnostic, so bodies are dropped only once both are done.
void RenderMarkdown(index::Library& lib, const config::SiteConfig& config, int jobs,
                    DiagnosticSink& sink, bool keep_bodies = true,
                    const std::function<void()>& beside = {});

/// Frees every document's plain text, for a build once its search index is made: nothing else
/// reads it (~40 MB at 10,000 documents). content::PlainText() refuses to read it afterwards.
void ReleasePlainTexts(index::Library& lib);

}  // namespace portalgen::build

#endif  // PORTALGEN_BUILD_MARKDOWN_STAGE_H_
