// Watches a site's sources with inotify (Linux): content/, static/ and themes/ recursively,
// folders created later included, and site.toml. Bursts of events are debounced into one
// ChangeSet (after Hugo's watcher/batcher).
#ifndef PORTALGEN_SERVE_WATCHER_H_
#define PORTALGEN_SERVE_WATCHER_H_

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"

namespace portalgen::serve {

enum class ChangeKind { kContent, kStatic, kTheme, kConfig };

/// The kind of a changed path relative to the site folder ("content/events/x.md"), or nullopt
/// when it does not affect the site: other top-level files, hidden files and editor backups
/// ("x.md~", ".x.md.swp").
std::optional<ChangeKind> ClassifyChange(std::string_view relative_path);

/// What changed since the last rebuild, relative to the site folder.
struct ChangeSet {
  std::set<std::string> paths;
  bool everything = false;  // events were lost (queue overflow): assume any file changed
  bool links = false;       // a changed path is a symbolic link: only a full load checks it

  bool empty() const { return paths.empty() && !everything; }
  /// True when only stylesheets under static/ or themes/ changed, so that open pages can
  /// refresh their CSS instead of reloading.
  bool OnlyStylesheets() const;
};

class Watcher {
 public:
  /// Starts watching the site in `source_dir`.
  static Result<std::unique_ptr<Watcher>> Open(const std::string& source_dir);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  enum class Wake { kChanges, kStop };
  /// Blocks until a relevant file changes, then collects further events until `quiet` passes
  /// without one (at most `max_delay` in all), and returns kChanges with them in `*changes`.
  /// Returns kStop as soon as `stop_fd` is readable.
  Wake Wait(int stop_fd, ChangeSet* changes,
            std::chrono::milliseconds quiet = std::chrono::milliseconds(60),
            std::chrono::milliseconds max_delay = std::chrono::milliseconds(1000));

 private:
  Watcher(int fd, std::string root) : fd_(fd), root_(std::move(root)) {}
  enum class Ready { kEvents, kStop, kTimeout };
  Ready Poll(int stop_fd, int timeout_ms) const;
  // Watches `relative_dir` and every folder below it; files found there count as changed,
  // since they may have been written before the watch existed.
  void AddTree(const std::string& relative_dir, ChangeSet* changes);
  void AddWatch(const std::string& relative_dir);
  void Drain(ChangeSet* changes);
  void HandleEvent(int wd, uint32_t mask, std::string_view name, ChangeSet* changes);

  int fd_;
  std::string root_;
  std::unordered_map<int, std::string> dirs_;  // watch descriptor -> folder relative to root_
};

}  // namespace portalgen::serve

#endif  // PORTALGEN_SERVE_WATCHER_H_
