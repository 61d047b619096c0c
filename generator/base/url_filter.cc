// Scheme filter for link and image destinations.
#include "base/url_filter.h"

#include <cctype>
#include <string>

namespace portalgen {
namespace {

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

bool IsSafeDataUrl(std::string_view url) {
  for (std::string_view type :
       {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"}) {
    if (StartsWithIgnoringCase(url, type)) return true;
  }
  return false;
}

}  // namespace

bool IsDangerousUrl(std::string_view url) {
  // Browsers ignore leading spaces and C0 controls before a scheme, and tabs and line breaks
  // anywhere in a URL, so an attacker can hide "javascript:" behind or inside them. The
  // longest prefix compared below is "data:image/jpeg" (15 characters).
  size_t start = 0;
  while (start < url.size() && static_cast<unsigned char>(url[start]) <= 0x20) ++start;
  // Every prefix below starts with j, v or d: most links (paths, fragments, https) stop here.
  const char first = start < url.size() ? static_cast<char>(url[start] | 0x20) : '\0';
  if (first != 'j' && first != 'v' && first != 'd') return false;
  std::string prefix;
  for (size_t i = start; i < url.size() && prefix.size() < 15; ++i) {
    if (url[i] != '\t' && url[i] != '\n' && url[i] != '\r') prefix += url[i];
  }
  if (StartsWithIgnoringCase(prefix, "javascript:") ||
      StartsWithIgnoringCase(prefix, "vbscript:")) {
    return true;
  }
  return StartsWithIgnoringCase(prefix, "data:") && !IsSafeDataUrl(prefix);
}

}  // namespace portalgen
