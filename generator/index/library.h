// Library: owns every Document, finds them by kind and slug, and keeps the documented
// orders (docs/content.md, "Order"). Pure: no I/O.
#ifndef PORTALGEN_INDEX_LIBRARY_H_
#define PORTALGEN_INDEX_LIBRARY_H_

#include <array>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "config/site_config.h"
#include "content/document.h"

namespace portalgen::index {

using DocId = size_t;  // position in Library::docs

/// The library's documents, by DocId. Copying a DocList shares the documents instead of copying
/// them, so that `serve` can make the next library from the last one in microseconds and swap
/// in only the documents that changed (Replace). The rule that keeps this safe: once a library
/// is shared (copied or served), its documents are replaced, never modified.
class DocList {
 public:
  DocList() = default;
  explicit DocList(std::vector<content::Document> docs);
  explicit DocList(std::vector<std::shared_ptr<content::Document>> docs)
      : items_(std::move(docs)) {}

  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  content::Document& operator[](DocId id) { return *items_[id]; }
  const content::Document& operator[](DocId id) const { return *items_[id]; }
  /// Makes `doc` the document at `id` in this list only; other copies keep theirs.
  void Replace(DocId id, content::Document doc);

  template <typename Item>
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = content::Document;
    using difference_type = std::ptrdiff_t;
    using pointer = Item*;
    using reference = Item&;
    explicit Iterator(std::vector<std::shared_ptr<content::Document>>::const_iterator it)
        : it_(it) {}
    reference operator*() const { return **it_; }
    pointer operator->() const { return it_->get(); }
    Iterator& operator++() {
      ++it_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++it_;
      return old;
    }
    bool operator==(const Iterator& other) const { return it_ == other.it_; }

   private:
    std::vector<std::shared_ptr<content::Document>>::const_iterator it_;
  };
  Iterator<const content::Document> begin() const {
    return Iterator<const content::Document>(items_.begin());
  }
  Iterator<const content::Document> end() const {
    return Iterator<const content::Document>(items_.end());
  }
  Iterator<content::Document> begin() { return Iterator<content::Document>(items_.cbegin()); }
  Iterator<content::Document> end() { return Iterator<content::Document>(items_.cend()); }

 private:
  std::vector<std::shared_ptr<content::Document>> items_;
};

/// A free label (topic) with its slug and everything tagged with it.
struct Topic {
  std::string slug;
  std::string label;  // the first spelling met in document order
  std::vector<DocId> docs;
};

/// A person who spoke at one or more events; one entry per normalised name (case, spacing and
/// Latin accents folded), so the same person at two events has one page.
struct SpeakerEntry {
  std::string slug;
  std::string name;  // the first spelling met, events in file order
  struct Appearance {
    DocId event;
    size_t index;  // position in the event's [[speakers]]
  };
  std::vector<Appearance> appearances;  // events newest first
};

struct Library {
  DocList docs;
  std::optional<DocId> home;  // content/index.md

  // Sorted lists (see docs/content.md, "Order").
  std::vector<DocId> pages;    // title A-Z
  std::vector<DocId> briefs;   // newest first, undated last
  std::vector<DocId> events;   // newest first
  std::vector<DocId> members;  // acronym (or title) A-Z

  // Reverse indices, each list in the order of its section above.
  std::map<DocId, std::vector<DocId>> member_briefs;  // contributing member -> briefs
  std::map<DocId, std::vector<DocId>> member_events;  // organiser or speaker's member -> events
  std::map<DocId, std::vector<DocId>> brief_events;   // brief -> events citing it
  std::map<DocId, std::vector<DocId>> event_briefs;   // event -> its briefs (as written)
  std::map<std::string, Topic> topics;                // by topic slug
  std::map<int, std::vector<DocId>> priorities;       // priority number -> tagged docs
  std::map<std::string, SpeakerEntry> speakers;       // by speaker slug (A-Z)
  std::map<DocId, std::vector<std::string>> member_speakers;  // member -> speaker slugs
  std::map<int, std::vector<DocId>> years;            // year -> briefs and events, newest first
  /// target -> documents that reference it in front matter or in their bodies (wiki links and
  /// Markdown links to its page), in section order. Filled by AddBodyReferences.
  std::map<DocId, std::vector<DocId>> backlinks;

  /// The document of `kind` with `slug`, if any.
  std::optional<DocId> Find(content::Kind kind, const std::string& slug) const;
  /// Every slug of `kind`, for suggestions.
  std::vector<std::string> Slugs(content::Kind kind) const;
  /// Site path of a document ("/briefs/x/", "/about/", "/" for the home page).
  std::string PathOf(DocId id) const;

  std::map<std::pair<content::Kind, std::string>, DocId> by_slug;
  /// by_slug again, hashed, one table per content::Kind: Find() runs for every reference of
  /// every document, and the map's string compares were most of the index stage. Filled
  /// together with by_slug.
  std::array<std::unordered_map<std::string, DocId>, 4> slug_ids;
};

/// Builds the library: rejects duplicate slugs and page slugs that clash with site sections,
/// sorts, resolves front-matter references (did-you-mean on failure), and fills the reverse
/// indices. The same as RegisterDocuments, then ResolveReferences (index/cross_refs.h).
Library BuildLibrary(std::vector<content::Document> docs, const config::SiteConfig& config,
                     DiagnosticSink& sink);

/// The first half of BuildLibrary: rejects duplicate slugs and page slugs that clash with site
/// sections, and sorts. Find(), Slugs() and PathOf() work from here on, which is all that
/// rendering Markdown needs of the library (wiki links).
Library RegisterDocuments(std::vector<content::Document> docs, DiagnosticSink& sink);
/// The same, for documents already on the heap (content::LoadSharedContent): none is moved.
Library RegisterDocuments(std::vector<std::shared_ptr<content::Document>> docs,
                          DiagnosticSink& sink);

/// Site path ("/briefs/x/") -> document, for AddBodyReferences.
using PathIndex = std::unordered_map<std::string, DocId>;
PathIndex IndexPaths(const Library& lib);

/// Adds references found in rendered bodies (wiki links, and Markdown links to a document's
/// page under `base_path`) to `backlinks`. Run after the Markdown stage and ResolveReferences;
/// each body's links are resolved on up to `jobs` threads, with `by_path` (IndexPaths).
void AddBodyReferences(Library& lib, const std::string& base_path, const PathIndex& by_path,
                       int jobs);
/// The same, on this thread, with the paths indexed here.
void AddBodyReferences(Library& lib, const std::string& base_path);

/// The slug of a speaker's normalised name ("Ana  Pérez" and "ana perez" -> "ana-perez").
std::string SpeakerSlug(const std::string& name);

/// Top-level paths the generator writes itself; a page may not take them as its slug.
const std::vector<std::string>& ReservedPageSlugs();

}  // namespace portalgen::index

#endif  // PORTALGEN_INDEX_LIBRARY_H_
