// RealFileSystem: the only place in the generator that touches the disk.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "base/file_system.h"

namespace portalgen {

namespace fs = std::filesystem;

namespace {

Status IoError(const std::string& path, const std::error_code& ec) {
  return Status::Io(path + ": " + ec.message());
}

// True when `target` (resolved) lies inside `root` (resolved).
bool StaysInside(const fs::path& root, const fs::path& target) {
  auto r = root.begin();
  auto t = target.begin();
  for (; r != root.end(); ++r, ++t) {
    if (t == target.end() || *r != *t) return false;
  }
  return true;
}

// Why the symbolic link `link`, found below the folder `root` (resolved), is not followed; ""
// when it leads to a file inside `root`. Links to folders are never followed: they could loop.
std::string LinkProblem(const fs::path& root, const fs::path& link) {
  const std::string folder = root.filename().generic_string() + "/";
  std::error_code ec;
  const fs::file_status target = fs::status(link, ec);  // follows the link
  if (ec.value() == ELOOP) return "symbolic link loop (the link leads back to itself)";
  if (!fs::exists(target)) {
    return "broken symbolic link (to " + fs::read_symlink(link, ec).generic_string() +
           ", which does not exist)";
  }
  const fs::path resolved = fs::canonical(link, ec);
  if (ec) return "cannot follow the symbolic link: " + ec.message();
  if (!StaysInside(root, resolved)) {
    return "symbolic link leads outside " + folder + " (to " + resolved.generic_string() + ")";
  }
  if (fs::is_directory(target)) return "symbolic link to a folder (folders are not followed)";
  return "";
}

}  // namespace

// Why `path` could not be opened for reading (`open_errno`): NotFound when nothing can be
// found there, else Io.
Status OpenError(const std::string& path, int open_errno) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Status::NotFound(path + ": no such file");
  if (!S_ISREG(st.st_mode)) return Status::Io(path + ": not a regular file");
  return Status::Io(path + ": " + std::strerror(open_errno));
}

// One open, one fstat and (for a file that does not grow meanwhile) one read into a string of
// the file's size: iostreams copied each file twice through growing buffers, and two stats
// came first. Errors are as before: NotFound when nothing is there, Io for a folder or device.
Result<std::string> RealFileSystem::Read(const std::string& path) const {
  // O_NONBLOCK: a FIFO must fail below as "not a regular file", not block the build.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return OpenError(path, errno);
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::Io(path + ": not a regular file");
  }
  std::string bytes;
  // One byte more than the size: a read that asks for it and gets exactly the size has met the
  // end, so no second read is needed to find it (10,000 system calls at 10,000 files). A file
  // that grew meanwhile fills the byte, and is read on to its end.
  const size_t size = static_cast<size_t>(st.st_size);
  bytes.resize(size + 1);
  size_t filled = 0;
  while (true) {
    if (filled == bytes.size()) bytes.resize(bytes.size() * 2);  // the file grew meanwhile
    const size_t wanted = bytes.size() - filled;
    const ssize_t n = ::read(fd, bytes.data() + filled, wanted);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return Status::Io(path + ": read failed");
    }
    if (n == 0) break;
    filled += static_cast<size_t>(n);
    if (filled == size && static_cast<size_t>(n) < wanted) break;
  }
  ::close(fd);
  bytes.resize(filled);
  return bytes;
}

namespace {

constexpr int kWriteFlags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;

// Writes all of `bytes` to `fd`; false when a write failed.
bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Opens `path` for writing, relative to the open folder `at` (AT_FDCWD: as it is), making its
// folders with make_folders() and opening again when the first open finds one missing.
// Messages name shown(), which is built only for them.
template <typename MakeFolders, typename Shown>
Result<int> OpenForWrite(int at, const std::string& path, MakeFolders make_folders, Shown shown) {
  int fd = ::openat(at, path.c_str(), kWriteFlags, 0666);
  if (fd < 0 && errno == ENOENT) {
    if (Status s = make_folders(); !s.ok()) return s;
    fd = ::openat(at, path.c_str(), kWriteFlags, 0666);
  }
  if (fd < 0) {
    const int error = errno;
    return Status::Io(shown() + ": " + std::strerror(error));
  }
  return fd;
}

// Writes the pieces of `source` to `path` as they come (see OpenForWrite); `source` runs once
// in any case, its pieces dropped after a failure.
template <typename MakeFolders, typename Shown>
Status WritePiecesAt(int at, const std::string& path, const PieceSource& source,
                     MakeFolders make_folders, Shown shown) {
  Result<int> fd = OpenForWrite(at, path, make_folders, shown);
  bool written = fd.ok();
  source([&](std::string_view piece) { written = written && WriteAll(*fd, piece); });
  if (!fd.ok()) return fd.status();
  if (::close(*fd) != 0 || !written) return Status::Io(shown() + ": write failed (disk full?)");
  return Status::Ok();
}

// Writes `bytes` to `path`: WritePiecesAt() of one piece.
template <typename MakeFolders, typename Shown>
Status WriteFileAt(int at, const std::string& path, std::string_view bytes,
                   MakeFolders make_folders, Shown shown) {
  return WritePiecesAt(
      at, path, [bytes](const PutPiece& put) { put(bytes); }, make_folders, shown);
}

// Files and folders below an open folder (RealFileSystem::WriterUnder).
class OpenFolderWriter : public FolderWriter {
 public:
  OpenFolderWriter(RealFileSystem& fs, std::string dir, int fd)
      : fs_(fs), dir_(std::move(dir)), fd_(fd) {}
  ~OpenFolderWriter() override { ::close(fd_); }
  OpenFolderWriter(const OpenFolderWriter&) = delete;
  OpenFolderWriter& operator=(const OpenFolderWriter&) = delete;

  Status Write(const std::string& rel, std::string_view bytes) override {
    return WriteFileAt(
        fd_, rel, bytes, [&] { return MakeFolders(ParentPath(rel)); },
        [&] { return JoinPath(dir_, rel); });
  }
  Status WriteInPieces(const std::string& rel, const PieceSource& source) override {
    return WritePiecesAt(
        fd_, rel, source, [&] { return MakeFolders(ParentPath(rel)); },
        [&] { return JoinPath(dir_, rel); });
  }
  // One mkdirat when only the last folder is missing; the rare rest as the file system does it.
  Status MakeFolders(const std::string& rel) override {
    if (rel.empty() || ::mkdirat(fd_, rel.c_str(), 0777) == 0 || errno == EEXIST) {
      return Status::Ok();
    }
    return fs_.MakeFolders(JoinPath(dir_, rel));
  }

 private:
  RealFileSystem& fs_;
  const std::string dir_;
  const int fd_;
};

}  // namespace

// Opens for writing; the parent folders are created only when missing, so that writing many
// files into one folder costs no stat per file. Safe to call from several threads.
Status RealFileSystem::Write(const std::string& path, std::string_view bytes) {
  return WriteFileAt(
      AT_FDCWD, path, bytes, [&] { return MakeFolders(fs::path(path).parent_path().string()); },
      [&] { return path; });
}

std::unique_ptr<FolderWriter> RealFileSystem::WriterUnder(const std::string& dir) {
  // A folder that cannot be made or opened fails each write, through the joining writer.
  if (!MakeFolders(dir).ok()) return FileSystem::WriterUnder(dir);
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return FileSystem::WriterUnder(dir);
  return std::make_unique<OpenFolderWriter>(*this, dir, fd);
}

// One mkdir when only `dir` itself is missing (the usual case: a page's own folder).
Status RealFileSystem::MakeFolders(const std::string& dir) {
  if (dir.empty() || ::mkdir(dir.c_str(), 0777) == 0 || errno == EEXIST) return Status::Ok();
  std::error_code ec;
  fs::create_directories(dir, ec);
  return ec ? IoError(dir, ec) : Status::Ok();
}

Result<std::vector<std::string>> RealFileSystem::ListFiles(const std::string& dir) const {
  std::error_code ec;
  std::vector<std::string> out;
  if (!fs::is_directory(dir, ec)) return out;
  const fs::path root = fs::canonical(dir, ec);
  if (ec) return IoError(dir, ec);
  // Folder links are not followed: they could loop, or lead outside the tree.
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  if (ec) return IoError(dir, ec);
  for (; it != end; it.increment(ec)) {
    if (ec) return IoError(dir, ec);
    const fs::path& p = it->path();
    if (it->is_symlink(ec)) {
      if (std::string problem = LinkProblem(root, p); !problem.empty()) {
        return Status::Io(p.generic_string() + ": " + problem);
      }
    }
    if (it->is_regular_file(ec)) out.push_back(p.generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool RealFileSystem::IsFile(const std::string& path) const {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool RealFileSystem::IsDirectory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

Status RealFileSystem::Rename(const std::string& from, const std::string& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  return ec ? IoError(from, ec) : Status::Ok();
}

Status RealFileSystem::RemoveAll(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  return ec ? IoError(path, ec) : Status::Ok();
}

Status RealFileSystem::Replace(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) == 0) return Status::Ok();
  if (errno == ENOENT && IsFile(from)) {
    std::error_code ec;
    const fs::path parent = fs::path(to).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    if (ec) return IoError(parent.string(), ec);
    if (::rename(from.c_str(), to.c_str()) == 0) return Status::Ok();
  }
  return Status::Io(to + ": " + std::strerror(errno));
}

std::optional<FileStamp> RealFileSystem::Stamp(const std::string& path) const {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileStamp{static_cast<uint64_t>(st.st_size),
                   static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

}  // namespace portalgen
