#include "base/paths.h"

#include <cstdint>

#include "base/utf8.h"

namespace portalgen {

bool IsValidSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSlugLength || slug.front() == '-' || slug.back() == '-') {
    return false;
  }
  for (char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

namespace {

// FNV-1a: a stable 32-bit hash, as eight hex digits.
std::string HashHex(std::string_view text) {
  uint32_t h = 2166136261u;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, h >>= 4) out[i] = kHex[h & 0xF];
  return out;
}

}  // namespace

std::string Slugify(std::string_view text) {
  const std::string folded = FoldForMatch(text);
  std::string out;
  bool pending_dash = false;
  bool other_script = false;  // a byte of a character that is not ASCII or folded Latin-1
  for (char c : folded) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    other_script = other_script || static_cast<unsigned char>(c) >= 0x80;
    if (!keep) {
      pending_dash = !out.empty();
      continue;
    }
    if (out.size() + (pending_dash ? 2 : 1) > kMaxSlugLength) break;
    if (pending_dash) out += '-';
    pending_dash = false;
    out += c;
  }
  if (!out.empty()) return out;
  return other_script ? "x-" + HashHex(folded) : "x";
}

bool IsSafeSitePath(std::string_view p) {
  if (p.empty() || p.front() != '/') return false;
  if (p.find("..") != std::string_view::npos || p.find("//") != std::string_view::npos) {
    return false;
  }
  for (char c : p) {
    if (c == '\\' || c == '\0' || c == ':' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

std::string OutputFileFor(std::string_view url_path) {
  const std::string_view rel = url_path.substr(1);
  const size_t slash = rel.rfind('/');
  const std::string_view last = rel.substr(slash == std::string_view::npos ? 0 : slash + 1);
  // "x/" and "" name folders, and so does a last part without a dot ("x", "a/x").
  const std::string_view index = rel.empty() || rel.back() == '/'           ? "index.html"
                                 : last.find('.') == std::string_view::npos ? "/index.html"
                                                                            : "";
  std::string out;
  out.reserve(rel.size() + index.size());
  out.append(rel).append(index);
  return out;
}

std::string AbsoluteUrl(std::string_view base_url, std::string_view url_path) {
  while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
  std::string out;
  out.reserve(base_url.size() + url_path.size());
  out.append(base_url).append(url_path);
  return out;
}

std::string BasePath(std::string_view base_url) {
  const size_t scheme = base_url.find("://");
  // A base_url may also be a plain path ("/icat/").
  const size_t slash = scheme == std::string_view::npos ? base_url.find('/')
                                                        : base_url.find('/', scheme + 3);
  if (slash == std::string_view::npos) return "/";
  std::string path(base_url.substr(slash));
  if (path.back() != '/') path += '/';
  return path;
}

}  // namespace portalgen
