#include "base/read_once_file_system.h"

#include <utility>

#include "base/hash.h"

namespace portalgen {

Result<std::string> ReadOnceFileSystem::Read(const std::string& path) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = remembered_.find(path);
    if (it != remembered_.end()) {
      std::string bytes = std::move(it->second);
      remembered_.erase(it);
      return bytes;
    }
  }
  Result<std::string> bytes = base_.Read(path);
  if (!bytes.ok()) return bytes;
  const uint64_t hash = Hash64(bytes.value());
  std::lock_guard<std::mutex> lock(mu_);
  hashes_.insert_or_assign(path, hash);
  if (remembering_) remembered_.insert_or_assign(path, bytes.value());
  return bytes;
}

std::optional<uint64_t> ReadOnceFileSystem::HashOf(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = hashes_.find(path);
  if (it == hashes_.end()) return std::nullopt;
  return it->second;
}

void ReadOnceFileSystem::StopRemembering() {
  std::lock_guard<std::mutex> lock(mu_);
  remembering_ = false;
}

Result<std::vector<std::string>> ReadOnceFileSystem::ListFiles(const std::string& dir) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = listed_.find(dir); it != listed_.end()) return it->second;
  }
  Result<std::vector<std::string>> files = base_.ListFiles(dir);
  std::lock_guard<std::mutex> lock(mu_);
  listed_.insert_or_assign(dir, files);
  return files;
}

// A change anywhere may change what a later Read or ListFiles should see: start afresh.
void ReadOnceFileSystem::Forget() {
  std::lock_guard<std::mutex> lock(mu_);
  remembered_.clear();
  listed_.clear();
  hashes_.clear();
}

Status ReadOnceFileSystem::Write(const std::string& path, std::string_view bytes) {
  Forget();
  return base_.Write(path, bytes);
}

Status ReadOnceFileSystem::Rename(const std::string& from, const std::string& to) {
  Forget();
  return base_.Rename(from, to);
}

Status ReadOnceFileSystem::RemoveAll(const std::string& path) {
  Forget();
  return base_.RemoveAll(path);
}

Status ReadOnceFileSystem::Replace(const std::string& from, const std::string& to) {
  Forget();
  return base_.Replace(from, to);
}

}  // namespace portalgen
