#include "output/publisher.h"

#include "base/thread_pool.h"

namespace portalgen::output {

namespace {

std::string Sibling(const std::string& output_dir, const std::string& suffix) {
  const std::string normalized = NormalizePath(output_dir);
  const std::string parent = ParentPath(normalized);
  const std::string name = normalized.substr(parent.empty() ? 0 : parent.size() + 1);
  return JoinPath(parent, "." + name + suffix);
}

}  // namespace

std::string StagingDir(const std::string& output_dir) { return Sibling(output_dir, ".staging"); }
std::string BackupDir(const std::string& output_dir) { return Sibling(output_dir, ".previous"); }

bool IsSafeOutputPath(const std::string& rel) {
  if (rel.empty() || rel.front() == '/' || rel.find('\\') != std::string::npos ||
      rel.find('\0') != std::string::npos) {
    return false;
  }
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    const std::string part = rel.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

namespace {

// Writes every file under `staging`, `jobs` at a time. On failure returns the error of the
// first failing file in list order, so that the message does not depend on thread timing.
Status WriteAll(FileSystem& fs, const std::string& staging, const std::vector<OutputFile>& files,
                int jobs) {
  for (const OutputFile& file : files) {
    if (!IsSafeOutputPath(file.path)) {
      return Status::Io("refusing to write outside the output folder: '" + file.path + "'");
    }
  }
  std::vector<Status> written(files.size(), Status::Ok());
  ParallelFor(files.size(), jobs, [&](size_t i) {
    written[i] = fs.Write(JoinPath(staging, files[i].path), files[i].bytes);
  });
  for (const Status& s : written) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status Publish(FileSystem& fs, const std::string& output_dir, const std::vector<OutputFile>& files,
               int jobs) {
  const std::string staging = StagingDir(output_dir);
  const std::string backup = BackupDir(output_dir);
  // Leftovers of an interrupted run are ours to remove.
  if (Status s = fs.RemoveAll(staging); !s.ok()) return s;
  if (Status s = fs.RemoveAll(backup); !s.ok()) return s;
  if (Status s = WriteAll(fs, staging, files, jobs); !s.ok()) {
    fs.RemoveAll(staging);
    return s;
  }
  const bool had_output = fs.IsDirectory(output_dir) || fs.IsFile(output_dir);
  if (files.empty()) return fs.RemoveAll(output_dir);  // nothing was staged: an empty site
  if (had_output) {
    if (Status s = fs.Rename(output_dir, backup); !s.ok()) {
      fs.RemoveAll(staging);
      return s;
    }
  }
  if (Status s = fs.Rename(staging, output_dir); !s.ok()) {
    if (had_output) fs.Rename(backup, output_dir);  // put the old site back
    fs.RemoveAll(staging);
    return s;
  }
  if (had_output) fs.RemoveAll(backup);
  return Status::Ok();
}

}  // namespace portalgen::output
