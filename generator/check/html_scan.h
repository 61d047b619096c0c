// A minimal HTML attribute scanner for `check`: finds start tags and their attributes in the
// pages the generator wrote. Not an HTML parser: it only needs to read our own output.
#ifndef PORTALGEN_CHECK_HTML_SCAN_H_
#define PORTALGEN_CHECK_HTML_SCAN_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portalgen::check {

struct HtmlTag {
  std::string name;                                             // lowercase: "a", "img"
  size_t offset = 0;                                            // byte offset of '<' in the page
  std::vector<std::pair<std::string, std::string>> attributes;  // lowercase name, decoded value

  /// The value of attribute `name`, or nullptr when the tag has none.
  const std::string* Find(std::string_view name) const;
};

/// Every start tag in `html`, in order. Comments, and the contents of <script> and <style>,
/// are skipped; attribute values have their character references decoded.
std::vector<HtmlTag> ScanTags(std::string_view html);

/// Decodes the character references our renderers emit (&amp; &lt; &gt; &quot; &#39;
/// and numeric ones); others are kept as written.
std::string DecodeEntities(std::string_view text);

}  // namespace portalgen::check

#endif  // PORTALGEN_CHECK_HTML_SCAN_H_
