#include "serve/site_builder.h"

#include <chrono>
#include <optional>

namespace portalgen::serve {

BuildOutcome SiteBuilder::BuildAll() const {
  const auto start = std::chrono::steady_clock::now();
  build::BuildResult result;
  std::optional<build::GeneratedSite> site = build::Generate(fs_, options_, result);
  BuildOutcome outcome;
  outcome.diagnostics = std::move(result.diagnostics);
  if (site) {
    outcome.pages = result.pages;
    outcome.site = std::make_shared<const Snapshot>(std::move(site->files));
  }
  outcome.milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

BuildOutcome SiteBuilder::Rebuild(const ChangeSet&) const { return BuildAll(); }

ReloadKind ApplyOutcome(const BuildOutcome& outcome, const ChangeSet& changes, StateHolder& state) {
  const std::shared_ptr<const ServeState> previous = state.Get();
  auto next = std::make_shared<ServeState>();
  if (outcome.site) {
    next->site = outcome.site;
  } else {
    next->site = previous->site;
    next->error = FormatDiagnostics(outcome.diagnostics);
  }
  const bool css_only = changes.OnlyStylesheets() && previous->error.empty() && next->error.empty();
  state.Set(std::move(next));
  return css_only ? ReloadKind::kCss : ReloadKind::kReload;
}

}  // namespace portalgen::serve
