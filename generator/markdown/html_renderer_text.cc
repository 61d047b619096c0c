// Text of the HTML renderer, and the permissive autolinks found in it. md4c
// 0.4.8's own permissive autolinks follow older rules than the spec we hold
// to, so we parse with them off and recognise them here (see autolink.h).
#include <string_view>

#include "markdown/entities.h"
#include "markdown/html_escape.h"
#include "markdown/html_renderer.h"

namespace portalgen::markdown {

void HtmlRenderer::Text(MD_TEXTTYPE type, std::string_view text) {
  if (type != MD_TEXT_HTML) EndRawHtml();
  if (type == MD_TEXT_NORMAL) {
    BufferText(text);
    return;
  }
  // A line break may end or start an autolink; an entity, raw HTML or code may not.
  const bool line_break = type == MD_TEXT_BR || type == MD_TEXT_SOFTBR;
  FlushText(line_break);
  open_after_last_ = line_break;
  switch (type) {
    case MD_TEXT_NULLCHAR:
      AppendUtf8(0, &html_);
      AppendUtf8(0, &plain_);
      break;
    case MD_TEXT_BR:
      html_ += image_nesting_ > 0 ? " " : "<br>\n";
      plain_ += image_nesting_ > 0 ? ' ' : '\n';
      break;
    case MD_TEXT_SOFTBR:
      html_ += image_nesting_ > 0 ? ' ' : '\n';
      plain_ += ' ';
      break;
    case MD_TEXT_HTML:
      if (options_.unsafe) {
        html_ += text;
      } else if (image_nesting_ > 0) {
        // Inside an image the text goes into its alt attribute, where a tag's quotes would
        // end the attribute: there it is text.
        AppendEscapedHtml(text, &html_);
      } else {
        raw_html_.Append(ReplaceForbiddenCharacters(text), &html_);
      }
      break;
    case MD_TEXT_ENTITY: {
      const size_t decoded_start = plain_.size();
      AppendDecodedEntity(text, &plain_);
      AppendEscapedHtml(std::string_view(plain_).substr(decoded_start), &html_);
      break;
    }
    default:
      WriteText(text);
      break;
  }
}

void HtmlRenderer::BufferText(std::string_view text) {
  if (pending_text_.empty()) {
    pending_open_start_ = open_after_last_;
  } else if (text.data() != pending_source_end_) {
    pending_gaps_.push_back(pending_text_.size());
  }
  pending_text_ += text;
  pending_source_end_ = text.data() + text.size();
}

void HtmlRenderer::FlushText(bool open_end) {
  if (pending_text_.empty()) return;
  const std::string_view text = pending_text_;
  if (!autolinks_.any() || link_nesting_ > 0 || image_nesting_ > 0) {
    WriteText(text);
  } else {
    // At a gap md4c left out source characters (the backslash of an escape):
    // that is no boundary for an autolink, and no link runs across it.
    size_t begin = 0;
    for (size_t gap : pending_gaps_) {
      WriteTextWithAutolinks(text.substr(begin, gap - begin), begin == 0 && pending_open_start_,
                             false);
      begin = gap;
    }
    WriteTextWithAutolinks(text.substr(begin), begin == 0 && pending_open_start_, open_end);
  }
  pending_text_.clear();
  pending_gaps_.clear();
  pending_source_end_ = nullptr;
}

void HtmlRenderer::WriteText(std::string_view text) {
  AppendEscapedHtml(text, &html_);
  plain_ += text;
}

void HtmlRenderer::WriteTextWithAutolinks(std::string_view text, bool open_start, bool open_end) {
  size_t written = 0;
  for (Autolink& link : FindAutolinks(text, autolinks_, open_start, open_end)) {
    WriteText(text.substr(written, link.begin - written));
    // Autolinks are http(s), ftp or mailto links, never dropped in safe mode.
    OpenAnchor(link.href);
    html_ += '>';
    WriteText(text.substr(link.begin, link.end - link.begin));
    html_ += "</a>";
    result_.links.push_back(std::move(link.href));
    written = link.end;
  }
  WriteText(text.substr(written));
}

}  // namespace portalgen::markdown
