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
#include "config/site_config.h"
#include "index/library.h"
#include "output/output_file.h"

namespace portalgen::build {

struct BuildOptions {
  std::string source_dir = ".";
  std::string output_dir = "public";
  bool drafts = false;
  std::string base_url;  // overrides site.toml's base_url when set
  int jobs = 0;          // 0: all cores
  int64_t now = 0;       // seconds since the epoch: upcoming vs past events
};

struct BuildResult {
  std::vector<Diagnostic> diagnostics;  // sorted
  bool ok = false;
  size_t documents = 0;
  size_t pages = 0;  // HTML pages rendered
  size_t files = 0;  // files written
  std::vector<std::pair<std::string, double>> timings;  // stage -> seconds
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

/// Generate, then publish atomically into options.output_dir.
BuildResult Build(FileSystem& fs, const BuildOptions& options);

}  // namespace portalgen::build

#endif  // PORTALGEN_BUILD_PIPELINE_H_
