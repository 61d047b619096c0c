// Permissive autolinks: bare URLs, "www." links and e-mail addresses found in
// plain text, by the rules of md4c's spec-permissive-autolinks.txt (newer than
// the md4c 0.4.8 we parse with, whose own recognition has other boundaries).
#ifndef PORTALGEN_MARKDOWN_AUTOLINK_H_
#define PORTALGEN_MARKDOWN_AUTOLINK_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace portalgen::markdown {

/// Which kinds of permissive autolink to recognise.
struct AutolinkKinds {
  bool url = false;    // http://, https://, ftp://
  bool www = false;    // www.example.com, linked as http://www.example.com
  bool email = false;  // john.doe@example.com, linked as mailto:john.doe@example.com
  bool any() const { return url || www || email; }
};

/// One autolink in a scanned text.
struct Autolink {
  size_t begin = 0;  // the link text is text.substr(begin, end - begin)
  size_t end = 0;
  std::string href;  // the text with "http://" or "mailto:" in front where it has no scheme
};

/// Returns the autolinks of `kinds` in `text`, in order. A link must be
/// preceded by whitespace or one of "([{", and followed by whitespace or one
/// of ")]}.!?,;". `open_start` and `open_end` say whether the start and the
/// end of `text` count as such a boundary (a line start or an emphasis opener
/// before, a line end or an emphasis closer after).
std::vector<Autolink> FindAutolinks(std::string_view text, AutolinkKinds kinds, bool open_start,
                                    bool open_end);

}  // namespace portalgen::markdown

#endif  // PORTALGEN_MARKDOWN_AUTOLINK_H_
