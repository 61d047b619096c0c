#include "build/pipeline.h"

#include <chrono>
#include <map>

#include "base/paths.h"
#include "base/thread_pool.h"
#include "build/markdown_stage.h"
#include "config/site_config.h"
#include "content/loader.h"
#include "feeds/feeds.h"
#include "feeds/page_metadata.h"
#include "index/library.h"
#include "output/publisher.h"
#include "output/static_copier.h"
#include "render/theme.h"
#include "tz/zones.h"
#include "view/plan.h"

namespace portalgen::build {

namespace {

class StageTimer {
 public:
  explicit StageTimer(BuildResult& result) : result_(result) {}
  void Done(const char* stage) {
    const auto now = std::chrono::steady_clock::now();
    result_.timings.emplace_back(stage, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  BuildResult& result_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Renders every planned page with the theme, each into its own slot. A page's view is freed
// once rendered: all views at once would take more memory than all the HTML.
std::vector<output::OutputFile> RenderPages(const render::Theme& theme,
                                            std::vector<view::PageSpec>& pages, int jobs,
                                            DiagnosticSink& sink) {
  std::vector<output::OutputFile> files(pages.size());
  ParallelFor(pages.size(), jobs, [&](size_t i) {
    std::optional<std::string> html = theme.Render(pages[i].template_name, pages[i].view, sink);
    files[i] = {OutputFileFor(pages[i].path), html ? std::move(*html) : std::string()};
    pages[i].view = nlohmann::json();
  });
  return files;
}

// Two outputs at one path (a static file named like a page, a page slug like a feed) would
// silently overwrite each other.
void ReportPathClashes(const std::vector<output::OutputFile>& files, DiagnosticSink& sink) {
  std::map<std::string, int> seen;
  for (const output::OutputFile& f : files) {
    if (++seen[f.path] == 2) {
      sink.Error("static", 0, 0, "two outputs at '" + f.path + "'",
                 "a file in static/ or the theme has the same path as a generated page or feed");
    }
  }
}

bool Stop(const DiagnosticSink& sink, BuildResult& result) {
  result.diagnostics = sink.Sorted();
  return sink.has_errors();
}

}  // namespace

std::optional<GeneratedSite> Generate(const FileSystem& fs, const BuildOptions& options,
                                      BuildResult& result) {
  DiagnosticSink sink;
  StageTimer timer(result);
  // load + validate
  std::optional<config::SiteConfig> config = config::LoadSiteConfig(fs, options.source_dir, sink);
  if (config && !options.base_url.empty()) config->base_url = options.base_url;
  std::optional<render::Theme> theme;
  if (config) theme = render::Theme::Load(fs, options.source_dir, config->theme, sink);
  std::vector<content::Document> docs =
      content::LoadContent(fs, options.source_dir, {options.drafts, options.jobs}, sink);
  result.documents = docs.size();
  timer.Done("load");
  if (!config) {
    Stop(sink, result);
    return std::nullopt;
  }

  // index and Markdown run even after content errors, so that one run reports every broken
  // reference too; nothing is rendered until all of them are fixed.
  index::Library lib = index::BuildLibrary(std::move(docs), *config, sink);
  tz::CheckEventZones(lib, sink);
  timer.Done("index");
  RenderMarkdown(lib, *config, options.jobs, sink);
  timer.Done("markdown");
  index::AddBodyReferences(lib, config->base_path());
  timer.Done("backlinks");
  if (Stop(sink, result) || !theme) return std::nullopt;

  // view + render templates
  const view::ViewContext ctx{*config, lib, options.now};
  std::vector<view::PageSpec> pages = view::PlanPages(ctx);
  feeds::AddPageMetadata(ctx, pages);
  timer.Done("view");
  std::vector<output::OutputFile> files = RenderPages(*theme, pages, options.jobs, sink);
  result.pages = files.size();
  for (output::OutputFile& f : output::CollectStaticFiles(
           fs, theme->static_dir(), JoinPath(options.source_dir, "static"), sink)) {
    files.push_back(std::move(f));
  }
  // Further writers (feeds, calendars, sitemap, search index) append to `files` here.
  std::vector<std::string> page_paths;
  for (const view::PageSpec& p : pages) page_paths.push_back(p.path);
  for (output::OutputFile& f : feeds::WriteAll(ctx, page_paths, sink)) {
    files.push_back(std::move(f));
  }
  ReportPathClashes(files, sink);
  timer.Done("render");
  if (Stop(sink, result)) return std::nullopt;
  return GeneratedSite{std::move(*config), std::move(lib), std::move(files)};
}

BuildResult Build(FileSystem& fs, const BuildOptions& options) {
  BuildResult result;
  std::optional<GeneratedSite> site = Generate(fs, options, result);
  if (!site) return result;
  const auto start = std::chrono::steady_clock::now();
  Status published = output::Publish(fs, options.output_dir, site->files, options.jobs);
  result.timings.emplace_back(
      "write", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (!published.ok()) {
    result.diagnostics.push_back({Diagnostic::Severity::kError, options.output_dir, 0, 0,
                                  "cannot write the site: " + published.message(),
                                  "the previous output was left as it was", {}});
    return result;
  }
  result.files = site->files.size();
  result.ok = true;
  return result;
}

}  // namespace portalgen::build
