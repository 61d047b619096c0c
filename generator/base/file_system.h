// All I/O goes through FileSystem: RealFileSystem for builds, MemoryFileSystem for tests and
// `serve` (ninja's DiskInterface, leveldb's Env + NewMemEnv). Paths use '/' separators.
#ifndef PORTALGEN_BASE_FILE_SYSTEM_H_
#define PORTALGEN_BASE_FILE_SYSTEM_H_

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace portalgen {

/// What tells a file's version without reading it: its size and modification time.
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

/// Hands the bytes of a file, piece by piece and in order, to `put`.
using PutPiece = std::function<void(std::string_view piece)>;
using PieceSource = std::function<void(const PutPiece& put)>;
/// The bytes of `source`, joined.
std::string JoinPieces(const PieceSource& source);

/// Writes the files and folders below one folder, by paths relative to it
/// ("events/x/index.html"): FileSystem::WriterUnder(). Thread-safe.
class FolderWriter {
 public:
  virtual ~FolderWriter() = default;
  /// As FileSystem::Write() and MakeFolders() of the folder joined with `rel`; messages name
  /// that whole path. `rel` is relative and has no ".." parts (see output::IsSafeOutputPath).
  virtual Status Write(const std::string& rel, std::string_view bytes) = 0;
  virtual Status MakeFolders(const std::string& rel) = 0;
  /// Write() of the bytes `source` makes, for a file too large to hold at once (the search
  /// index): a writer that can writes each piece as it comes. `source` runs exactly once, also
  /// when the file cannot be written. The default joins the pieces and calls Write().
  virtual Status WriteInPieces(const std::string& rel, const PieceSource& source);
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// The whole file. NotFound when it does not exist.
  virtual Result<std::string> Read(const std::string& path) const = 0;
  /// Writes `bytes`, creating parent folders as needed.
  virtual Status Write(const std::string& path, std::string_view bytes) = 0;
  /// Creates the folder `dir` and its missing parents; Ok when it exists already. Optional
  /// before Write(): a writer that knows a folder is new saves Write() a failed open. Folders
  /// are implied by file paths here, so the default does nothing.
  virtual Status MakeFolders(const std::string& dir) {
    (void)dir;
    return Status::Ok();
  }
  /// Every regular file below `dir`, recursively, as "dir/sub/file", sorted.
  /// Empty (not an error) when `dir` does not exist. Fails with "<path>: <reason>" naming the
  /// first entry that cannot be listed (see RealFileSystem).
  virtual Result<std::vector<std::string>> ListFiles(const std::string& dir) const = 0;
  virtual bool IsFile(const std::string& path) const = 0;
  virtual bool IsDirectory(const std::string& path) const = 0;
  /// Renames a file or folder; `to` must not exist.
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  /// Removes a file or a folder and everything in it; ok when it does not exist.
  virtual Status RemoveAll(const std::string& path) = 0;
  /// Moves the file `from` to `to`, replacing the file at `to` if there is one, and creating
  /// `to`'s folders as needed. Atomic for readers of `to` on a real file system.
  virtual Status Replace(const std::string& from, const std::string& to) = 0;
  /// Size and modification time of a regular file; nullopt when there is none at `path`.
  virtual std::optional<FileStamp> Stamp(const std::string& path) const = 0;
  /// A writer for the files below the folder `dir`. The default writes through this file
  /// system, joining `dir` to each path.
  virtual std::unique_ptr<FolderWriter> WriterUnder(const std::string& dir);
};

/// The machine's file system. ListFiles() follows a symbolic link only to a file inside the
/// folder being listed; a link that leads outside it, to a folder, to nothing, or in a loop
/// fails the listing with an Io status "<link>: <reason>".
class RealFileSystem : public FileSystem {
 public:
  Result<std::string> Read(const std::string& path) const override;
  Status Write(const std::string& path, std::string_view bytes) override;
  Status MakeFolders(const std::string& dir) override;
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;
  bool IsFile(const std::string& path) const override;
  bool IsDirectory(const std::string& path) const override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status RemoveAll(const std::string& path) override;
  Status Replace(const std::string& from, const std::string& to) override;
  std::optional<FileStamp> Stamp(const std::string& path) const override;
  /// Makes `dir` when missing, opens it once and writes each file relative to it (openat,
  /// mkdirat): the kernel then walks only the relative part of each path, not `dir`'s
  /// components again for every file.
  std::unique_ptr<FolderWriter> WriterUnder(const std::string& dir) override;
};

/// An in-memory tree: files only, folders implied by their paths. Thread-safe.
class MemoryFileSystem : public FileSystem {
 public:
  Result<std::string> Read(const std::string& path) const override;
  Status Write(const std::string& path, std::string_view bytes) override;
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;
  bool IsFile(const std::string& path) const override;
  bool IsDirectory(const std::string& path) const override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status RemoveAll(const std::string& path) override;
  Status Replace(const std::string& from, const std::string& to) override;
  /// The size, and a counter of writes as the time: every write gives a new stamp.
  std::optional<FileStamp> Stamp(const std::string& path) const override;

  /// Every file and its bytes, for tests.
  std::map<std::string, std::string> Snapshot() const;
  /// Makes later writes under `prefix` fail with an I/O error whose message ends with
  /// `reason` (to test faults: a full disk, a read-only folder).
  void FailWritesUnder(std::string prefix, std::string reason = "No space left on device");
  /// Makes later reads of `path` fail with `status` while the file is still listed (to test
  /// faults: Status::Io for an unreadable file, Status::NotFound for one removed after it was
  /// listed).
  void FailReadsOf(std::string path, Status status);

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string> files_;
  std::map<std::string, int64_t> written_at_;  // write counter at each file's last write
  int64_t clock_ = 0;
  std::vector<std::pair<std::string, std::string>> failing_prefixes_;  // prefix, reason
  std::map<std::string, Status> failing_reads_;
};

/// Joins two '/' paths ("a" + "b/c" -> "a/b/c"); an empty side yields the other.
std::string JoinPath(std::string_view a, std::string_view b);
/// Removes "./" segments, repeated and trailing slashes.
std::string NormalizePath(std::string_view path);
/// The folder part of a path ("a/b/c" -> "a/b", "c" -> "").
std::string ParentPath(std::string_view path);
/// The last part of a normalized path ("a/b/c" -> "c", "/x" -> "x").
std::string BaseName(std::string_view path);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_FILE_SYSTEM_H_
