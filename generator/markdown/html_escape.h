// HTML and URL escaping: the one escaper for HTML text and attributes (Markdown and templates)
// and the one for URLs. Byte-compatible with md4c's own HTML renderer for every character HTML
// allows, so that our output can be compared with md_html() byte for byte.
#ifndef PORTALGEN_MARKDOWN_HTML_ESCAPE_H_
#define PORTALGEN_MARKDOWN_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace portalgen::markdown {

/// Appends `text` (UTF-8) to `*out` with `&`, `<`, `>` and `"` replaced by entities (and `'` by
/// `&apos;` when `apostrophe`, as Mustache does). Characters that HTML forbids in a document
/// (NUL, controls other than tab, LF, FF and CR, and noncharacters such as U+FFFE) become
/// U+FFFD, as an HTML parser would make them. Safe for element content and quoted attributes.
void AppendEscapedHtml(std::string_view text, std::string* out, bool apostrophe = false);

/// Returns `html` with the characters HTML forbids (as AppendEscapedHtml() finds them) replaced
/// by U+FFFD and nothing else changed: for raw HTML, whose markup must stay.
std::string ReplaceForbiddenCharacters(std::string_view html);

/// Returns `url` percent-encoded for use as a URL: ASCII letters, digits, `&` and
/// `-_.+!*(),%#@?=;:/$` are kept and every other byte (UTF-8, controls, spaces, quotes, `<`,
/// `>`, `'`) becomes `%XX`. An existing `%XX` is kept, so already-encoded URLs are not
/// double-encoded. The result holds no character that can end an attribute or a tag; `&` is
/// left to the escaper of the context (HTML, JSON) that the URL goes into.
std::string EncodeUrl(std::string_view url);

/// Appends `url` to `*out` for use inside a double-quoted href/src attribute: EncodeUrl(), then
/// `&` as `&amp;`.
void AppendEscapedUrl(std::string_view url, std::string* out);

/// Returns `text` escaped as by AppendEscapedHtml().
std::string EscapeHtml(std::string_view text);

/// Returns `url` escaped as by AppendEscapedUrl().
std::string EscapeUrl(std::string_view url);

}  // namespace portalgen::markdown

#endif  // PORTALGEN_MARKDOWN_HTML_ESCAPE_H_
