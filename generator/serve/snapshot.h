// The site as `serve` shows it: an immutable map of output path -> bytes and content type,
// replaced as a whole after each rebuild so that no request ever sees a half-built site.
#ifndef PORTALGEN_SERVE_SNAPSHOT_H_
#define PORTALGEN_SERVE_SNAPSHOT_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
};

/// One complete build. Never changes once made, so any thread may read it without a lock.
class Snapshot {
 public:
  Snapshot() = default;  // empty: no build has succeeded yet
  /// Takes the files' bytes; a later file with the same path replaces an earlier one.
  explicit Snapshot(std::vector<output::OutputFile> files);

  /// The entry for an output path ("briefs/x/index.html"), or nullptr.
  const SnapshotEntry* Find(const std::string& key) const;
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }

 private:
  std::unordered_map<std::string, SnapshotEntry> entries_;
};

/// What the server shows: the last good site, plus the diagnostics of the latest rebuild
/// when it failed (empty when it succeeded).
struct ServeState {
  std::shared_ptr<const Snapshot> site = std::make_shared<const Snapshot>();
  std::string error;
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
