#include "index/library.h"

#include <algorithm>
#include <tuple>

#include "base/did_you_mean.h"
#include "base/paths.h"
#include "base/utf8.h"
#include "index/cross_refs.h"

namespace portalgen::index {

using content::Document;
using content::Kind;

const std::vector<std::string>& ReservedPageSlugs() {
  static const std::vector<std::string> kReserved = {
      "briefs", "events", "members", "topics", "priorities", "speakers", "years",
      "search", "page",   "feed",   "rss",    "static",     "css",      "js"};
  return kReserved;
}

std::optional<DocId> Library::Find(Kind kind, const std::string& slug) const {
  const auto& ids = slug_ids[static_cast<size_t>(kind)];
  auto it = ids.find(slug);
  if (it == ids.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Library::Slugs(Kind kind) const {
  std::vector<std::string> out;
  for (const auto& [key, id] : by_slug) {
    if (key.first == kind) out.push_back(key.second);
  }
  return out;
}

std::string Library::PathOf(DocId id) const {
  const Document& doc = docs[id];
  if (home && *home == id) return "/";
  const std::string_view section =
      doc.kind == Kind::kPage ? std::string_view() : content::SectionName(doc.kind);
  std::string path;
  path.reserve(section.size() + doc.slug.size() + 3);
  path += '/';
  if (!section.empty()) path.append(section).append("/");
  path.append(doc.slug).append("/");
  return path;
}

namespace {

std::string TitleKey(const Document& d) { return FoldForMatch(d.title); }

void SortBriefs(const DocList& docs, std::vector<DocId>& ids) {
  std::sort(ids.begin(), ids.end(), [&](DocId a, DocId b) {
    const auto& da = docs[a].brief.date;
    const auto& db = docs[b].brief.date;
    if (da.has_value() != db.has_value()) return da.has_value();  // undated last
    if (da && db && *da != *db) return *da > *db;                 // newest first
    return std::make_tuple(TitleKey(docs[a]), docs[a].slug) <
           std::make_tuple(TitleKey(docs[b]), docs[b].slug);
  });
}

void SortEvents(const DocList& docs, std::vector<DocId>& ids) {
  std::sort(ids.begin(), ids.end(), [&](DocId a, DocId b) {
    const int64_t ta = docs[a].event.start.UnixSeconds(), tb = docs[b].event.start.UnixSeconds();
    if (ta != tb) return ta > tb;
    return std::make_tuple(TitleKey(docs[a]), docs[a].slug) <
           std::make_tuple(TitleKey(docs[b]), docs[b].slug);
  });
}

std::string MemberKey(const Document& d) {
  return FoldForMatch(d.member.acronym.empty() ? d.title : d.member.acronym);
}

void SortByKey(const DocList& docs, std::vector<DocId>& ids,
               std::string (*key)(const Document&)) {
  std::sort(ids.begin(), ids.end(), [&](DocId a, DocId b) {
    return std::make_tuple(key(docs[a]), docs[a].slug) <
           std::make_tuple(key(docs[b]), docs[b].slug);
  });
}

void Register(Library& lib, DocId id, DiagnosticSink& sink) {
  const Document& doc = lib.docs[id];
  if (doc.kind == Kind::kPage && doc.slug == "index") {
    lib.home = id;
    return;
  }
  const auto& reserved = ReservedPageSlugs();
  if (doc.kind == Kind::kPage &&
      std::find(reserved.begin(), reserved.end(), doc.slug) != reserved.end()) {
    sink.Add(doc.source->MakeError(1, 1, "page slug '" + doc.slug + "' clashes with /" +
                                             doc.slug + "/, which the generator writes",
                                   "rename the file or set slug = \"...\""));
    return;
  }
  auto [it, inserted] = lib.by_slug.emplace(std::make_pair(doc.kind, doc.slug), id);
  if (!inserted) {
    const Document& first = lib.docs[it->second];
    sink.Add(doc.source->MakeError(1, 1, "duplicate " + std::string(content::KindName(doc.kind)) +
                                             " slug '" + doc.slug + "', also used by " +
                                             first.source_path,
                                   "each file needs its own slug: rename one of them"));
    return;
  }
  lib.slug_ids[static_cast<size_t>(doc.kind)].emplace(doc.slug, id);
  switch (doc.kind) {
    case Kind::kBrief: lib.briefs.push_back(id); break;
    case Kind::kEvent: lib.events.push_back(id); break;
    case Kind::kMember: lib.members.push_back(id); break;
    case Kind::kPage: lib.pages.push_back(id); break;
  }
}

// Each document moved onto the heap, in order.
std::vector<std::shared_ptr<Document>> Shared(std::vector<Document> docs) {
  std::vector<std::shared_ptr<Document>> shared;
  shared.reserve(docs.size());
  for (Document& doc : docs) shared.push_back(std::make_shared<Document>(std::move(doc)));
  return shared;
}

}  // namespace

DocList::DocList(std::vector<Document> docs) : items_(Shared(std::move(docs))) {}

void DocList::Replace(DocId id, Document doc) {
  items_[id] = std::make_shared<Document>(std::move(doc));
}

Library BuildLibrary(std::vector<Document> docs, const config::SiteConfig& config,
                     DiagnosticSink& sink) {
  Library lib = RegisterDocuments(std::move(docs), sink);
  ResolveReferences(lib, config, sink);
  return lib;
}

Library RegisterDocuments(std::vector<Document> docs, DiagnosticSink& sink) {
  return RegisterDocuments(Shared(std::move(docs)), sink);
}

Library RegisterDocuments(std::vector<std::shared_ptr<Document>> docs, DiagnosticSink& sink) {
  Library lib;
  // File order first, so that "also used by" names the same file on every run.
  const auto by_path = [](const std::shared_ptr<Document>& a, const std::shared_ptr<Document>& b) {
    return a->source_path < b->source_path;
  };
  if (!std::is_sorted(docs.begin(), docs.end(), by_path)) {
    std::sort(docs.begin(), docs.end(), by_path);
  }
  lib.docs = DocList(std::move(docs));
  for (DocId id = 0; id < lib.docs.size(); ++id) Register(lib, id, sink);
  SortBriefs(lib.docs, lib.briefs);
  SortEvents(lib.docs, lib.events);
  SortByKey(lib.docs, lib.members, MemberKey);
  SortByKey(lib.docs, lib.pages, TitleKey);
  return lib;
}

}  // namespace portalgen::index
