// ReadOnceFileSystem: a FileSystem over another that remembers the files read through it and
// hands each one over once more without reading it again, and the hash of each. `build` hashes
// changed inputs (build/build_cache.h) before loading them, or, in a new output folder, hashes
// what the loader read: either way, each input is read from the disk once.
#ifndef PORTALGEN_BASE_READ_ONCE_FILE_SYSTEM_H_
#define PORTALGEN_BASE_READ_ONCE_FILE_SYSTEM_H_

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "base/file_system.h"

namespace portalgen {

class ReadOnceFileSystem : public FileSystem {
 public:
  /// Reads and lists through `base`, which must outlive this one.
  explicit ReadOnceFileSystem(FileSystem& base) : base_(base) {}

  /// Gives the remembered bytes of `path` and forgets them (the second reader is the last);
  /// else reads through the base, remembering the bytes until StopRemembering().
  Result<std::string> Read(const std::string& path) const override;
  /// From now on, reads remember nothing new (what is remembered is still handed over once).
  void StopRemembering();
  /// Hash64 of the bytes last read from the base at `path`, if any was read.
  std::optional<uint64_t> HashOf(const std::string& path) const;
  /// Lists through the base the first time; later calls give the same list.
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;

  // Changes go to the base and forget what they touch.
  Status Write(const std::string& path, std::string_view bytes) override;
  /// Makes folders through the base; files stay as they were, so nothing is forgotten.
  Status MakeFolders(const std::string& dir) override { return base_.MakeFolders(dir); }
  Status Rename(const std::string& from, const std::string& to) override;
  Status RemoveAll(const std::string& path) override;
  Status Replace(const std::string& from, const std::string& to) override;
  bool IsFile(const std::string& path) const override { return base_.IsFile(path); }
  bool IsDirectory(const std::string& path) const override { return base_.IsDirectory(path); }
  std::optional<FileStamp> Stamp(const std::string& path) const override {
    return base_.Stamp(path);
  }

 private:
  void Forget();

  FileSystem& base_;
  mutable std::mutex mu_;
  bool remembering_ = true;
  mutable std::map<std::string, std::string> remembered_;
  mutable std::map<std::string, Result<std::vector<std::string>>> listed_;
  mutable std::map<std::string, uint64_t> hashes_;
};

}  // namespace portalgen

#endif  // PORTALGEN_BASE_READ_ONCE_FILE_SYSTEM_H_
