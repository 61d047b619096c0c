// Link safety: which destinations we refuse to turn into a link, in Markdown (safe mode),
// raw HTML and front matter URLs.
#ifndef PORTALGEN_BASE_URL_FILTER_H_
#define PORTALGEN_BASE_URL_FILTER_H_

#include <string_view>

namespace portalgen {

/// True when `url` (entities already decoded) would run script or embed
/// arbitrary content: its scheme is `javascript:`, `vbscript:` or `data:`,
/// compared case-insensitively after skipping leading whitespace and control
/// characters, and ignoring tabs and line breaks, as browsers do.
/// `data:image/png`, `gif`, `jpeg` and `webp` are allowed because they cannot
/// run script and are common in images.
bool IsDangerousUrl(std::string_view url);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_URL_FILTER_H_
