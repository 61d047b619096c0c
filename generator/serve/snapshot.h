// The site as `serve` shows it: an immutable map of output path -> bytes and content type,
// replaced as a whole after each rebuild so that no request ever sees a half-built site.
// The bytes are made lazily, on first request, from the snapshot's own site plan.
#ifndef PORTALGEN_SERVE_SNAPSHOT_H_
#define PORTALGEN_SERVE_SNAPSHOT_H_

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/once_slots.h"
#include "build/site_plan.h"
#include "output/output_file.h"

namespace portalgen::serve {

/// The Content-Type for a file name, from its extension (case-insensitive);
/// "application/octet-stream" when the extension is unknown or missing.
std::string_view ContentTypeFor(std::string_view path);

/// True when `content_type` is an HTML page (the only kind that gets scripts injected).
bool IsHtml(std::string_view content_type);

struct SnapshotEntry {
  std::string bytes;
  std::string_view content_type;  // points into a static table
  std::string error;  // diagnostics when the file could not be made (a template error)
};

/// One complete build of the site. Its files are made when first asked for (a plan's pages are
/// rendered on request, so that a rebuild costs the model, not 20,000 pages), then kept. The
/// files it holds never change, and any thread may ask for any of them.
class Snapshot {
 public:
  Snapshot() : made_(0) {}  // empty: no build has succeeded yet
  /// Every file of `plan`, made on request from `model`, which the plan must fit.
  Snapshot(std::shared_ptr<const build::SitePlan> plan,
           std::shared_ptr<const build::SiteModel> model);
  /// Files made already; a later file with the same path replaces an earlier one.
  explicit Snapshot(std::vector<output::OutputFile> files);

  /// The entry for an output path ("briefs/x/index.html"), made now if it was not yet, or
  /// nullptr when the site has no such file.
  const SnapshotEntry* Find(const std::string& key) const;
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  /// The plan, for the next snapshot of a model it fits (null for made files).
  const std::shared_ptr<const build::SitePlan>& plan() const { return plan_; }

 private:
  SnapshotEntry Make(size_t i) const;

  std::shared_ptr<const build::SitePlan> plan_;
  std::shared_ptr<const build::SiteModel> model_;
  std::unique_ptr<view::ViewContext> ctx_;          // on *model_, with its own memo
  std::unordered_map<std::string, size_t> files_index_;  // made files: path -> position
  std::vector<output::OutputFile> files_;
  size_t size_ = 0;
  mutable OnceSlots<SnapshotEntry> made_;
};

/// What the server shows: the last good site, plus the diagnostics of the latest rebuild
/// when it failed (empty when it succeeded).
struct ServeState {
  std::shared_ptr<const Snapshot> site = std::make_shared<const Snapshot>();
  std::string error;
  // The site before `site`: a page that cannot be made now (a template error, found only when
  // the page is rendered) is shown as it was there, under the error overlay.
  std::shared_ptr<const Snapshot> previous;
};

/// The current ServeState, swapped whole under a mutex: a reader keeps the state it got alive
/// for as long as it needs it, whatever rebuilds happen meanwhile.
class StateHolder {
 public:
  std::shared_ptr<const ServeState> Get() const;
  void Set(std::shared_ptr<const ServeState> state);

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const ServeState> state_ = std::make_shared<const ServeState>();
};

}  // namespace portalgen::serve

#endif  // PORTALGEN_SERVE_SNAPSHOT_H_
