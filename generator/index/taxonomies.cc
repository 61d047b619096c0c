#include "index/taxonomies.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "base/paths.h"
#include "base/thread_pool.h"
#include "base/utf8.h"

namespace portalgen::index {

using content::Document;
using content::Kind;

std::string SpeakerSlug(const std::string& name) { return Slugify(name); }

std::vector<size_t> SectionRanks(const Library& lib) {
  std::vector<size_t> rank(lib.docs.size(), lib.docs.size());
  size_t next = 0;
  for (const auto* list : {&lib.briefs, &lib.events, &lib.members, &lib.pages}) {
    for (DocId id : *list) rank[id] = next++;
  }
  return rank;
}

void SortBySectionOrder(const std::vector<size_t>& rank, std::vector<DocId>& ids) {
  if (ids.size() < 2) return;
  std::sort(ids.begin(), ids.end(), [&](DocId a, DocId b) { return rank[a] < rank[b]; });
}

void SortBySectionOrder(const Library& lib, std::vector<DocId>& ids) {
  SortBySectionOrder(SectionRanks(lib), ids);
}

namespace {

// Lists are filled with repeats allowed, then sorted and made unique once: looking for each
// new entry in the list made a member of 100 000 briefs (and their backlinks) quadratic.
template <typename T>
void SortUnique(std::vector<T>& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

void BuildSpeakers(Library& lib) {
  for (DocId id : lib.events) {  // newest first, so appearances come out in that order
    const auto& speakers = lib.docs[id].event.speakers;
    for (size_t i = 0; i < speakers.size(); ++i) {
      const std::string slug = SpeakerSlug(speakers[i].name);
      SpeakerEntry& entry = lib.speakers[slug];
      if (entry.slug.empty()) {
        entry.slug = slug;
        entry.name = speakers[i].name;
      }
      entry.appearances.push_back({id, i});
      if (auto member = lib.Find(Kind::kMember, speakers[i].member.value)) {
        lib.member_speakers[*member].push_back(slug);
      }
    }
  }
  // The displayed spelling is the one of the oldest file name, whatever the event order.
  for (auto& [slug, entry] : lib.speakers) {
    std::string best_path;
    for (const auto& a : entry.appearances) {
      const Document& doc = lib.docs[a.event];
      if (best_path.empty() || doc.source_path < best_path) {
        best_path = doc.source_path;
        entry.name = doc.event.speakers[a.index].name;
      }
    }
  }
  for (auto& [member, slugs] : lib.member_speakers) SortUnique(slugs);
}

void BuildYears(Library& lib) {
  std::vector<DocId> dated;
  for (DocId id : lib.briefs) {
    if (lib.docs[id].brief.date) dated.push_back(id);
  }
  dated.insert(dated.end(), lib.events.begin(), lib.events.end());
  // Newest first across both kinds; ties keep briefs before events.
  std::stable_sort(dated.begin(), dated.end(), [&](DocId a, DocId b) {
    return *content::SortDate(lib.docs[a]) > *content::SortDate(lib.docs[b]);
  });
  for (DocId id : dated) lib.years[content::SortDate(lib.docs[id])->year].push_back(id);
}

void AddFrontMatterBacklinks(Library& lib) {
  auto link = [&](DocId from, Kind kind, const std::string& slug) {
    if (auto to = lib.Find(kind, slug); to && *to != from) lib.backlinks[*to].push_back(from);
  };
  for (DocId id = 0; id < lib.docs.size(); ++id) {
    const Document& doc = lib.docs[id];
    for (const auto& r : doc.brief.members) link(id, Kind::kMember, r.value);
    for (const auto& r : doc.event.members) link(id, Kind::kMember, r.value);
    for (const auto& r : doc.event.briefs) link(id, Kind::kBrief, r.value);
    for (const auto& s : doc.event.speakers) link(id, Kind::kMember, s.member.value);
  }
  for (auto& [to, from] : lib.backlinks) SortUnique(from);
}

}  // namespace

void BuildTaxonomies(Library& lib) {
  BuildSpeakers(lib);
  BuildYears(lib);
  AddFrontMatterBacklinks(lib);
}

PathIndex IndexPaths(const Library& lib) {
  PathIndex by_path;
  by_path.reserve(lib.by_slug.size());
  for (const auto& [key, id] : lib.by_slug) by_path[lib.PathOf(id)] = id;
  return by_path;
}

namespace {

// The other documents that the body of `from` links to, repeats allowed.
std::vector<DocId> BodyTargets(const Library& lib, const std::string& base_path,
                               const PathIndex& by_path, DocId from) {
  std::vector<DocId> to;
  const markdown::Rendered& r = lib.docs[from].rendered;
  for (const std::string& target : r.wiki_targets) {
    const size_t colon = target.find(':');
    if (colon == std::string::npos) continue;
    // A target of no known kind was reported as a broken link; it is looked up as a page.
    const Kind k = content::KindFromName(std::string_view(target).substr(0, colon))
                       .value_or(Kind::kPage);
    if (auto id = lib.Find(k, target.substr(colon + 1)); id && *id != from) to.push_back(*id);
  }
  std::string path;  // one buffer for every link's page path
  for (const std::string& target : r.links) {
    if (!target.starts_with(base_path)) continue;
    std::string_view rest = std::string_view(target).substr(base_path.size());
    rest = rest.substr(0, rest.find_first_of("#?"));
    path.assign(1, '/').append(rest);
    if (path.back() != '/') path += '/';
    auto it = by_path.find(path);
    if (it != by_path.end() && it->second != from) to.push_back(it->second);
  }
  return to;
}

}  // namespace

void AddBodyReferences(Library& lib, const std::string& base_path) {
  AddBodyReferences(lib, base_path, IndexPaths(lib), 1);
}

void AddBodyReferences(Library& lib, const std::string& base_path, const PathIndex& by_path,
                       int jobs) {
  std::vector<std::vector<DocId>> targets(lib.docs.size());
  ParallelFor(lib.docs.size(), jobs,
              [&](size_t from) { targets[from] = BodyTargets(lib, base_path, by_path, from); });
  for (DocId from = 0; from < lib.docs.size(); ++from) {
    for (DocId to : targets[from]) lib.backlinks[to].push_back(from);
  }
  // One ranking for all lists: ranking per list would be quadratic in the number of documents.
  const std::vector<size_t> rank = SectionRanks(lib);
  for (auto& [to, from] : lib.backlinks) {
    SortUnique(from);
    SortBySectionOrder(rank, from);
  }
}

}  // namespace portalgen::index
