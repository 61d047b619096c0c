// Builds the site for `serve`: the first build and each rebuild after a ChangeSet, into a new
// Snapshot whose files are made on request. The builder keeps the last good site model: when
// a change only edits the bodies of existing Markdown files, the next model is the last one
// with those documents replaced (no other file is read, nothing is re-indexed); any other
// change loads the model again from the sources.
#ifndef PORTALGEN_SERVE_SITE_BUILDER_H_
#define PORTALGEN_SERVE_SITE_BUILDER_H_

#include <memory>
#include <optional>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "build/build_options.h"
#include "build/site_model.h"
#include "build/site_plan.h"
#include "serve/live_reload.h"
#include "serve/snapshot.h"
#include "serve/watcher.h"

namespace portalgen::serve {

struct BuildOutcome {
  std::shared_ptr<const Snapshot> site;  // null when the build failed
  std::vector<Diagnostic> diagnostics;   // sorted; warnings too
  size_t pages = 0;
  double milliseconds = 0;
  bool incremental = false;  // made from the last model (body edits only)
};

class SiteBuilder {
 public:
  /// Reads the sources through `fs`, which must outlive the builder.
  SiteBuilder(const FileSystem& fs, build::BuildOptions options)
      : fs_(fs), options_(std::move(options)) {}

  /// Loads the whole model from the sources.
  BuildOutcome BuildAll();
  /// The site after `changes`: incremental when they only edit Markdown bodies, else BuildAll.
  BuildOutcome Rebuild(const ChangeSet& changes);

 private:
  // The last model with the edited documents replaced, or nullopt when the change is more than
  // body edits that render cleanly with the same links (the caller then loads everything).
  std::optional<build::SiteModel> WithEditedBodies(const ChangeSet& changes,
                                                   DiagnosticSink& sink) const;
  // Makes a snapshot of `model` with the last plan (`reuse_plan`) or a new one and, when that
  // succeeds, keeps both.
  BuildOutcome Publish(build::SiteModel model, bool reuse_plan, DiagnosticSink& sink);

  const FileSystem& fs_;
  build::BuildOptions options_;
  std::shared_ptr<const build::SiteModel> model_;  // the last good one
  std::shared_ptr<const build::SitePlan> plan_;    // and its plan
  // The last build failed: the sources differ from model_ in ways a body edit cannot mend
  // (a broken file elsewhere would go unnoticed), so the next change loads everything.
  bool failed_ = false;
};

/// Makes `outcome` the served state: a new site clears the error; a failed build keeps the
/// last good site and shows its diagnostics. Returns the event for open pages: kCss only when
/// just stylesheets changed and both the old and the new state are free of errors.
ReloadKind ApplyOutcome(const BuildOutcome& outcome, const ChangeSet& changes, StateHolder& state);

}  // namespace portalgen::serve

#endif  // PORTALGEN_SERVE_SITE_BUILDER_H_
