// Builds the site for `serve`: the first build and each rebuild after a ChangeSet, into a new
// Snapshot. Rebuild() receives the change set so that an incremental strategy can replace
// today's full regeneration without touching the server or the watcher.
#ifndef PORTALGEN_SERVE_SITE_BUILDER_H_
#define PORTALGEN_SERVE_SITE_BUILDER_H_

#include <memory>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "build/pipeline.h"
#include "serve/live_reload.h"
#include "serve/snapshot.h"
#include "serve/watcher.h"

namespace portalgen::serve {

struct BuildOutcome {
  std::shared_ptr<const Snapshot> site;  // null when the build failed
  std::vector<Diagnostic> diagnostics;   // sorted; warnings too
  size_t pages = 0;
  double milliseconds = 0;
};

class SiteBuilder {
 public:
  /// Reads the sources through `fs`, which must outlive the builder.
  SiteBuilder(const FileSystem& fs, build::BuildOptions options)
      : fs_(fs), options_(std::move(options)) {}

  BuildOutcome BuildAll() const;
  /// The site after `changes`. For now every change regenerates the whole site in memory.
  BuildOutcome Rebuild(const ChangeSet& changes) const;

 private:
  const FileSystem& fs_;
  build::BuildOptions options_;
};

/// Makes `outcome` the served state: a new site clears the error; a failed build keeps the
/// last good site and shows its diagnostics. Returns the event for open pages: kCss only when
/// just stylesheets changed and both the old and the new state are free of errors.
ReloadKind ApplyOutcome(const BuildOutcome& outcome, const ChangeSet& changes, StateHolder& state);

}  // namespace portalgen::serve

#endif  // PORTALGEN_SERVE_SITE_BUILDER_H_
