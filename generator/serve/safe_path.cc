#include "serve/safe_path.h"

#include "base/utf8.h"

namespace portalgen::serve {

namespace {

// Percent-decodes `raw`; nullopt on a broken escape or on an encoded '/' or '\\', which
// would let one segment pose as several.
std::optional<std::string> PercentDecode(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out += raw[i];
      continue;
    }
    if (i + 2 >= raw.size()) return std::nullopt;
    const int hi = HexDigitValue(raw[i + 1]), lo = HexDigitValue(raw[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    const char c = static_cast<char>(hi * 16 + lo);
    if (c == '/' || c == '\\') return std::nullopt;
    out += c;
    i += 2;
  }
  return out;
}

// Every segment between slashes must be a plain name: not empty (no "//"), not "." or "..".
// The last segment may be empty: "/a/" is a directory URL.
bool SegmentsAreSafe(std::string_view path) {
  size_t start = 1;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::optional<std::string> DecodeRequestPath(std::string_view target) {
  const size_t cut = target.find_first_of("?#");
  if (cut != std::string_view::npos) target = target.substr(0, cut);
  if (target.empty() || target[0] != '/') return std::nullopt;
  std::optional<std::string> path = PercentDecode(target);
  if (!path) return std::nullopt;
  for (unsigned char c : *path) {
    if (c < 0x20 || c == 0x7f || c == '\\') return std::nullopt;
  }
  if (!SegmentsAreSafe(*path)) return std::nullopt;
  return path;
}

std::string SnapshotKey(std::string_view site_path) {
  std::string key(site_path.substr(1));
  if (key.empty() || key.back() == '/') key += "index.html";
  return key;
}

}  // namespace portalgen::serve
