// Link safety for the default (safe) mode: which destinations we refuse to
// turn into <a href> or <img src>.
#ifndef PORTALGEN_MARKDOWN_URL_FILTER_H_
#define PORTALGEN_MARKDOWN_URL_FILTER_H_

#include <string_view>

namespace portalgen::markdown {

/// True when `url` (entities already decoded) would run script or embed
/// arbitrary content: its scheme is `javascript:`, `vbscript:` or `data:`,
/// compared case-insensitively after skipping leading whitespace and control
/// characters, as browsers do. `data:image/png`, `gif`, `jpeg` and `webp` are
/// allowed because they cannot run script and are common in images.
bool IsDangerousUrl(std::string_view url);

}  // namespace portalgen::markdown

#endif  // PORTALGEN_MARKDOWN_URL_FILTER_H_
