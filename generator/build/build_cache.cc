#include "build/build_cache.h"

#include <elf.h>
#include <link.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <vector>

#include "base/hash.h"
#include "base/thread_pool.h"

namespace portalgen::build {

namespace {

constexpr char kMagic[] = "portalgen-build-cache 3";

// Splits "a b c rest of line" into `n` words and the rest.
bool Words(std::string_view line, size_t n, std::vector<std::string_view>& words,
           std::string_view& rest) {
  words.clear();
  for (size_t i = 0; i < n; ++i) {
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) return false;
    words.push_back(line.substr(0, space));
    line.remove_prefix(space + 1);
  }
  rest = line;
  return true;
}

template <typename T>
bool Number(std::string_view text, T& out, int base = 10) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out, base);
  return ec == std::errc() && end == text.data() + text.size();
}

// "a,b,c" (hex) appended to `out`.
bool HexList(std::string_view text, std::vector<uint64_t>& out) {
  while (!text.empty()) {
    const size_t comma = std::min(text.find(','), text.size());
    if (!Number(text.substr(0, comma), out.emplace_back(), 16)) return false;
    text.remove_prefix(std::min(comma + 1, text.size()));
  }
  return true;
}

// A warning's text fields, tab-separated: tabs, newlines and backslashes escaped.
void AppendField(std::string_view text, std::string& out) {
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

bool ParseField(std::string_view text, std::string& out) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) return false;
    if (text[i] == '\\') {
      out += '\\';
    } else if (text[i] == 't') {
      out += '\t';
    } else if (text[i] == 'n') {
      out += '\n';
    } else {
      return false;
    }
  }
  return true;
}

// "warning LINE COL path<TAB>message<TAB>hint<TAB>source line"
bool ParseWarning(std::string_view line, BuildCache& cache) {
  std::vector<std::string_view> w;
  std::string_view rest;
  Diagnostic d;
  d.severity = Diagnostic::Severity::kWarning;
  if (!Words(line, 3, w, rest) || !Number(w[1], d.line) || !Number(w[2], d.col)) return false;
  std::string* fields[] = {&d.path, &d.message, &d.hint, &d.source_line};
  for (size_t i = 0; i < 4; ++i) {
    const size_t tab = i < 3 ? rest.find('\t') : rest.size();
    if (tab == std::string_view::npos || !ParseField(rest.substr(0, tab), *fields[i])) {
      return false;
    }
    rest.remove_prefix(std::min(tab + 1, rest.size()));
  }
  cache.warnings.push_back(std::move(d));
  return true;
}

bool ParseLine(std::string_view line, BuildCache& cache) {
  std::vector<std::string_view> w;
  std::string_view rest;
  if (line.rfind("generator ", 0) == 0) return Number(line.substr(10), cache.generator, 16);
  if (line.rfind("options ", 0) == 0) return Number(line.substr(8), cache.options, 16);
  if (line.rfind("now ", 0) == 0) {
    return Words(line, 2, w, rest) && Number(w[1], cache.now_after) &&
           Number(rest, cache.now_until);
  }
  if (line.rfind("input ", 0) == 0) {
    InputEntry e;
    if (!Words(line, 4, w, rest) || !Number(w[1], e.hash, 16) || !Number(w[2], e.stamp.size) ||
        !Number(w[3], e.stamp.mtime_ns) || rest.empty()) {
      return false;
    }
    cache.inputs.emplace_hint(cache.inputs.end(), std::string(rest), e);  // written sorted
    return true;
  }
  if (line.rfind("output ", 0) == 0) {
    uint64_t hash = 0;
    if (!Words(line, 2, w, rest) || !Number(w[1], hash, 16) || rest.empty()) return false;
    cache.outputs.emplace_hint(cache.outputs.end(), std::string(rest), hash);
    return true;
  }
  if (line.rfind("reads ", 0) == 0) {
    if (!Words(line, 2, w, rest) || rest.empty()) return false;
    std::vector<uint64_t>& reads =
        cache.body_reads
            .emplace_hint(cache.body_reads.end(), std::string(rest), std::vector<uint64_t>{})
            ->second;
    return HexList(w[1], reads) && !reads.empty();
  }
  if (line.rfind("library ", 0) == 0) return HexList(line.substr(8), cache.library);
  if (line.rfind("warning ", 0) == 0) return ParseWarning(line, cache);
  return false;
}

// Appends "a,b,c" as hex numbers.
void AppendHexList(const std::vector<uint64_t>& values, std::string& out) {
  char digits[17];
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, values[i], 16);
    out.append(digits, end);
  }
}

}  // namespace

std::string CachePath(const std::string& output_dir, std::string_view suffix) {
  const std::string normalized = NormalizePath(output_dir);
  return JoinPath(JoinPath(ParentPath(normalized), ".portalgen-cache"),
                  BaseName(normalized) + std::string(suffix));
}

std::optional<BuildCache> ReadCache(const FileSystem& fs, const std::string& path,
                                    std::string& why) {
  Result<std::string> text = fs.Read(path);
  if (!text.ok()) {
    why = "there is no build cache yet";
    return std::nullopt;
  }
  const std::string& bytes = text.value();
  // The last line is "end <hash of everything before it>": a torn or edited file fails it.
  const size_t end = bytes.rfind("end ");
  uint64_t checksum = 0;
  if (bytes.rfind(kMagic, 0) != 0 || end == std::string::npos || bytes.back() != '\n' ||
      !Number(std::string_view(bytes).substr(end + 4, bytes.size() - end - 5), checksum, 16) ||
      checksum != Hash64(std::string_view(bytes).substr(0, end))) {
    why = "the build cache " + path + " is damaged";
    return std::nullopt;
  }
  BuildCache cache;
  std::string_view rest = std::string_view(bytes).substr(sizeof kMagic, end - sizeof kMagic);
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    if (nl == std::string_view::npos || !ParseLine(rest.substr(0, nl), cache)) {
      why = "the build cache " + path + " is damaged";
      return std::nullopt;
    }
    rest.remove_prefix(nl + 1);
  }
  return cache;
}

namespace {

template <typename Int>
void AppendNumber(Int value, std::string& out) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

}  // namespace

// Appended piece by piece into one string reserved at about its size: at 10,000 pages the cache
// is ~5 MB, and each build that writes anything writes it again.
Status WriteCache(FileSystem& fs, const std::string& path, const BuildCache& cache) {
  size_t size = 256;
  for (const auto& [file, e] : cache.inputs) size += file.size() + 64;
  for (const auto& [file, hash] : cache.outputs) size += file.size() + 32;
  for (const auto& [file, reads] : cache.body_reads) size += file.size() + 8 + 17 * reads.size();
  std::string text;
  text.reserve(size);
  text.append(kMagic).append("\ngenerator ").append(HexHash(cache.generator));
  text.append("\noptions ").append(HexHash(cache.options)).append("\nnow ");
  AppendNumber(cache.now_after, text);
  text += ' ';
  AppendNumber(cache.now_until, text);
  text += '\n';
  for (const auto& [file, e] : cache.inputs) {
    if (file.find('\n') != std::string::npos) return Status::Io(file + ": newline in a path");
    text.append("input ").append(HexHash(e.hash)) += ' ';
    AppendNumber(e.stamp.size, text);
    text += ' ';
    AppendNumber(e.stamp.mtime_ns, text);
    text.append(" ").append(file) += '\n';
  }
  for (const auto& [file, hash] : cache.outputs) {
    if (file.find('\n') != std::string::npos) return Status::Io(file + ": newline in a path");
    text.append("output ").append(HexHash(hash)).append(" ").append(file) += '\n';
  }
  for (const auto& [file, reads] : cache.body_reads) {
    if (reads.empty()) continue;
    text += "reads ";
    AppendHexList(reads, text);
    text.append(" ").append(file) += '\n';
  }
  if (!cache.library.empty()) {
    text += "library ";
    AppendHexList(cache.library, text);
    text += "\n";
  }
  for (const Diagnostic& d : cache.warnings) {
    text += "warning " + std::to_string(d.line) + " " + std::to_string(d.col) + " ";
    AppendField(d.path, text);
    text += '\t';
    AppendField(d.message, text);
    text += '\t';
    AppendField(d.hint, text);
    text += '\t';
    AppendField(d.source_line, text);
    text += '\n';
  }
  text += "end " + HexHash(Hash64(text)) + "\n";
  const std::string temp = path + ".tmp";
  if (Status s = fs.Write(temp, text); !s.ok()) return s;
  return fs.Replace(temp, path);
}

InputSet ScanInputs(const FileSystem& fs, const std::string& source_dir, const InputSet& known,
                    int jobs, std::vector<std::string>* unhashed) {
  std::vector<std::string> paths;
  const std::string site_toml = JoinPath(source_dir, "site.toml");
  if (fs.IsFile(site_toml)) paths.push_back(site_toml);
  for (const char* dir : {"content", "static", "themes"}) {
    Result<std::vector<std::string>> files = fs.ListFiles(JoinPath(source_dir, dir));
    if (!files.ok()) continue;  // the build itself reports unreadable folders
    for (std::string& f : files.value()) paths.push_back(std::move(f));
  }
  std::vector<std::optional<InputEntry>> entries(paths.size());
  std::vector<char> pending(paths.size(), 0);  // not hashed: left to the caller
  ParallelFor(paths.size(), jobs, [&](size_t i) {
    std::optional<FileStamp> stamp = fs.Stamp(paths[i]);
    if (!stamp) return;
    auto it = known.find(paths[i]);
    if (it != known.end() && it->second.stamp == *stamp) {
      entries[i] = it->second;
      return;
    }
    if (unhashed) {
      entries[i] = InputEntry{*stamp, 0};
      pending[i] = 1;
      return;
    }
    Result<std::string> bytes = fs.Read(paths[i]);
    if (bytes.ok()) entries[i] = InputEntry{*stamp, Hash64(bytes.value())};
  });
  InputSet out;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (!entries[i]) continue;
    if (pending[i]) unhashed->push_back(paths[i]);
    out.emplace(std::move(paths[i]), *entries[i]);
  }
  return out;
}

namespace {

// The GNU build ID of the running executable (the linker's hash of its contents), or "" when
// it has none: found in the program headers the loader mapped, so nothing is read from disk.
std::string BuildId() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) {
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* end = p + ph.p_memsz;
          while (p + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, p, sizeof note);
            const char* name = p + sizeof note;
            const char* desc = name + ((note.n_namesz + 3) & ~3u);
            if (desc + note.n_descsz > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0) {
              static_cast<std::string*>(out)->assign(desc, note.n_descsz);
              return 1;
            }
            p = desc + ((note.n_descsz + 3) & ~3u);
          }
        }
        return 1;  // the first object is the executable: stop there
      },
      &id);
  return id;
}

}  // namespace

uint64_t GeneratorFingerprint(const FileSystem& fs) {
  // The build ID changes with every change of the linked code; without one (a linker run
  // with --build-id=none), the executable's bytes are hashed instead.
  static const std::string build_id = BuildId();
  if (!build_id.empty()) return Hash64("portalgen " PORTALGEN_VERSION " " + build_id);
  Result<std::string> self = fs.Read("/proc/self/exe");
  return Hash64(self.ok() ? self.value() : std::string("portalgen " PORTALGEN_VERSION));
}

}  // namespace portalgen::build
