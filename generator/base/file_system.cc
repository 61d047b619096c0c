#include "base/file_system.h"

#include <algorithm>

namespace portalgen {

std::string JoinPath(std::string_view a, std::string_view b) {
  if (a.empty() || a == ".") return std::string(b);
  if (b.empty()) return std::string(a);
  if (b.front() == '/') b.remove_prefix(1);
  std::string out;
  out.reserve(a.size() + 1 + b.size());
  out += a;
  if (out.back() != '/') out += '/';
  out += b;
  return out;
}

std::string NormalizePath(std::string_view path) {
  std::string out;
  const bool absolute = !path.empty() && path.front() == '/';
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (!part.empty() && part != ".") {
      if (!out.empty()) out += '/';
      out += part;
    }
    i = j + 1;
  }
  if (absolute) out.insert(out.begin(), '/');
  return out.empty() ? "." : out;
}

std::string ParentPath(std::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return "";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string BaseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string JoinPieces(const PieceSource& source) {
  std::string bytes;
  source([&bytes](std::string_view piece) { bytes.append(piece); });
  return bytes;
}

Status FolderWriter::WriteInPieces(const std::string& rel, const PieceSource& source) {
  return Write(rel, JoinPieces(source));
}

namespace {

// The default FolderWriter: the folder joined to each path, through the file system.
class JoiningWriter : public FolderWriter {
 public:
  JoiningWriter(FileSystem& fs, std::string dir) : fs_(fs), dir_(std::move(dir)) {}
  Status Write(const std::string& rel, std::string_view bytes) override {
    return fs_.Write(JoinPath(dir_, rel), bytes);
  }
  Status MakeFolders(const std::string& rel) override {
    return fs_.MakeFolders(JoinPath(dir_, rel));
  }

 private:
  FileSystem& fs_;
  const std::string dir_;
};

}  // namespace

std::unique_ptr<FolderWriter> FileSystem::WriterUnder(const std::string& dir) {
  return std::make_unique<JoiningWriter>(*this, dir);
}

// ---- MemoryFileSystem ----

Result<std::string> MemoryFileSystem::Read(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto fault = failing_reads_.find(NormalizePath(path)); fault != failing_reads_.end()) {
    return fault->second;
  }
  auto it = files_.find(NormalizePath(path));
  if (it == files_.end()) return Status::NotFound(path + ": no such file");
  return it->second;
}

Status MemoryFileSystem::Write(const std::string& path, std::string_view bytes) {
  const std::string key = NormalizePath(path);
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [prefix, reason] : failing_prefixes_) {
    if (key.compare(0, prefix.size(), prefix) == 0) return Status::Io(path + ": " + reason);
  }
  files_[key] = std::string(bytes);
  written_at_[key] = ++clock_;
  return Status::Ok();
}

namespace {

bool IsUnder(const std::string& path, const std::string& dir) {
  if (dir == ".") return true;
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
         path[dir.size()] == '/';
}

}  // namespace

Result<std::vector<std::string>> MemoryFileSystem::ListFiles(const std::string& dir) const {
  const std::string key = NormalizePath(dir);
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  for (const auto& [path, bytes] : files_) {
    if (IsUnder(path, key)) out.push_back(path);
  }
  return out;
}

bool MemoryFileSystem::IsFile(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_.count(NormalizePath(path)) > 0;
}

bool MemoryFileSystem::IsDirectory(const std::string& path) const {
  const std::string key = NormalizePath(path);
  std::lock_guard<std::mutex> lock(mu_);
  return std::any_of(files_.begin(), files_.end(),
                     [&](const auto& entry) { return IsUnder(entry.first, key); });
}

Status MemoryFileSystem::Rename(const std::string& from, const std::string& to) {
  const std::string src = NormalizePath(from), dst = NormalizePath(to);
  std::lock_guard<std::mutex> lock(mu_);
  std::map<std::string, std::string> moved;
  for (auto it = files_.begin(); it != files_.end();) {
    if (it->first == src || IsUnder(it->first, src)) {
      moved[dst + it->first.substr(src.size())] = std::move(it->second);
      it = files_.erase(it);
    } else {
      ++it;
    }
  }
  if (moved.empty()) return Status::NotFound(from + ": no such file or folder");
  files_.merge(moved);
  return Status::Ok();
}

Status MemoryFileSystem::RemoveAll(const std::string& path) {
  const std::string key = NormalizePath(path);
  std::lock_guard<std::mutex> lock(mu_);
  std::erase_if(files_, [&](const auto& entry) {
    return entry.first == key || IsUnder(entry.first, key);
  });
  return Status::Ok();
}

Status MemoryFileSystem::Replace(const std::string& from, const std::string& to) {
  const std::string src = NormalizePath(from), dst = NormalizePath(to);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(src);
  if (it == files_.end()) return Status::NotFound(from + ": no such file");
  files_[dst] = std::move(it->second);
  files_.erase(it);
  written_at_[dst] = ++clock_;
  return Status::Ok();
}

std::optional<FileStamp> MemoryFileSystem::Stamp(const std::string& path) const {
  const std::string key = NormalizePath(path);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(key);
  if (it == files_.end()) return std::nullopt;
  auto at = written_at_.find(key);
  return FileStamp{it->second.size(), at == written_at_.end() ? 0 : at->second};
}

std::map<std::string, std::string> MemoryFileSystem::Snapshot() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_;
}

void MemoryFileSystem::FailWritesUnder(std::string prefix, std::string reason) {
  std::lock_guard<std::mutex> lock(mu_);
  failing_prefixes_.emplace_back(NormalizePath(prefix), std::move(reason));
}

void MemoryFileSystem::FailReadsOf(std::string path, Status status) {
  std::lock_guard<std::mutex> lock(mu_);
  failing_reads_[NormalizePath(path)] = std::move(status);
}

}  // namespace portalgen
