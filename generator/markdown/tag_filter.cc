// GFM tagfilter: escape the '<' of tags that would swallow the rest of a page.
#include "markdown/tag_filter.h"

#include <cctype>

namespace portalgen::markdown {
namespace {

constexpr std::string_view kFilteredTags[] = {"title",   "textarea", "style",  "xmp",      "iframe",
                                              "noembed", "noframes", "script", "plaintext"};

// A tag name ends at whitespace, '>', "/>" or the end of the chunk (md4c may
// hand us a raw HTML tag split across lines).
bool EndsTagName(std::string_view rest) {
  if (rest.empty()) return true;
  const char c = rest.front();
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// True if `html` at `lt` (a '<') opens or closes one of kFilteredTags.
bool IsFilteredTag(std::string_view html, size_t lt) {
  size_t name_start = lt + 1;
  if (name_start < html.size() && html[name_start] == '/') ++name_start;
  for (std::string_view tag : kFilteredTags) {
    if (html.size() - name_start < tag.size()) continue;
    bool same = true;
    for (size_t i = 0; i < tag.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(html[name_start + i])) == tag[i];
    }
    if (same && EndsTagName(html.substr(name_start + tag.size()))) return true;
  }
  return false;
}

}  // namespace

void AppendTagFiltered(std::string_view html, std::string* out) {
  size_t run_start = 0;
  for (size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', lt + 1)) {
    if (!IsFilteredTag(html, lt)) continue;
    out->append(html.substr(run_start, lt - run_start));
    out->append("&lt;");
    run_start = lt + 1;
  }
  out->append(html.substr(run_start));
}

}  // namespace portalgen::markdown
