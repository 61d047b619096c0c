// Safe mode for the raw HTML of a Markdown body: the GFM tagfilter, plus no event handlers and
// no script URLs in attributes.
#ifndef PORTALGEN_MARKDOWN_RAW_HTML_FILTER_H_
#define PORTALGEN_MARKDOWN_RAW_HTML_FILTER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portalgen::markdown {

/// Filters raw HTML the way a browser will tokenize it. md4c hands raw HTML over in pieces (an
/// HTML block line by line, an inline tag split at line ends); the pieces of one run are one
/// stream, so a tag begun in one piece is finished in the next. The filter
///   - escapes the `<` of every opening or closing `title`, `textarea`, `style`, `xmp`,
///     `iframe`, `noembed`, `noframes`, `script` or `plaintext` tag (the GFM tagfilter) and of
///     `noscript` (whose content a browser with scripting reads as text), so that they show as
///     text and the page parses as the filter saw it;
///   - drops every event handler attribute (`onclick`, `onerror`, ...) and every attribute
///     whose value, character references decoded, is a javascript:, vbscript: or data: URL
///     (IsDangerousUrl);
///   - closes what the run leaves open: an unfinished tag is written as text (`&lt;div ...`),
///     an unfinished comment gets its `-->`, so nothing after the run is swallowed into it.
/// Everything else passes through unchanged.
class RawHtmlFilter {
 public:
  /// Filters the next piece of the run into `*out`. A tag is held back until it is complete.
  void Append(std::string_view html, std::string* out);
  /// Ends the run: writes or closes whatever is still open. The filter is then ready for a
  /// new run.
  void Finish(std::string* out);
  /// True between Append() and Finish().
  bool in_run() const { return in_run_; }

 private:
  enum class State {
    kText,
    kTagOpen,            // after '<'
    kEndTagOpen,         // after "</"
    kMarkupDeclaration,  // after "<!"
    kMarkupDash,         // after "<!-"
    kTagName,
    kBeforeAttributeName,
    kAttributeName,
    kAfterAttributeName,
    kBeforeAttributeValue,
    kValueDoubleQuoted,
    kValueSingleQuoted,
    kValueUnquoted,
    kAfterQuotedValue,
    kSelfClosing,
    kComment,       // after "<!--"
    kBogusComment,  // "<?...>", "<!x...>", "</1...>": up to the first '>'
  };

  // Handles one byte; returns false when it must be handled again in the new state.
  bool Step(char c, std::string* out);
  bool StepTag(char c, std::string* out);
  bool StepAttribute(char c, std::string* out);
  bool StepComment(char c, std::string* out);
  // Adds `c` to the tag held back and moves to `next`; returns true.
  bool Take(char c, State next);
  // Writes what is held back as it is and goes on in `next`; returns false.
  bool GiveUp(State next, std::string* out);
  void StartAttribute();
  // Marks the attribute just read for dropping when it is a handler or a script URL.
  void EndAttribute();
  // Ends the tag with `c` ('>') and writes it, filtered; returns true.
  bool EmitTag(char c, std::string* out);
  void Reset();

  State state_ = State::kText;
  bool in_run_ = false;
  std::string tag_;   // the tag held back, from its '<'
  std::string name_;  // its lowercase name
  std::string attribute_name_;
  std::string attribute_value_;
  size_t attribute_start_ = 0;                      // offset in tag_
  std::vector<std::pair<size_t, size_t>> dropped_;  // [begin, end) spans of tag_ to leave out
  std::string comment_tail_;  // the last characters of a comment, to find its end
  size_t comment_length_ = 0;
};

}  // namespace portalgen::markdown

#endif  // PORTALGEN_MARKDOWN_RAW_HTML_FILTER_H_
