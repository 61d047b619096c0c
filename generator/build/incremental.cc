#include "build/incremental.h"

#include <algorithm>

#include "base/paths.h"
#include "base/source_map.h"
#include "base/thread_pool.h"
#include "build/library_cache.h"
#include "build/markdown_stage.h"
#include "content/loader.h"
#include "feeds/search_index.h"
#include "markdown/markdown.h"

namespace portalgen::build {

namespace {

bool SameLinks(const markdown::Rendered& a, const markdown::Rendered& b) {
  return a.wiki_targets == b.wiki_targets && a.links == b.links;
}

// True when `reads` (the build cache's form) meet a part of a body that `changes` lists.
bool ReadsChangedPart(const std::vector<uint64_t>& reads, const BodyChanges& changes) {
  return std::any_of(reads.begin(), reads.end(), [&](uint64_t r) {
    auto change = changes.find(BodyReadDoc(r));
    return change != changes.end() && (change->second & BodyReadParts(r)) != 0;
  });
}

// The body of a document of the library cache, from the bytes of its file: what follows the
// bytes before its body, once the file is read as the loader reads it. Nullopt when the file
// no longer starts with those bytes.
std::optional<std::string> CachedBody(const content::Document& doc, const std::string& bytes) {
  DiagnosticSink ignored;  // the scan found the file unchanged: it loaded without errors
  std::optional<std::string> text = NormalizeText(doc.source_path, bytes, ignored);
  const std::string_view head = content::Head(doc);
  if (!text || !std::string_view(*text).starts_with(head)) return std::nullopt;
  return text->substr(head.size());
}

// Renders again, from their unchanged files, the body HTML of the documents whose `wanted`
// bits ask for it (the library cache keeps none), and marks it in `loaded`. The library is the
// one the last build rendered them against, so the HTML is the same. False with `why` set when
// a file cannot be read or no longer fits its cached front matter.
bool RenderCachedBodies(const FileSystem& fs, const BuildOptions& options,
                        const markdown::Options& markdown, const std::vector<uint8_t>& wanted,
                        index::Library& lib, std::vector<uint8_t>& loaded, std::string& why) {
  std::vector<index::DocId> ids;
  for (index::DocId id = 0; id < wanted.size(); ++id) {
    if (wanted[id] & ~loaded[id] & content::kBodyHtml) ids.push_back(id);
  }
  std::vector<char> good(ids.size(), 0);
  ParallelFor(ids.size(), options.jobs, [&](size_t i) {
    content::Document& doc = lib.docs[ids[i]];
    Result<std::string> bytes = fs.Read(JoinPath(options.source_dir, doc.source_path));
    std::optional<std::string> body = bytes.ok() ? CachedBody(doc, bytes.value()) : std::nullopt;
    if (!body) return;
    doc.rendered.html = markdown::Render(*body, markdown).html;
    good[i] = 1;
  });
  for (size_t i = 0; i < ids.size(); ++i) {
    if (!good[i]) {
      why = lib.docs[ids[i]].source_path + " changed during the build";
      return false;
    }
    loaded[ids[i]] |= content::kBodyHtml;
  }
  return true;
}

}  // namespace

std::optional<std::vector<std::string>> ChangedInputs(const InputSet& before,
                                                      const InputSet& after) {
  if (before.size() != after.size()) return std::nullopt;
  std::vector<std::string> changed;
  for (auto a = before.begin(), b = after.begin(); a != before.end(); ++a, ++b) {
    if (a->first != b->first) return std::nullopt;
    if (a->second.hash != b->second.hash) changed.push_back(b->first);
  }
  return changed;
}

std::optional<content::Document> ReloadBody(const index::Library& lib,
                                            const markdown::Options& markdown,
                                            const content::Document& old, const std::string& bytes,
                                            DiagnosticSink& sink) {
  std::optional<content::Document> doc = content::LoadDocument(old.source_path, bytes, sink);
  if (!doc || sink.has_errors() || doc->broken || content::Head(*doc) != content::Head(old))
    return std::nullopt;
  RenderBody(lib, markdown, *doc, sink);
  if (sink.has_errors() || !SameLinks(doc->rendered, old.rendered)) return std::nullopt;
  return doc;
}

std::optional<EditedModel> ModelWithEditedBodies(const FileSystem& fs, const BuildOptions& options,
                                                 const BuildCache& cache,
                                                 const std::vector<std::string>& changed,
                                                 DiagnosticSink& sink, EditRefusal& refusal) {
  std::string& why = refusal.why;
  for (const std::string& path : changed) {
    if (!path.ends_with(".md")) {
      why = path + " is not a Markdown file";
      return std::nullopt;
    }
  }
  const std::string dir = LibraryCacheDir(options.output_dir);
  std::optional<index::Library> lib =
      ReadLibraryCache(fs, dir, cache.library, options.jobs, why, options.library_shard_docs);
  if (!lib) {
    refusal.damaged_cache = true;
    return std::nullopt;
  }
  std::unordered_map<std::string, index::DocId> by_path;
  for (index::DocId id = 0; id < lib->docs.size(); ++id) {
    by_path.emplace(JoinPath(options.source_dir, lib->docs[id].source_path), id);
  }
  std::vector<index::DocId> ids;
  for (const std::string& path : changed) {
    auto at = by_path.find(path);
    if (at == by_path.end()) {
      why = path + " is not a document of the last build";
      return std::nullopt;
    }
    ids.push_back(at->second);
  }
  // The old links and plain-text hashes of the edited documents, to tell whether theirs
  // changed (their old HTML is not cached: it counts as changed). Their shards are read whole,
  // so that the library written after this build has every document of the shards it writes
  // again.
  constexpr uint8_t kBodies = content::kBodyHtml | content::kBodyPlainText;
  std::vector<uint8_t> wanted(lib->docs.size(), 0);
  EditedModel result;
  for (index::DocId id : ids) wanted[id] = content::kBodyPlainText;
  if (!ReadLibraryBodies(fs, dir, cache.library, wanted, options.jobs, *lib, result.loaded, why,
                         options.library_shard_docs)) {
    refusal.damaged_cache = true;
    return std::nullopt;
  }
  wanted.assign(wanted.size(), 0);  // from here: what the files to make again show
  std::optional<SiteModel> model = ModelFromLibrary(fs, options, std::move(*lib), sink);
  if (!model) {
    why = "site.toml, the theme or static/ has errors";
    return std::nullopt;
  }
  const markdown::Options markdown = MarkdownOptions(model->lib, model->config);
  std::vector<std::pair<index::DocId, content::Document>> edited;
  for (size_t i = 0; i < ids.size(); ++i) {
    Result<std::string> bytes = fs.Read(changed[i]);
    if (!bytes.ok()) {
      why = changed[i] + " cannot be read";
      return std::nullopt;
    }
    const content::Document& old = model->lib.docs[ids[i]];
    DiagnosticSink doc_sink;
    std::optional<content::Document> doc =
        ReloadBody(model->lib, markdown, old, bytes.value(), doc_sink);
    if (!doc) {
      why = changed[i] + ": more than its body changed";
      return std::nullopt;
    }
    for (const Diagnostic& d : doc_sink.Sorted()) sink.Add(d);
    result.changes[ids[i]] =
        content::ChangedParts(old.rendered, doc->rendered) | content::kBodyHtml;
    edited.emplace_back(ids[i], std::move(*doc));
  }
  // The bodies the files to make again showed last time, hence will show now: the same front
  // matter means the same documents on every page. The pipeline checks it (BodiesLoaded).
  for (const auto& [path, reads] : cache.body_reads) {
    if (!ReadsChangedPart(reads, result.changes)) continue;
    result.remake.push_back(path);
    for (uint64_t r : reads) wanted[BodyReadDoc(r)] |= BodyReadParts(r) & kBodies;
  }
  // Their plain texts come from the search index the last build wrote, when a file shows one.
  const bool texts_wanted = std::any_of(wanted.begin(), wanted.end(), [](uint8_t w) {
    return (w & content::kBodyPlainText) != 0;
  });
  std::string search_index;  // stays empty when it cannot be read: then it lists nothing
  if (texts_wanted) {
    Result<std::string> bytes = fs.Read(JoinPath(options.output_dir, feeds::kSearchIndexPath));
    if (bytes.ok()) search_index = std::move(bytes.value());
  }
  if (!ReadLibraryBodies(fs, dir, cache.library, wanted, options.jobs, model->lib, result.loaded,
                         why, options.library_shard_docs,
                         texts_wanted ? &search_index : nullptr)) {
    refusal.damaged_cache = true;
    return std::nullopt;
  }
  for (const auto& [id, doc] : edited) wanted[id] &= ~content::kBodyHtml;  // rendered above
  if (!RenderCachedBodies(fs, options, markdown, wanted, model->lib, result.loaded, why)) {
    return std::nullopt;
  }
  // After every edit is rendered: wiki links resolve against the library as it was.
  for (auto& [id, doc] : edited) {
    model->lib.docs.Replace(id, std::move(doc));
    result.loaded[id] = content::kBodyFirstParagraph | kBodies;
  }
  result.model = std::make_shared<const SiteModel>(std::move(*model));
  return result;
}

std::optional<std::vector<size_t>> FilesToRemake(const SitePlan& plan, const BuildCache& cache,
                                                 const std::vector<std::string>& remake) {
  if (plan.files().size() != cache.outputs.size()) return std::nullopt;
  for (const PlannedFile& file : plan.files()) {
    if (!cache.outputs.count(file.path)) return std::nullopt;
  }
  std::vector<size_t> positions;
  for (const std::string& path : remake) {
    const std::optional<size_t> at = plan.Find(path);
    if (!at) return std::nullopt;
    positions.push_back(*at);
  }
  std::sort(positions.begin(), positions.end());  // plan order: pages first
  return positions;
}

bool BodiesLoaded(const std::vector<uint64_t>& reads, const std::vector<uint8_t>& loaded) {
  return std::all_of(reads.begin(), reads.end(), [&](uint64_t r) {
    const uint8_t parts = BodyReadParts(r);
    return BodyReadDoc(r) < loaded.size() && (loaded[BodyReadDoc(r)] & parts) == parts;
  });
}

BodyReadEncoder::BodyReadEncoder(const index::Library& lib) {
  ids_.reserve(lib.docs.size());
  for (index::DocId id = 0; id < lib.docs.size(); ++id) ids_.emplace(&lib.docs[id], id);
}

std::vector<uint64_t> BodyReadEncoder::Encode(const content::BodyReads& reads) const {
  std::vector<uint64_t> out;
  out.reserve(reads.reads.size());
  for (const auto& [doc, parts] : reads.reads) {
    auto it = ids_.find(doc);
    if (it != ids_.end()) out.push_back(BodyRead(it->second, parts));
  }
  std::sort(out.begin(), out.end());
  // One entry per document, with the union of its parts.
  size_t kept = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (kept > 0 && BodyReadDoc(out[kept - 1]) == BodyReadDoc(out[i])) {
      out[kept - 1] |= out[i];
    } else {
      out[kept++] = out[i];
    }
  }
  out.resize(kept);
  return out;
}

}  // namespace portalgen::build
