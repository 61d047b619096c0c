// The site model: everything the site's files are made from, as the stages before rendering
// leave it (load -> validate -> index -> Markdown -> body references). `build` makes one per
// run; `serve` keeps the last one and makes the next from it (serve/site_builder.h).
#ifndef PORTALGEN_BUILD_SITE_MODEL_H_
#define PORTALGEN_BUILD_SITE_MODEL_H_

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "build/build_options.h"
#include "config/site_config.h"
#include "index/library.h"
#include "output/output_file.h"
#include "render/theme.h"

namespace portalgen::build {

struct SiteModel {
  BuildOptions options;
  config::SiteConfig config;
  std::shared_ptr<const render::Theme> theme;
  index::Library lib;
  // The theme's, then the site's static/; shared, since serve's models differ in documents only.
  std::shared_ptr<const std::vector<output::OutputFile>> static_files;
};

/// Called after each stage with its name ("load", "index", "markdown", "backlinks").
using StageDone = std::function<void(const char* stage)>;

/// Runs the stages before rendering. Returns nullopt when any of them reported an error (all
/// of them are in `sink`: index and Markdown run after content errors too, so that one run
/// reports every broken reference) or when the build was cancelled.
std::optional<SiteModel> LoadModel(const FileSystem& fs, const BuildOptions& options,
                                   DiagnosticSink& sink, const StageDone& done = {});

/// A model around a library made earlier (the library cache): loads only site.toml, the theme
/// and the static files. Nullopt when one of them reported an error.
std::optional<SiteModel> ModelFromLibrary(const FileSystem& fs, const BuildOptions& options,
                                          index::Library lib, DiagnosticSink& sink);

}  // namespace portalgen::build

#endif  // PORTALGEN_BUILD_SITE_MODEL_H_
