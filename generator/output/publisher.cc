#include "output/publisher.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "base/hash.h"
#include "base/thread_pool.h"

namespace portalgen::output {

namespace {

// `<parent>/.<name><suffix>` for an output folder `<parent>/<name>`.
std::string Beside(const std::string& output_dir, const std::string& suffix) {
  const std::string normalized = NormalizePath(output_dir);
  return JoinPath(ParentPath(normalized), "." + BaseName(normalized) + suffix);
}

}  // namespace

std::string StagingDir(const std::string& output_dir) { return Beside(output_dir, ".staging"); }

bool IsSafeOutputPath(const std::string& rel) {
  if (rel.empty() || rel.front() == '/' || rel.find('\\') != std::string::npos ||
      rel.find('\0') != std::string::npos) {
    return false;
  }
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    const std::string_view part = std::string_view(rel).substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

Publisher::Publisher(FileSystem& fs, std::string output_dir, std::optional<Manifest> previous)
    : fs_(fs),
      output_dir_(NormalizePath(output_dir)),
      staging_(StagingDir(output_dir)),
      previous_(std::move(previous)) {}

Status Publisher::Begin() {
  // Leftovers of an interrupted run are ours to remove; so is the backup folder of older
  // versions, which swapped whole folders.
  if (Status s = fs_.RemoveAll(staging_); !s.ok()) return s;
  staging_writer_.reset();
  folders_.clear();
  if (Status s = fs_.RemoveAll(Beside(output_dir_, ".previous")); !s.ok()) return s;
  fresh_ = !fs_.IsDirectory(output_dir_);
  if (fresh_ && fs_.IsFile(output_dir_)) {
    return Status::Io(output_dir_ + ": is a file, not a folder");
  }
  if (fresh_) previous_ = Manifest{};
  return Status::Ok();
}

void Publisher::PrepareFolders(const std::vector<std::string>& paths, int jobs) {
  if (!fresh_) return;
  // Folder -> the folders to make in it, each group in path order.
  std::map<std::string, std::vector<std::string>> groups;
  std::unordered_set<std::string> seen;
  for (const std::string& path : paths) {
    if (!IsSafeOutputPath(path)) continue;
    std::string folder = ParentPath(path);
    if (folder.empty() || !seen.insert(folder).second) continue;  // "": the staging folder
    std::string parent = ParentPath(folder);
    groups[std::move(parent)].push_back(std::move(folder));
  }
  std::vector<const std::pair<const std::string, std::vector<std::string>>*> order;
  for (const auto& group : groups) order.push_back(&group);
  // The largest groups first, so that the small ones fill the gaps.
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* a, const auto* b) { return a->second.size() > b->second.size(); });
  if (order.empty()) return;
  FolderWriter& staging = Staging();
  ParallelFor(order.size(), jobs, [&](size_t i) {
    const auto& [parent, folders] = *order[i];
    if (!staging.MakeFolders(parent).ok()) return;
    std::vector<std::string> made;
    for (const std::string& folder : folders) {
      if (staging.MakeFolders(folder).ok()) made.push_back(folder);
    }
    std::lock_guard<std::mutex> lock(folders_mu_);
    for (std::string& folder : made) folders_.insert(std::move(folder));
  });
}

// By the previous manifest's hash; without one, by the output's bytes: compared with `bytes`
// when the caller has them whole, else by their hash.
bool Publisher::Unchanged(const std::string& path, uint64_t hash, const std::string* bytes) const {
  if (fresh_) return false;
  const std::string target = JoinPath(output_dir_, path);
  if (previous_) {
    auto it = previous_->find(path);
    return it != previous_->end() && it->second == hash && fs_.IsFile(target);
  }
  Result<std::string> old = fs_.Read(target);
  return old.ok() && (bytes != nullptr ? old.value() == *bytes : Hash64(old.value()) == hash);
}

// Most pages have a folder of their own: making it first, once, spares the write a failed open
// (the folder is missing) before it makes the folder itself.
Status Publisher::StagingFolderFor(const std::string& path) {
  std::string folder = ParentPath(path);
  bool made = folder.empty();  // the staging folder itself
  if (!made) {
    std::lock_guard<std::mutex> lock(folders_mu_);
    made = folders_.count(folder) > 0;
  }
  if (made) return Status::Ok();
  if (Status s = Staging().MakeFolders(folder); !s.ok()) return s;
  std::lock_guard<std::mutex> lock(folders_mu_);
  folders_.insert(std::move(folder));
  return Status::Ok();
}

// Writes `file` into staging.
Status Publisher::Stage(const OutputFile& file) {
  if (Status s = StagingFolderFor(file.path); !s.ok()) return s;
  return Staging().Write(file.path, file.bytes);
}

// Made on first use, so that a site with nothing to write leaves no staging folder.
FolderWriter& Publisher::Staging() {
  std::lock_guard<std::mutex> lock(folders_mu_);
  if (!staging_writer_) staging_writer_ = fs_.WriterUnder(staging_);
  return *staging_writer_;
}

bool Publisher::Refuse(const std::string& path) {
  if (IsSafeOutputPath(path)) return false;
  std::lock_guard<std::mutex> lock(mu_);
  errors_.emplace(path, Status::Io("refusing to write outside the output folder: '" + path + "'"));
  return true;
}

void Publisher::Add(const OutputFile& file) {
  if (Refuse(file.path)) return;
  const uint64_t hash = Hash64(file.bytes);
  const bool unchanged = Unchanged(file.path, hash, &file.bytes);
  Status written = unchanged ? Status::Ok() : Stage(file);
  Record(file.path, hash, !unchanged, std::move(written));
}

void Publisher::AddInPieces(const std::string& path, const PieceSource& source) {
  if (Refuse(path)) return;
  Hash64Stream hash;
  const PieceSource hashed = [&](const PutPiece& put) {
    source([&](std::string_view piece) {
      hash.Add(piece);
      put(piece);
    });
  };
  Status written = StagingFolderFor(path);
  if (written.ok()) {
    written = Staging().WriteInPieces(path, hashed);
  } else {
    hashed([](std::string_view) {});  // `source` runs once in any case
  }
  // Written before it could be compared: a staged copy of an unchanged file is not listed, and
  // goes with the staging folder.
  const bool unchanged = written.ok() && Unchanged(path, hash.Digest(), nullptr);
  Record(path, hash.Digest(), !unchanged, std::move(written));
}

void Publisher::Record(const std::string& path, uint64_t hash, bool staged, Status written) {
  // The manifest entry and the staged path are allocated before taking the lock, which the
  // other threads wait for on every file.
  Manifest entry{{path, hash}};
  auto node = entry.extract(entry.begin());
  std::string staged_path = staged && written.ok() ? path : std::string();
  std::lock_guard<std::mutex> lock(mu_);
  if (!next_.insert(std::move(node)).inserted) ++clashes_[path];
  if (!written.ok()) errors_.emplace(path, std::move(written));
  if (!staged_path.empty()) staged_.push_back(std::move(staged_path));
}

bool Publisher::Keep(const std::string& path) {
  if (fresh_ || !previous_) return false;
  auto it = previous_->find(path);
  if (it == previous_->end()) return false;
  std::lock_guard<std::mutex> lock(mu_);
  if (!next_.emplace(path, it->second).second) ++clashes_[path];
  return true;
}

Status Publisher::Check() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (!errors_.empty()) return errors_.begin()->second;
  if (!clashes_.empty()) return Status::Io("two outputs at '" + clashes_.begin()->first + "'");
  return Status::Ok();
}

Status Publisher::Commit() {
  if (Status s = Check(); !s.ok()) {
    Abort();
    return s;
  }
  if (fresh_) {
    if (staged_.empty()) return Status::Ok();  // an empty site: nothing to publish
    Status s = fs_.Rename(staging_, output_dir_);
    if (!s.ok()) Abort();
    return s;
  }
  return CommitInPlace();
}

// Moves each staged file over its old version (one rename each: a reader sees the old file or
// the new one, never a mix), then removes what the new site no longer has.
Status Publisher::CommitInPlace() {
  std::sort(staged_.begin(), staged_.end());
  for (const std::string& path : staged_) {
    if (Status s = fs_.Replace(JoinPath(staging_, path), JoinPath(output_dir_, path)); !s.ok()) {
      Abort();
      return s;
    }
  }
  std::vector<std::string> gone;
  if (previous_) {
    for (const auto& [path, hash] : *previous_) {
      if (!next_.count(path)) gone.push_back(JoinPath(output_dir_, path));
    }
  } else if (Result<std::vector<std::string>> all = fs_.ListFiles(output_dir_); all.ok()) {
    const std::string prefix = output_dir_ == "." ? "" : output_dir_ + "/";
    for (const std::string& file : all.value()) {
      if (!next_.count(file.substr(prefix.size()))) gone.push_back(file);
    }
  }
  std::set<std::string> folders;
  for (const std::string& file : gone) {
    if (fs_.RemoveAll(file).ok()) ++removed_;
    folders.insert(ParentPath(file));
  }
  // Folders left empty go too, deepest first ("events/x/" after its last file went).
  for (auto it = folders.rbegin(); it != folders.rend(); ++it) {
    for (std::string dir = *it; dir.size() > output_dir_.size(); dir = ParentPath(dir)) {
      Result<std::vector<std::string>> left = fs_.ListFiles(dir);
      if (!left.ok() || !left.value().empty()) break;
      fs_.RemoveAll(dir);
    }
  }
  return fs_.RemoveAll(staging_);
}

void Publisher::Abort() {
  {
    std::lock_guard<std::mutex> lock(folders_mu_);
    staging_writer_.reset();
    folders_.clear();
  }
  fs_.RemoveAll(staging_);
}

Status Publish(FileSystem& fs, const std::string& output_dir, const std::vector<OutputFile>& files,
               int jobs) {
  Publisher publisher(fs, output_dir, std::nullopt);
  if (Status s = publisher.Begin(); !s.ok()) return s;
  std::vector<std::string> paths;
  for (const OutputFile& file : files) paths.push_back(file.path);
  publisher.PrepareFolders(paths, jobs);
  ParallelFor(files.size(), jobs, [&](size_t i) { publisher.Add(files[i]); });
  return publisher.Commit();
}

}  // namespace portalgen::output
