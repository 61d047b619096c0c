// search/search.js: the dependency-free client that ranks search/index.json entries.
#ifndef PORTALGEN_FEEDS_SEARCH_SCRIPT_H_
#define PORTALGEN_FEEDS_SEARCH_SCRIPT_H_

#include "output/output_file.h"

namespace portalgen::feeds {

/// The script every site gets at search/search.js. It reads its index from the URL in the
/// `data-index` attribute of the element with id `pg-search`, ranks entries by matches in the
/// title (10 points), summary (3) and body text (1 per occurrence, at most 5 per term), needs
/// every term to match somewhere, and fills `#pg-search-results` with links. It uses
/// textContent only, so nothing from the index is ever parsed as HTML.
output::OutputFile SearchScript();

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_SEARCH_SCRIPT_H_
