// The build pipeline, in one place and in order:
// load -> validate -> index -> render Markdown -> view -> render templates -> write.
#ifndef PORTALGEN_BUILD_PIPELINE_H_
#define PORTALGEN_BUILD_PIPELINE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/stage_clock.h"
#include "build/build_options.h"
#include "config/site_config.h"
#include "index/library.h"
#include "output/output_file.h"

namespace portalgen::build {


struct BuildResult {
  std::vector<Diagnostic> diagnostics;  // sorted
  bool ok = false;
  bool interrupted = false;  // stopped by SIGINT/SIGTERM (see base/cancel.h); nothing written
  bool up_to_date = false;   // no input changed since the last build: nothing to do
  bool incremental = false;  // only edited bodies: started from the last build's library
  size_t documents = 0;
  size_t pages = 0;    // HTML pages rendered
  size_t files = 0;    // files the site has
  size_t written = 0;  // files written because they are new or changed
  size_t removed = 0;  // files removed because the site no longer has them
  std::vector<std::string> notes;  // e.g. why the build cache was not used
  std::vector<StageTime> timings;  // wall and CPU time of each stage, in order
};

/// Receives generated files as soon as each is made; Add is called from several threads.
/// `order` numbers the files in the pipeline's fixed order (pages in plan order first).
class SitePlan;

class FileSink {
 public:
  virtual ~FileSink() = default;
  virtual void Add(size_t order, output::OutputFile file) = 0;
  /// Add() of a file whose bytes `source` makes piece by piece (PlannedFile::make_in_pieces).
  /// The default joins the pieces and calls Add().
  virtual void AddInPieces(size_t order, const std::string& path, const PieceSource& source) {
    Add(order, {path, JoinPieces(source)});
  }
  /// Called once before the first Add() with the plan whose files Add() will then get, for
  /// sinks that prepare for them.
  virtual void Expect(const SitePlan& plan, int jobs) {
    (void)plan;
    (void)jobs;
  }
};

/// Everything a successful generation produced: the typed site and its files.
struct GeneratedSite {
  config::SiteConfig config;
  index::Library library;
  std::vector<output::OutputFile> files;  // pages first (in plan order), then the rest
};

/// Runs every stage and returns the site's files without writing them. Stops before
/// rendering when content or references have errors (all of them are in result.diagnostics).
std::optional<GeneratedSite> Generate(const FileSystem& fs, const BuildOptions& options,
                                      BuildResult& result);

/// What a generation knows besides its files.
struct GenerationFacts {
  // The output is the same for every `now` in (now_after, now_until]: the event starts next
  // to `now` (the only use of the clock is upcoming-versus-past).
  int64_t now_after = 0;
  int64_t now_until = 0;
};

/// Runs every stage, handing each file to `sink` as soon as it is made, so that no build holds
/// the whole site in memory. Returns nullopt when a stage failed (diagnostics in `result`).
std::optional<GenerationFacts> GenerateTo(const FileSystem& fs, const BuildOptions& options,
                                          BuildResult& result, FileSink& sink);

/// Generates, then publishes into options.output_dir: only new and changed files are written,
/// and nothing is touched unless the whole build succeeded. With `use_cache`, the build cache
/// beside the output (build/build_cache.h) makes an unchanged tree a no-op.
BuildResult Build(FileSystem& fs, const BuildOptions& options, bool use_cache = true);

}  // namespace portalgen::build

#endif  // PORTALGEN_BUILD_PIPELINE_H_
