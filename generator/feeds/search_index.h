// search/index.json: what the theme's client-side search looks through.
#ifndef PORTALGEN_FEEDS_SEARCH_INDEX_H_
#define PORTALGEN_FEEDS_SEARCH_INDEX_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_system.h"
#include "output/output_file.h"
#include "view/view_context.h"

namespace portalgen::feeds {

/// Characters (code points) of body text kept per document, to bound the index's size.
inline constexpr size_t kSearchTextLimit = 5000;
/// Where the search index is written, in the output.
inline constexpr char kSearchIndexPath[] = "search/index.json";

/// `text` with runs of whitespace as one space, trimmed, cut at `limit` code points; never
/// ends in a space, so collapsing a collapsed text changes nothing.
std::string CollapseWhitespace(std::string_view text, size_t limit);

/// A compact JSON array of {title, summary, kind, date, url, text}: pages, then briefs, events
/// and members, each in the library's documented order.
output::OutputFile SearchIndex(const view::ViewContext& ctx);
/// SearchIndex()'s bytes, handed to `put` in pieces of about 1 MB as they are made: a build
/// writes them so (build::PlannedFile::make_in_pieces) rather than holding the largest file of
/// the site whole beside everything else (docs/architecture.md, "Peak memory").
void WriteSearchIndex(const view::ViewContext& ctx, const PutPiece& put);

/// The documents of the search index, in its order: pages, then briefs, events and members.
std::vector<index::DocId> SearchIndexOrder(const index::Library& lib);

/// The "text" of each entry of `json`, a file SearchIndex() wrote, as written there (JSON
/// string tokens, quotes included; JsonStringValue() reads them), in entry order. Nullopt when
/// `json` is not an array of objects whose values are all strings.
std::optional<std::vector<std::string_view>> SearchIndexTexts(std::string_view json);

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_SEARCH_INDEX_H_
