// Resolves front-matter references and fills the Library's reverse indices.
#ifndef PORTALGEN_INDEX_CROSS_REFS_H_
#define PORTALGEN_INDEX_CROSS_REFS_H_

#include <string>

#include "base/diagnostics.h"
#include "config/site_config.h"
#include "index/library.h"

namespace portalgen::index {

/// Checks every `members`, `briefs`, `speakers.member`, agenda speaker, topic and priority
/// reference; an unresolved one is an error at its value with a did-you-mean suggestion drawn
/// from slugs, acronyms and titles. Fills the reverse indices of `lib`.
void ResolveReferences(Library& lib, const config::SiteConfig& config, DiagnosticSink& sink);

/// The slug of `kind` that `word` most likely meant (matching slugs, acronyms and titles),
/// as "did you mean 'x'?", or "".
std::string SuggestSlug(const Library& lib, content::Kind kind, const std::string& word);

}  // namespace portalgen::index

#endif  // PORTALGEN_INDEX_CROSS_REFS_H_
