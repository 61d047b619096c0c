#include "build/incremental.h"

#include <algorithm>

#include "base/paths.h"
#include "build/library_cache.h"
#include "build/markdown_stage.h"
#include "content/loader.h"

namespace portalgen::build {

namespace {

// The file's bytes before its body: the front matter and its fences.
std::string_view Head(const content::Document& doc) {
  const std::string& text = doc.source->text();
  return std::string_view(text).substr(0, text.size() - doc.body.size());
}

bool SameLinks(const markdown::Rendered& a, const markdown::Rendered& b) {
  return a.wiki_targets == b.wiki_targets && a.links == b.links;
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
  if (!doc || sink.has_errors() || doc->broken || Head(*doc) != Head(old)) return std::nullopt;
  RenderBody(lib, markdown, *doc, sink);
  if (sink.has_errors() || !SameLinks(doc->rendered, old.rendered)) return std::nullopt;
  return doc;
}

std::optional<EditedModel> ModelWithEditedBodies(const FileSystem& fs, const BuildOptions& options,
                                                 const BuildCache& cache,
                                                 const std::vector<std::string>& changed,
                                                 DiagnosticSink& sink, std::string& why) {
  for (const std::string& path : changed) {
    if (!path.ends_with(".md")) {
      why = path + " is not a Markdown file";
      return std::nullopt;
    }
  }
  std::optional<index::Library> lib =
      ReadLibraryCache(fs, LibraryCacheDir(options.output_dir), cache.library, options.jobs, why);
  if (!lib) return std::nullopt;
  std::unordered_map<std::string, index::DocId> by_path;
  for (index::DocId id = 0; id < lib->docs.size(); ++id) {
    by_path.emplace(JoinPath(options.source_dir, lib->docs[id].source_path), id);
  }
  std::optional<SiteModel> model = ModelFromLibrary(fs, options, std::move(*lib), sink);
  if (!model) {
    why = "site.toml, the theme or static/ has errors";
    return std::nullopt;
  }
  const markdown::Options markdown = MarkdownOptions(model->lib, model->config);
  EditedModel result;
  std::vector<std::pair<index::DocId, content::Document>> edited;
  for (const std::string& path : changed) {
    auto at = by_path.find(path);
    if (at == by_path.end()) {
      why = path + " is not a document of the last build";
      return std::nullopt;
    }
    Result<std::string> bytes = fs.Read(path);
    if (!bytes.ok()) {
      why = path + " cannot be read";
      return std::nullopt;
    }
    const content::Document& old = model->lib.docs[at->second];
    DiagnosticSink doc_sink;
    std::optional<content::Document> doc =
        ReloadBody(model->lib, markdown, old, bytes.value(), doc_sink);
    if (!doc) {
      why = path + ": more than its body changed";
      return std::nullopt;
    }
    for (const Diagnostic& d : doc_sink.Sorted()) sink.Add(d);
    result.changes[at->second] = content::ChangedParts(old.rendered, doc->rendered);
    edited.emplace_back(at->second, std::move(*doc));
  }
  // After every edit is rendered: wiki links resolve against the library as it was.
  for (auto& [id, doc] : edited) model->lib.docs.Replace(id, std::move(doc));
  result.model = std::make_shared<const SiteModel>(std::move(*model));
  return result;
}

std::optional<std::vector<size_t>> FilesToRemake(const SitePlan& plan, const BuildCache& cache,
                                                 const BodyChanges& changes) {
  if (plan.files().size() != cache.outputs.size()) return std::nullopt;
  std::vector<size_t> remake;
  for (size_t i = 0; i < plan.files().size(); ++i) {
    const std::string& path = plan.files()[i].path;
    if (!cache.outputs.count(path)) return std::nullopt;
    auto reads = cache.body_reads.find(path);
    if (reads == cache.body_reads.end()) continue;
    const bool affected = std::any_of(reads->second.begin(), reads->second.end(), [&](uint64_t r) {
      auto change = changes.find(r >> 3);
      return change != changes.end() && (change->second & r & 7) != 0;
    });
    if (affected) remake.push_back(i);
  }
  return remake;
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
    if (it != ids_.end()) out.push_back((static_cast<uint64_t>(it->second) << 3) | parts);
  }
  std::sort(out.begin(), out.end());
  // One entry per document, with the union of its parts.
  size_t kept = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (kept > 0 && (out[kept - 1] >> 3) == (out[i] >> 3)) {
      out[kept - 1] |= out[i];
    } else {
      out[kept++] = out[i];
    }
  }
  out.resize(kept);
  return out;
}

}  // namespace portalgen::build
