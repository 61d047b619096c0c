// Blocks and text of the HTML renderer. Tags and newlines are written exactly
// where md4c-html writes them; the differential test holds us to that.
#include "markdown/html_renderer.h"

#include <string_view>

#include "markdown/entities.h"
#include "markdown/html_escape.h"

namespace portalgen::markdown {
namespace {

std::string_view Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
}

// The fixed tags of each block. An empty opening tag means the opening
// depends on the block's detail (or, for MD_BLOCK_HTML, that its text is the
// whole block); headings are missing because both their tags need the level.
struct BlockTags {
  MD_BLOCKTYPE type;
  const char* open;
  const char* close;
};

constexpr BlockTags kBlockTags[] = {
    {MD_BLOCK_QUOTE, "<blockquote>\n", "</blockquote>\n"},
    {MD_BLOCK_UL, "<ul>\n", "</ul>\n"},
    {MD_BLOCK_OL, "", "</ol>\n"},
    {MD_BLOCK_LI, "", "</li>\n"},
    {MD_BLOCK_HR, "<hr>\n", ""},
    {MD_BLOCK_CODE, "", "</code></pre>\n"},
    {MD_BLOCK_HTML, "", ""},
    {MD_BLOCK_P, "<p>", "</p>\n"},
    {MD_BLOCK_TABLE, "<table>\n", "</table>\n"},
    {MD_BLOCK_THEAD, "<thead>\n", "</thead>\n"},
    {MD_BLOCK_TBODY, "<tbody>\n", "</tbody>\n"},
    {MD_BLOCK_TR, "<tr>\n", "</tr>\n"},
    {MD_BLOCK_TH, "", "</th>\n"},
    {MD_BLOCK_TD, "", "</td>\n"},
};

const BlockTags& TagsOf(MD_BLOCKTYPE type) {
  static constexpr BlockTags kNone = {MD_BLOCK_DOC, "", ""};
  for (const BlockTags& tags : kBlockTags) {
    if (tags.type == type) return tags;
  }
  return kNone;
}

const char* AlignAttribute(MD_ALIGN align) {
  switch (align) {
    case MD_ALIGN_LEFT:
      return " align=\"left\"";
    case MD_ALIGN_CENTER:
      return " align=\"center\"";
    case MD_ALIGN_RIGHT:
      return " align=\"right\"";
    default:
      return "";
  }
}

}  // namespace

std::string DecodeAttribute(const MD_ATTRIBUTE& attribute) {
  std::string value;
  if (attribute.text == nullptr) return value;
  for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
    const std::string_view part(attribute.text + attribute.substr_offsets[i],
                                attribute.substr_offsets[i + 1] - attribute.substr_offsets[i]);
    switch (attribute.substr_types[i]) {
      case MD_TEXT_ENTITY:
        AppendDecodedEntity(part, &value);
        break;
      case MD_TEXT_NULLCHAR:
        AppendUtf8(0, &value);
        break;
      default:
        value.append(part);
        break;
    }
  }
  return value;
}

void HtmlRenderer::EnterBlock(MD_BLOCKTYPE type, const void* detail) {
  EndRawHtml();
  FlushText(true);
  open_after_last_ = true;
  if (type == MD_BLOCK_DOC) return;
  if (type == MD_BLOCK_P && block_depth_ == 0) {
    top_paragraph_start_ = Mark{html_.size(), plain_.size()};
  }
  ++block_depth_;
  switch (type) {
    case MD_BLOCK_OL:
      EnterOrderedList(*static_cast<const MD_BLOCK_OL_DETAIL*>(detail));
      break;
    case MD_BLOCK_LI:
      EnterListItem(*static_cast<const MD_BLOCK_LI_DETAIL*>(detail));
      break;
    case MD_BLOCK_H:
      html_ += "<h" + std::to_string(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level);
      heading_start_ = Mark{html_.size(), plain_.size()};
      html_ += '>';
      break;
    case MD_BLOCK_CODE:
      EnterCodeBlock(*static_cast<const MD_BLOCK_CODE_DETAIL*>(detail));
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      EnterTableCell(type, *static_cast<const MD_BLOCK_TD_DETAIL*>(detail));
      break;
    default:
      html_ += TagsOf(type).open;
      break;
  }
}

void HtmlRenderer::LeaveBlock(MD_BLOCKTYPE type, const void* detail) {
  EndRawHtml();
  FlushText(true);
  open_after_last_ = true;
  if (type == MD_BLOCK_DOC) return;
  --block_depth_;
  if (type == MD_BLOCK_H) {
    LeaveHeading(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level);
  } else if (type == MD_BLOCK_P) {
    LeaveParagraph();
  } else {
    html_ += TagsOf(type).close;
  }
  if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) {
    // Cells of a row share a line of plain text.
    if (!plain_.empty() && plain_.back() != '\n' && plain_.back() != ' ') plain_ += ' ';
  } else {
    EndPlainLine();
  }
}

void HtmlRenderer::EnterOrderedList(const MD_BLOCK_OL_DETAIL& detail) {
  if (detail.start == 1) {
    html_ += "<ol>\n";
  } else {
    html_ += "<ol start=\"" + std::to_string(detail.start) + "\">\n";
  }
}

void HtmlRenderer::EnterCodeBlock(const MD_BLOCK_CODE_DETAIL& detail) {
  html_ += "<pre><code";
  if (detail.lang.text != nullptr) {
    html_ += " class=\"language-";
    AppendEscapedHtml(DecodeAttribute(detail.lang), &html_);
    html_ += '"';
  }
  html_ += '>';
}

void HtmlRenderer::EnterListItem(const MD_BLOCK_LI_DETAIL& detail) {
  if (!detail.is_task) {
    html_ += "<li>";
    return;
  }
  html_ +=
      "<li class=\"task-list-item\">"
      "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled";
  if (detail.task_mark == 'x' || detail.task_mark == 'X') html_ += " checked";
  html_ += '>';
}

void HtmlRenderer::EnterTableCell(MD_BLOCKTYPE type, const MD_BLOCK_TD_DETAIL& detail) {
  html_ += type == MD_BLOCK_TH ? "<th" : "<td";
  html_ += AlignAttribute(detail.align);
  html_ += '>';
}

void HtmlRenderer::LeaveHeading(unsigned level) {
  Heading heading;
  heading.level = static_cast<int>(level);
  heading.text = std::string(Trim(std::string_view(plain_).substr(heading_start_.plain)));
  heading.id = heading_ids_.Allocate(heading.text);
  if (options_.heading_ids) {
    // The id depends on the heading's text, known only now; the opening tag
    // was left open for it at heading_start_.html.
    html_.insert(heading_start_.html, " id=\"" + EscapeHtml(heading.id) + "\"");
  }
  html_ += "</h" + std::to_string(level) + ">\n";
  result_.headings.push_back(std::move(heading));
}

void HtmlRenderer::LeaveParagraph() {
  html_ += TagsOf(MD_BLOCK_P).close;
  if (top_paragraph_start_ && !have_first_paragraph_) {
    std::string_view text = std::string_view(plain_).substr(top_paragraph_start_->plain);
    result_.first_paragraph = std::string(Trim(text));
    have_first_paragraph_ = true;
  }
  top_paragraph_start_.reset();
}

void HtmlRenderer::EndPlainLine() {
  while (!plain_.empty() && plain_.back() == ' ') plain_.pop_back();
  if (!plain_.empty() && plain_.back() != '\n') plain_ += '\n';
}

void HtmlRenderer::EndRawHtml() {
  if (raw_html_.in_run()) raw_html_.Finish(&html_);
}

Rendered HtmlRenderer::TakeResult() {
  EndRawHtml();
  FlushText(true);
  while (!plain_.empty() && (plain_.back() == '\n' || plain_.back() == ' ')) plain_.pop_back();
  return std::move(result_);
}

}  // namespace portalgen::markdown
