#include "serve/site_builder.h"

#include <chrono>

#include "base/paths.h"
#include "build/incremental.h"
#include "build/markdown_stage.h"
#include "build/site_plan.h"

namespace portalgen::serve {

namespace {

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::optional<index::DocId> DocumentAt(const index::Library& lib, const std::string& path) {
  for (index::DocId id = 0; id < lib.docs.size(); ++id) {
    if (lib.docs[id].source_path == path) return id;
  }
  return std::nullopt;
}

}  // namespace

BuildOutcome SiteBuilder::BuildAll() {
  const Clock::time_point start = Clock::now();
  DiagnosticSink sink;
  std::optional<build::SiteModel> model = build::LoadModel(fs_, options_, sink);
  BuildOutcome outcome;
  if (model) {
    outcome = Publish(std::move(*model), false, sink);
  } else {
    outcome.diagnostics = sink.Sorted();
  }
  failed_ = !outcome.site;
  outcome.milliseconds = MillisecondsSince(start);
  return outcome;
}

BuildOutcome SiteBuilder::Rebuild(const ChangeSet& changes) {
  const Clock::time_point start = Clock::now();
  DiagnosticSink sink;
  std::optional<build::SiteModel> model = WithEditedBodies(changes, sink);
  if (!model) return BuildAll();
  // Same front matter everywhere: the last plan fits the new model (build/site_plan.h). Nothing
  // is planned, and the edited bodies rendered without errors, so this cannot fail.
  BuildOutcome outcome = Publish(std::move(*model), true, sink);
  outcome.incremental = true;
  outcome.milliseconds = MillisecondsSince(start);
  return outcome;
}

std::optional<build::SiteModel> SiteBuilder::WithEditedBodies(const ChangeSet& changes,
                                                              DiagnosticSink& sink) const {
  if (!model_ || failed_ || changes.everything || changes.links || changes.empty()) {
    return std::nullopt;
  }
  build::SiteModel next = *model_;  // shares every document (index::DocList)
  const markdown::Options markdown = build::MarkdownOptions(model_->lib, model_->config);
  for (const std::string& path : changes.paths) {
    if (ClassifyChange(path) != ChangeKind::kContent || !path.ends_with(".md")) return std::nullopt;
    const std::optional<index::DocId> id = DocumentAt(model_->lib, path);
    if (!id) return std::nullopt;  // a new, deleted or draft file: the index changes
    Result<std::string> bytes = fs_.Read(JoinPath(options_.source_dir, path));
    if (!bytes.ok()) return std::nullopt;
    // Same front matter: same slug, kind, references and place in every list.
    std::optional<content::Document> doc =
        build::ReloadBody(model_->lib, markdown, model_->lib.docs[*id], bytes.value(), sink);
    if (!doc) return std::nullopt;
    next.lib.docs.Replace(*id, std::move(*doc));
  }
  return next;
}

BuildOutcome SiteBuilder::Publish(build::SiteModel model, bool reuse_plan, DiagnosticSink& sink) {
  auto shared = std::make_shared<const build::SiteModel>(std::move(model));
  std::shared_ptr<const build::SitePlan> plan = reuse_plan ? plan_ : nullptr;
  if (!plan) plan = std::make_shared<const build::SitePlan>(shared, sink);
  BuildOutcome outcome;
  outcome.diagnostics = sink.Sorted();
  if (sink.has_errors()) return outcome;
  outcome.pages = plan->pages();
  outcome.site = std::make_shared<const Snapshot>(plan, shared);
  model_ = std::move(shared);
  plan_ = std::move(plan);
  return outcome;
}

ReloadKind ApplyOutcome(const BuildOutcome& outcome, const ChangeSet& changes, StateHolder& state) {
  const std::shared_ptr<const ServeState> previous = state.Get();
  auto next = std::make_shared<ServeState>();
  if (outcome.site) {
    next->site = outcome.site;
    next->previous = previous->site;
  } else {
    next->site = previous->site;
    next->previous = previous->previous;
    next->error = FormatDiagnostics(outcome.diagnostics);
  }
  const bool css_only = changes.OnlyStylesheets() && previous->error.empty() && next->error.empty();
  state.Set(std::move(next));
  return css_only ? ReloadKind::kCss : ReloadKind::kReload;
}

}  // namespace portalgen::serve
