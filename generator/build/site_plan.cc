#include "build/site_plan.h"

#include <algorithm>
#include <set>

#include "base/paths.h"
#include "feeds/feeds.h"
#include "feeds/page_metadata.h"
#include "feeds/site_files.h"
#include "view/plan.h"

namespace portalgen::build {

SitePlan::SitePlan(std::shared_ptr<const SiteModel> model, DiagnosticSink& sink)
    : model_(std::move(model)), ctx_{model_->config, model_->lib, model_->options.now} {
  PlanPages();
  PlanOtherFiles(sink);
  ReportClashes(sink);
}

void SitePlan::PlanPages() {
  std::vector<view::PageSpec> specs = view::PlanPages(ctx_);
  feeds::AddPageMetadata(ctx_, specs);
  pages_ = specs.size();
  files_.reserve(specs.size());
  page_paths_.reserve(specs.size());
  const render::Theme* theme = model_->theme.get();
  for (view::PageSpec& spec : specs) {
    page_paths_.push_back(spec.path);
    files_.push_back({OutputFileFor(spec.path),
                      [theme, name = std::move(spec.template_name),
                       build = std::move(spec.build)](DiagnosticSink& sink) {
                        return theme->Render(name, build(), sink);
                      }});
  }
}

void SitePlan::PlanOtherFiles(DiagnosticSink& sink) {
  for (const output::OutputFile& f : model_->static_files) {
    files_.push_back({f.path, [&bytes = f.bytes](DiagnosticSink&) {
                        return std::optional<std::string>(bytes);
                      }});
  }
  for (feeds::FileJob& job : feeds::FeedJobs(ctx_, page_paths_)) {
    files_.push_back({std::move(job.path), [make = std::move(job.make)](DiagnosticSink&) {
                        return std::optional<std::string>(make().bytes);
                      }});
  }
  // Alias pages must know every other path, so they are made now (they are tiny).
  std::set<std::string> taken;
  for (const PlannedFile& f : files_) taken.insert(f.path);
  for (output::OutputFile& f : feeds::AliasPages(ctx_, taken, sink)) {
    files_.push_back({std::move(f.path), [bytes = std::move(f.bytes)](DiagnosticSink&) {
                        return std::optional<std::string>(bytes);
                      }});
  }
}

// Two outputs at one path (a static file named like a page, a page slug like a feed) would
// silently overwrite each other.
void SitePlan::ReportClashes(DiagnosticSink& sink) const {
  std::vector<const std::string*> paths;
  paths.reserve(files_.size());
  for (const PlannedFile& f : files_) paths.push_back(&f.path);
  std::sort(paths.begin(), paths.end(),
            [](const std::string* a, const std::string* b) { return *a < *b; });
  for (size_t i = 1; i < paths.size(); ++i) {
    if (*paths[i] == *paths[i - 1] && (i + 1 == paths.size() || *paths[i + 1] != *paths[i])) {
      sink.Error("static", 0, 0, "two outputs at '" + *paths[i] + "'",
                 "a file in static/ or the theme has the same path as a generated page or feed");
    }
  }
}

}  // namespace portalgen::build
