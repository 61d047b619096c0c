#include "output/static_copier.h"

#include <map>

namespace portalgen::output {

namespace {

// `path` relative to `dir` when it lies inside it.
std::string RelativeTo(const std::string& dir, const std::string& path) {
  const bool inside = !dir.empty() && dir != "." && path.size() > dir.size() &&
                      path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
  return inside ? path.substr(dir.size() + 1) : path;
}

}  // namespace

std::vector<OutputFile> CollectStaticFiles(const FileSystem& fs, const std::string& theme_static,
                                           const std::string& site_static, DiagnosticSink& sink,
                                           const std::string& source_dir) {
  std::map<std::string, OutputFile> by_path;  // sorted, and the site overrides the theme
  for (const std::string& dir : {theme_static, site_static}) {
    Result<std::vector<std::string>> files = fs.ListFiles(dir);
    if (!files.ok()) {
      sink.Error(dir, 0, 0, files.status().message());
      continue;
    }
    for (const std::string& path : *files) {
      Result<std::string> bytes = fs.Read(path);
      if (!bytes.ok()) {
        sink.Error(path, 0, 0, "cannot read: " + bytes.status().message());
        continue;
      }
      std::string rel = path.substr(dir.size() + 1);
      by_path[rel] = OutputFile{rel, std::move(*bytes), RelativeTo(source_dir, path)};
    }
  }
  std::vector<OutputFile> out;
  for (auto& [path, file] : by_path) out.push_back(std::move(file));
  return out;
}

}  // namespace portalgen::output
