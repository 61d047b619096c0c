#include "build/site_model.h"

#include "base/cancel.h"
#include "base/paths.h"
#include "build/markdown_stage.h"
#include "content/loader.h"
#include "index/cross_refs.h"
#include "output/static_copier.h"
#include "tz/zones.h"

namespace portalgen::build {

namespace {

std::optional<SiteModel> WithStaticFiles(const FileSystem& fs, const BuildOptions& options,
                                         config::SiteConfig config, render::Theme theme,
                                         index::Library lib, DiagnosticSink& sink) {
  auto static_files =
      std::make_shared<const std::vector<output::OutputFile>>(output::CollectStaticFiles(
          fs, theme.static_dir(), JoinPath(options.source_dir, "static"), sink,
          options.source_dir));
  if (sink.has_errors()) return std::nullopt;
  return SiteModel{options, std::move(config),
                   std::make_shared<const render::Theme>(std::move(theme)), std::move(lib),
                   std::move(static_files)};
}

}  // namespace

std::optional<SiteModel> LoadModel(const FileSystem& fs, const BuildOptions& options,
                                   DiagnosticSink& sink, const StageDone& done) {
  const auto stage = [&done](const char* name) {
    if (done) done(name);
  };
  // load + validate
  std::optional<config::SiteConfig> config = config::LoadSiteConfig(fs, options.source_dir, sink);
  if (config && !options.base_url.empty()) config->base_url = options.base_url;
  std::optional<render::Theme> theme;
  if (config) theme = render::Theme::Load(fs, options.source_dir, config->theme, sink);
  std::vector<std::shared_ptr<content::Document>> docs =
      content::LoadSharedContent(fs, options.source_dir, {options.drafts, options.jobs}, sink);
  stage("load");
  if (!config) return std::nullopt;

  // index and Markdown run even after content errors, so that one run reports every broken
  // reference too; nothing is rendered until all of them are fixed.
  // The Markdown needs only the slugs; the references and the zones, which read only front
  // matter, are resolved beside it (their ~0.06 s at 10,000 documents left a core idle).
  index::Library lib = index::RegisterDocuments(std::move(docs), sink);
  stage("index");
  index::PathIndex paths;
  RenderMarkdown(lib, *config, options.jobs, sink, options.keep_bodies, [&] {
    index::ResolveReferences(lib, *config, sink);
    tz::CheckEventZones(lib, sink);
    paths = index::IndexPaths(lib);
  });
  stage("markdown");
  index::AddBodyReferences(lib, config->base_path(), paths, options.jobs);
  stage("backlinks");
  if (sink.has_errors() || !theme || CancelRequested()) return std::nullopt;
  return WithStaticFiles(fs, options, std::move(*config), std::move(*theme), std::move(lib), sink);
}

std::optional<SiteModel> ModelFromLibrary(const FileSystem& fs, const BuildOptions& options,
                                          index::Library lib, DiagnosticSink& sink) {
  std::optional<config::SiteConfig> config = config::LoadSiteConfig(fs, options.source_dir, sink);
  if (!config) return std::nullopt;
  if (!options.base_url.empty()) config->base_url = options.base_url;
  std::optional<render::Theme> theme =
      render::Theme::Load(fs, options.source_dir, config->theme, sink);
  if (!theme || sink.has_errors()) return std::nullopt;
  return WithStaticFiles(fs, options, std::move(*config), std::move(*theme), std::move(lib), sink);
}

}  // namespace portalgen::build
