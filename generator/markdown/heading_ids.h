// GitHub-style heading anchors ("## Background" -> id="background").
#ifndef PORTALGEN_MARKDOWN_HEADING_IDS_H_
#define PORTALGEN_MARKDOWN_HEADING_IDS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace portalgen::markdown {

/// Returns the GitHub-style slug of a heading's plain text: ASCII letters are
/// lowercased, ASCII digits, '_' and non-ASCII letters are kept as they are,
/// spaces and '-' become '-' (runs are not collapsed, as on GitHub), and other
/// punctuation, ASCII or Unicode, is dropped. Returns "section" when nothing
/// is left.
std::string Slugify(std::string_view text);

/// Hands out ids that are unique within one document.
class HeadingIdAllocator {
 public:
  /// Returns Slugify(text), or the first of "slug-1", "slug-2", ... that has
  /// not been handed out yet.
  std::string Allocate(std::string_view text);

 private:
  std::unordered_set<std::string> used_;
  // Per slug, the suffix to try next: every smaller one is taken, so n headings with the same
  // text cost n tries, not n * n / 2.
  std::unordered_map<std::string, int> next_suffix_;
};

}  // namespace portalgen::markdown

#endif  // PORTALGEN_MARKDOWN_HEADING_IDS_H_
