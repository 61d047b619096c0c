// Scheme filter for link and image destinations.
#include "markdown/url_filter.h"

#include <cctype>

namespace portalgen::markdown {
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
  // Browsers ignore leading spaces and C0 controls before a scheme, so an
  // attacker can hide "javascript:" behind them.
  size_t start = 0;
  while (start < url.size() && static_cast<unsigned char>(url[start]) <= 0x20) ++start;
  url.remove_prefix(start);
  if (StartsWithIgnoringCase(url, "javascript:") || StartsWithIgnoringCase(url, "vbscript:")) {
    return true;
  }
  return StartsWithIgnoringCase(url, "data:") && !IsSafeDataUrl(url);
}

}  // namespace portalgen::markdown
