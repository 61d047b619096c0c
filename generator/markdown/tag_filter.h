// The GFM "tagfilter" for raw HTML in safe mode.
#ifndef PORTALGEN_MARKDOWN_TAG_FILTER_H_
#define PORTALGEN_MARKDOWN_TAG_FILTER_H_

#include <string>
#include <string_view>

namespace portalgen::markdown {

/// Appends the raw HTML `html` to `*out`, replacing the `<` of every opening
/// or closing `title`, `textarea`, `style`, `xmp`, `iframe`, `noembed`,
/// `noframes`, `script` or `plaintext` tag (case-insensitive) with `&lt;`,
/// so those tags show as text instead of changing how the page parses.
/// Everything else passes through unchanged.
void AppendTagFiltered(std::string_view html, std::string* out);

}  // namespace portalgen::markdown

#endif  // PORTALGEN_MARKDOWN_TAG_FILTER_H_
