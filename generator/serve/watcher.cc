#include "serve/watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace portalgen::serve {

namespace {

constexpr uint32_t kDirMask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
                              IN_MOVED_TO | IN_DONT_FOLLOW | IN_ONLYDIR;
constexpr std::string_view kTrees[] = {"content", "static", "themes"};

bool IsIgnoredName(std::string_view segment) {
  return segment.empty() || segment.front() == '.' || segment.back() == '~';
}

std::string Join(const std::string& dir, std::string_view name) {
  return dir.empty() ? std::string(name) : dir + "/" + std::string(name);
}

}  // namespace

std::optional<ChangeKind> ClassifyChange(std::string_view path) {
  for (size_t start = 0; start <= path.size();) {
    size_t end = std::min(path.find('/', start), path.size());
    if (IsIgnoredName(path.substr(start, end - start))) return std::nullopt;
    start = end + 1;
  }
  if (path == "site.toml") return ChangeKind::kConfig;
  const std::string_view top = path.substr(0, path.find('/'));
  if (top == "content") return ChangeKind::kContent;
  if (top == "static") return ChangeKind::kStatic;
  if (top == "themes") return ChangeKind::kTheme;
  return std::nullopt;
}

bool ChangeSet::OnlyStylesheets() const {
  if (empty() || everything) return false;
  return std::all_of(paths.begin(), paths.end(), [](const std::string& p) {
    const std::optional<ChangeKind> kind = ClassifyChange(p);
    return p.ends_with(".css") && (kind == ChangeKind::kStatic || kind == ChangeKind::kTheme);
  });
}

Result<std::unique_ptr<Watcher>> Watcher::Open(const std::string& source_dir) {
  const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return Status::Io(std::string("cannot watch files: ") + std::strerror(errno));
  std::unique_ptr<Watcher> w(new Watcher(fd, source_dir));
  // The root watch sees site.toml and content/, static/, themes/ appearing later.
  const int root_wd = inotify_add_watch(fd, source_dir.c_str(), kDirMask);
  if (root_wd < 0) return Status::Io("cannot watch " + source_dir + ": " + std::strerror(errno));
  w->dirs_[root_wd] = "";
  ChangeSet ignored;
  for (std::string_view tree : kTrees) w->AddTree(std::string(tree), &ignored);
  return w;
}

Watcher::~Watcher() { close(fd_); }

void Watcher::AddWatch(const std::string& relative_dir) {
  const int wd = inotify_add_watch(fd_, Join(root_, relative_dir).c_str(), kDirMask);
  if (wd >= 0) dirs_[wd] = relative_dir;
}

void Watcher::AddTree(const std::string& relative_dir, ChangeSet* changes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(Join(root_, relative_dir), ec)) return;
  AddWatch(relative_dir);
  for (fs::recursive_directory_iterator it(Join(root_, relative_dir), ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string rel = Join(
        relative_dir, fs::relative(it->path(), Join(root_, relative_dir), ec).generic_string());
    if (it->is_directory(ec)) {
      AddWatch(rel);
    } else if (ClassifyChange(rel)) {
      changes->paths.insert(rel);
    }
  }
}

Watcher::Ready Watcher::Poll(int stop_fd, int timeout_ms) const {
  pollfd fds[2] = {{stop_fd, POLLIN, 0}, {fd_, POLLIN, 0}};
  int n;
  do {
    n = poll(fds, 2, timeout_ms);
  } while (n < 0 && errno == EINTR);
  if (n < 0 || fds[0].revents) return Ready::kStop;
  return n == 0 ? Ready::kTimeout : Ready::kEvents;
}

void Watcher::HandleEvent(int wd, uint32_t mask, std::string_view name, ChangeSet* changes) {
  if (mask & IN_Q_OVERFLOW) {
    changes->everything = true;
    return;
  }
  auto dir = dirs_.find(wd);
  if (dir == dirs_.end()) return;
  if (mask & IN_IGNORED) {  // the folder itself is gone
    dirs_.erase(dir);
    return;
  }
  const std::string path = Join(dir->second, name);
  if (!ClassifyChange(path)) return;
  if ((mask & IN_ISDIR) && (mask & (IN_CREATE | IN_MOVED_TO))) AddTree(path, changes);
  std::error_code ec;
  if (std::filesystem::is_symlink(Join(root_, path), ec)) changes->links = true;
  changes->paths.insert(path);
}

void Watcher::Drain(ChangeSet* changes) {
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    const ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) return;  // EAGAIN: nothing more for now
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
      HandleEvent(e->wd, e->mask, e->len ? std::string_view(e->name) : std::string_view(), changes);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
    }
  }
}

Watcher::Wake Watcher::Wait(int stop_fd, ChangeSet* changes, std::chrono::milliseconds quiet,
                            std::chrono::milliseconds max_delay) {
  while (changes->empty()) {
    if (Poll(stop_fd, -1) == Ready::kStop) return Wake::kStop;
    Drain(changes);
  }
  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline = Clock::now() + max_delay;
  for (Clock::time_point now = Clock::now(); now < deadline; now = Clock::now()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    const Ready ready = Poll(stop_fd, static_cast<int>(std::min(quiet, left).count()) + 1);
    if (ready == Ready::kStop) return Wake::kStop;
    if (ready == Ready::kTimeout) break;
    Drain(changes);
  }
  return Wake::kChanges;
}

}  // namespace portalgen::serve
