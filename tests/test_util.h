// Helpers for end-to-end tests: temporary folders, tree copies and snapshots, and running the
// portalgen binary with its output captured. Header-only: tests/*_test.cc are the test sources.
#ifndef PORTALGEN_TESTS_TEST_UTIL_H_
#define PORTALGEN_TESTS_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace portalgen::testing {

namespace fs = std::filesystem;

/// A fresh folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "portalgen-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

/// Every regular file below `root` as relative path -> bytes.
inline std::map<std::string, std::string> ReadTree(const fs::path& root) {
  std::map<std::string, std::string> out;
  if (!fs::exists(root)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      out[fs::relative(entry.path(), root).generic_string()] = ReadFile(entry.path());
    }
  }
  return out;
}

/// Copies `from` into `to`, leaving out top-level folders named in `skip`.
inline void CopyTree(const fs::path& from, const fs::path& to, const std::string& skip = "") {
  fs::create_directories(to);
  for (const auto& entry : fs::directory_iterator(from)) {
    if (!skip.empty() && entry.path().filename() == skip) continue;
    fs::copy(entry.path(), to / entry.path().filename(),
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
}

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `command` through the shell with stdout and stderr captured (stdin from `input`).
inline RunResult Run(const std::string& command, const std::string& input = "") {
  TempDir tmp;
  const fs::path in = tmp.path() / "in", out = tmp.path() / "out", err = tmp.path() / "err";
  WriteFile(in, input);
  const std::string full = command + " <'" + in.string() + "' >'" + out.string() + "' 2>'" +
                           err.string() + "'";
  const int status = std::system(full.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

/// `portalgen` followed by `args` (already shell-quoted where needed).
inline RunResult RunPortalgen(const std::string& args, const std::string& input = "") {
  return Run(std::string("'") + PORTALGEN_BIN + "' " + args, input);
}

/// Replaces every occurrence of `from` in `text` with `to`.
inline std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size()) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

/// Copies the repo's ICAT site (content/, themes/, static/, site.toml) to `site`, with the
/// `summary` of the document at `no_summary` (a path under `site`) removed: that document's
/// cards then show its body's first paragraph, so a body edit changes the listings too.
inline void CopyIcatSite(const fs::path& site, const std::string& no_summary) {
  fs::create_directories(site);
  for (const char* part : {"content", "themes", "static", "site.toml"}) {
    const fs::path from = fs::path(PORTALGEN_SOURCE_DIR) / part;
    // A fresh clone has no static/ when the site has no static files (git keeps no folders).
    if (fs::exists(from)) fs::copy(from, site / part, fs::copy_options::recursive);
  }
  std::string text = ReadFile(site / no_summary);
  const size_t summary = text.find("\nsummary = ");
  if (summary != std::string::npos) text.erase(summary, text.find('\n', summary + 1) - summary);
  WriteFile(site / no_summary, text);
}

}  // namespace portalgen::testing

#endif  // PORTALGEN_TESTS_TEST_UTIL_H_
