// HTML and URL escaping, byte-compatible with md4c's own HTML renderer so that
// our output can be compared with md_html() byte for byte.
#ifndef PORTALGEN_MARKDOWN_HTML_ESCAPE_H_
#define PORTALGEN_MARKDOWN_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace portalgen::markdown {

/// Appends `text` to `*out` with `&`, `<`, `>` and `"` replaced by entities (and `'` by
/// `&apos;` when `apostrophe`, as Mustache does). Safe for element content and quoted
/// attribute values.
void AppendEscapedHtml(std::string_view text, std::string* out, bool apostrophe = false);

/// Appends `url` to `*out` for use inside a double-quoted href/src attribute:
/// ASCII letters, digits and `-_.+!*(),%#@?=;:/$` are kept, `&` becomes
/// `&amp;` and every other byte (UTF-8 included) is percent-encoded as `%XX`.
/// An existing `%XX` is kept, so already-encoded URLs are not double-encoded.
void AppendEscapedUrl(std::string_view url, std::string* out);

/// Returns `text` escaped as by AppendEscapedHtml().
std::string EscapeHtml(std::string_view text);

/// Returns `url` escaped as by AppendEscapedUrl().
std::string EscapeUrl(std::string_view url);

}  // namespace portalgen::markdown

#endif  // PORTALGEN_MARKDOWN_HTML_ESCAPE_H_
