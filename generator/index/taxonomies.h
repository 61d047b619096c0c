// Derived indices that need every reference resolved first: speakers, years, and the
// front-matter half of the backlinks. Pure: no I/O.
#ifndef PORTALGEN_INDEX_TAXONOMIES_H_
#define PORTALGEN_INDEX_TAXONOMIES_H_

#include "index/library.h"

namespace portalgen::index {

/// Fills lib.speakers, lib.member_speakers, lib.years and front-matter backlinks.
void BuildTaxonomies(Library& lib);

/// Each document's rank in the section orders (briefs, events, members, pages), by DocId.
std::vector<size_t> SectionRanks(const Library& lib);
/// Sorts ids by those ranks.
void SortBySectionOrder(const std::vector<size_t>& rank, std::vector<DocId>& ids);
void SortBySectionOrder(const Library& lib, std::vector<DocId>& ids);

}  // namespace portalgen::index

#endif  // PORTALGEN_INDEX_TAXONOMIES_H_
