// Incremental builds from the command line: when the only inputs that changed since the last
// build are Markdown bodies of documents it had, the next build starts from its library (the
// library cache) with those documents swapped in, and makes again only the output files that
// read one of the changed parts of those bodies (the build cache's body reads). Every other
// file is kept as the last build wrote it: same front matter everywhere means same plan, same
// indices, same cards and feeds, as `serve` relies on too (docs/architecture.md).
#ifndef PORTALGEN_BUILD_INCREMENTAL_H_
#define PORTALGEN_BUILD_INCREMENTAL_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "build/build_cache.h"
#include "build/site_model.h"
#include "build/site_plan.h"
#include "content/body_reads.h"

namespace portalgen::build {

/// Changed documents -> the content::BodyPart bits in which their bodies changed.
using BodyChanges = std::map<index::DocId, uint8_t>;

struct EditedModel {
  std::shared_ptr<const SiteModel> model;
  BodyChanges changes;
  // The body parts each document has (content::BodyPart bits, by DocId): the library cache's
  // HTML and plain text are read only for the documents the files to make again show.
  std::vector<uint8_t> loaded;
  // The output files that read a changed part last time, hence will now (by path).
  std::vector<std::string> remake;
};

/// The inputs whose bytes differ between two scans; nullopt when a file was added or removed.
std::optional<std::vector<std::string>> ChangedInputs(const InputSet& before,
                                                      const InputSet& after);

/// `old` loaded again from `bytes`, when only its body changed: the bytes before the body are
/// the same, and the new body renders without errors and with the same links (so the index
/// and every list stay as they are). Otherwise nullopt; diagnostics go to `sink`.
std::optional<content::Document> ReloadBody(const index::Library& lib,
                                            const markdown::Options& markdown,
                                            const content::Document& old, const std::string& bytes,
                                            DiagnosticSink& sink);

/// Why ModelWithEditedBodies() declined: the caller builds everything instead.
struct EditRefusal {
  std::string why;
  bool damaged_cache = false;  // the library cache could not be read: worth a note
};

/// The cached library with the documents at `changed` (input paths) loaded and rendered again,
/// when each of them is a document of that library whose bytes before the body are unchanged,
/// which renders without errors and with the same links. Otherwise nullopt, with `refusal`: the
/// caller builds everything instead, which reports any error in full. Warnings go to `sink`.
std::optional<EditedModel> ModelWithEditedBodies(const FileSystem& fs, const BuildOptions& options,
                                                 const BuildCache& cache,
                                                 const std::vector<std::string>& changed,
                                                 DiagnosticSink& sink, EditRefusal& refusal);

/// The positions in plan.files() of the files at `remake` (EditedModel::remake), in plan
/// order; nullopt when the plan's files are not those of the cache's manifest.
std::optional<std::vector<size_t>> FilesToRemake(const SitePlan& plan, const BuildCache& cache,
                                                 const std::vector<std::string>& remake);

/// True when every body part in `reads` is among the `loaded` ones (EditedModel::loaded).
bool BodiesLoaded(const std::vector<uint64_t>& reads, const std::vector<uint8_t>& loaded);

/// Turns recorded reads into the build cache's form (BodyRead()), one per document,
/// sorted. Reads of documents not in `ids` (none, in a build) are dropped.
class BodyReadEncoder {
 public:
  explicit BodyReadEncoder(const index::Library& lib);
  std::vector<uint64_t> Encode(const content::BodyReads& reads) const;

 private:
  std::unordered_map<const content::Document*, index::DocId> ids_;
};

}  // namespace portalgen::build

#endif  // PORTALGEN_BUILD_INCREMENTAL_H_
