// The md4c callback client that writes HTML and collects what the rest of the
// pipeline needs (plain text, headings, links). Its HTML matches md4c's own
// md_html() byte for byte, except for heading ids, the safe-mode filters and
// permissive autolinks, which follow newer md4c's rules (autolink.h).
#ifndef PORTALGEN_MARKDOWN_HTML_RENDERER_H_
#define PORTALGEN_MARKDOWN_HTML_RENDERER_H_

#include <md4c.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "markdown/autolink.h"
#include "markdown/heading_ids.h"
#include "markdown/markdown.h"
#include "markdown/raw_html_filter.h"

namespace portalgen::markdown {

/// Receives md4c's callbacks for one document. Use once: call the callbacks
/// through md_parse(), then TakeResult(). Permissive autolinks of `autolinks`
/// are found in the text here, so md_parse() must run with md4c's own
/// MD_FLAG_PERMISSIVE*AUTOLINKS off.
class HtmlRenderer {
 public:
  HtmlRenderer(const Options& options, AutolinkKinds autolinks)
      : options_(options), autolinks_(autolinks) {}

  HtmlRenderer(const HtmlRenderer&) = delete;
  HtmlRenderer& operator=(const HtmlRenderer&) = delete;

  void EnterBlock(MD_BLOCKTYPE type, const void* detail);
  void LeaveBlock(MD_BLOCKTYPE type, const void* detail);
  void EnterSpan(MD_SPANTYPE type, const void* detail);
  void LeaveSpan(MD_SPANTYPE type, const void* detail);
  void Text(MD_TEXTTYPE type, std::string_view text);

  /// Returns the finished document; the renderer is spent afterwards.
  Rendered TakeResult();

 private:
  // Where an open heading, paragraph or wiki link started in html and plain text.
  struct Mark {
    size_t html = 0;
    size_t plain = 0;
  };

  void EnterOrderedList(const MD_BLOCK_OL_DETAIL& detail);
  void EnterCodeBlock(const MD_BLOCK_CODE_DETAIL& detail);
  void EnterListItem(const MD_BLOCK_LI_DETAIL& detail);
  void EnterTableCell(MD_BLOCKTYPE type, const MD_BLOCK_TD_DETAIL& detail);
  void LeaveHeading(unsigned level);
  void LeaveParagraph();

  // Normal text is held back until the next other callback: md4c splits it
  // (at backslash escapes, for one), and only the whole run and what ends it
  // show where an autolink may be.
  void BufferText(std::string_view text);
  // Writes the held-back text; `open_end` says whether what ends it (a line
  // end, an emphasis closer) may follow an autolink.
  void FlushText(bool open_end);
  void WriteText(std::string_view text);
  void WriteTextWithAutolinks(std::string_view text, bool open_start, bool open_end);

  void OpenAnchor(const std::string& href);
  void EnterLink(const MD_SPAN_A_DETAIL& detail);
  void LeaveLink(const MD_SPAN_A_DETAIL& detail);
  void EnterImage(const MD_SPAN_IMG_DETAIL& detail);
  void LeaveImage(const MD_SPAN_IMG_DETAIL& detail);
  void LeaveWikiLink(const MD_SPAN_WIKILINK_DETAIL& detail);

  // Whether a link or image to `url` is dropped in safe mode.
  bool Drops(const std::string& url) const;
  // Ends the innermost open link or image: whether its destination was dropped.
  bool PopDropped();
  // Ends the current line of plain text, so blocks do not run together.
  void EndPlainLine();
  // Ends a run of raw HTML (safe mode): anything but more raw HTML ends it.
  void EndRawHtml();

  const Options& options_;
  const AutolinkKinds autolinks_;
  Rendered result_;
  std::string& html_ = result_.html;
  std::string& plain_ = result_.plain_text;
  HeadingIdAllocator heading_ids_;
  RawHtmlFilter raw_html_;  // safe mode only

  int block_depth_ = 0;    // open blocks below the document
  int image_nesting_ = 0;  // >0 inside an image's alt text, where tags are not written
  Mark heading_start_;     // headings cannot nest, so one is enough
  std::optional<Mark> top_paragraph_start_;
  bool have_first_paragraph_ = false;
  std::optional<Mark> wiki_link_start_;  // wiki links cannot nest either
  int link_nesting_ = 0;                 // >0 inside a link's text, where autolinks cannot be
  // For each open link and image, innermost last: whether its destination was dropped (an
  // unsafe URL), so that leaving it need not decode the destination again.
  std::vector<bool> dropped_;

  // Held-back normal text (see BufferText), and whether what came before it
  // may precede an autolink.
  std::string pending_text_;
  std::vector<size_t> pending_gaps_;  // offsets where the pieces are not adjacent in the source
  const char* pending_source_end_ = nullptr;
  bool pending_open_start_ = true;
  bool open_after_last_ = true;  // whether the last callback may precede an autolink
};

/// Returns the value of an md4c attribute with entities decoded and NUL
/// characters replaced by U+FFFD; escape the result for its context.
std::string DecodeAttribute(const MD_ATTRIBUTE& attribute);

}  // namespace portalgen::markdown

#endif  // PORTALGEN_MARKDOWN_HTML_RENDERER_H_
