#include "build/site_plan.h"

#include "base/paths.h"
#include "feeds/feeds.h"
#include "feeds/page_metadata.h"
#include "feeds/site_files.h"
#include "view/plan.h"

namespace portalgen::build {

namespace {

std::optional<std::string> Bytes(std::string bytes) { return bytes; }

}  // namespace

SitePlan::SitePlan(std::shared_ptr<const SiteModel> model, DiagnosticSink& sink)
    : model_(std::move(model)), ctx_{model_->config, model_->lib, model_->options.now} {
  PlanPages(sink);
  PlanOtherFiles(sink);
}

std::optional<size_t> SitePlan::Find(const std::string& path) const {
  auto it = by_path_.find(path);
  if (it == by_path_.end()) return std::nullopt;
  return it->second;
}

// Two outputs at one path (a static file named like a page, a page slug like a feed) would
// silently overwrite each other.
bool SitePlan::Add(std::string path, decltype(PlannedFile::make) make, DiagnosticSink& sink,
                   const std::string& origin) {
  const auto [at, added] = by_path_.emplace(path, files_.size());
  if (!added) {
    // One side is a static file (pages, feeds and aliases never share a path): name it.
    const std::string& file = !origin.empty() ? origin : files_[at->second].origin;
    if (file.empty()) {
      sink.Error("static", 0, 0, "two outputs at '" + path + "'",
                 "a file in static/ or the theme has the same path as a generated page or feed");
    } else {
      sink.Error(file, 0, 0, "this file would be copied to '" + path +
                                 "', where the site already has a generated page or feed",
                 "rename or move the file");
    }
    return false;
  }
  files_.push_back({std::move(path), std::move(make), origin, nullptr});
  return true;
}

void SitePlan::PlanPages(DiagnosticSink& sink) {
  std::vector<view::PageSpec> specs = view::PlanPages(ctx_);
  feeds::AddPageMetadata(ctx_, specs);
  pages_ = specs.size();
  files_.reserve(specs.size());
  page_paths_.reserve(specs.size());
  by_path_.reserve(specs.size() * 3 / 2);
  const render::Theme* theme = model_->theme.get();
  for (view::PageSpec& spec : specs) {
    page_paths_.push_back(spec.path);
    Add(OutputFileFor(spec.path),
        [theme, name = std::move(spec.template_name), build = std::move(spec.build)](
            const view::ViewContext& ctx, DiagnosticSink& sink) {
          return theme->Render(name, build(ctx), sink, &ctx.memo->fragments);
        },
        sink);
  }
}

void SitePlan::PlanOtherFiles(DiagnosticSink& sink) {
  for (const output::OutputFile& f : *model_->static_files) {
    Add(f.path,
        [&bytes = f.bytes](const view::ViewContext&, DiagnosticSink&) { return Bytes(bytes); },
        sink, f.origin);
  }
  for (feeds::FileJob& job : feeds::FeedJobs(ctx_, page_paths_)) {
    const bool added = Add(
        std::move(job.path),
        [make = std::move(job.make)](const view::ViewContext& ctx, DiagnosticSink&) {
          return Bytes(make(ctx).bytes);
        },
        sink);
    if (added) files_.back().make_in_pieces = std::move(job.make_in_pieces);
  }
  // Alias pages must know every other path, so they are made now (they are few and tiny).
  const auto taken = [this](const std::string& file) { return by_path_.count(file) > 0; };
  for (output::OutputFile& f : feeds::AliasPages(ctx_, taken, sink)) {
    Add(std::move(f.path),
        [bytes = std::move(f.bytes)](const view::ViewContext&, DiagnosticSink&) {
          return Bytes(bytes);
        },
        sink);
  }
}

}  // namespace portalgen::build
