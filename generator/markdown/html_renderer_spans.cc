// Inline spans of the HTML renderer: emphasis, code, links, images and wiki
// links, with the safe-mode link filter and wiki link resolution.
#include <string_view>

#include "base/url_filter.h"
#include "markdown/html_escape.h"
#include "markdown/html_renderer.h"

namespace portalgen::markdown {
namespace {

const char* SimpleSpanTag(MD_SPANTYPE type) {
  switch (type) {
    case MD_SPAN_EM:
      return "em";
    case MD_SPAN_STRONG:
      return "strong";
    case MD_SPAN_CODE:
      return "code";
    case MD_SPAN_DEL:
      return "del";
    case MD_SPAN_U:
      return "u";
    default:
      return nullptr;
  }
}

// Emphasis delimiters may stand between an autolink and the text around it
// (an opener before, a closer after); other span boundaries may not.
bool IsEmphasis(MD_SPANTYPE type) {
  return type == MD_SPAN_EM || type == MD_SPAN_STRONG || type == MD_SPAN_DEL || type == MD_SPAN_U;
}

bool IsLink(MD_SPANTYPE type) { return type == MD_SPAN_A || type == MD_SPAN_WIKILINK; }

}  // namespace

void HtmlRenderer::EnterSpan(MD_SPANTYPE type, const void* detail) {
  EndRawHtml();
  FlushText(false);
  open_after_last_ = IsEmphasis(type);
  if (IsLink(type)) ++link_nesting_;
  // Inside an image only the alt text counts: nested tags cannot go into an
  // attribute, so they are left out (CommonMark's recommended practice).
  const bool in_image = image_nesting_ > 0;
  if (type == MD_SPAN_IMG) ++image_nesting_;
  if (in_image) return;
  switch (type) {
    case MD_SPAN_A:
      EnterLink(*static_cast<const MD_SPAN_A_DETAIL*>(detail));
      break;
    case MD_SPAN_IMG:
      EnterImage(*static_cast<const MD_SPAN_IMG_DETAIL*>(detail));
      break;
    case MD_SPAN_WIKILINK:
      wiki_link_start_ = Mark{html_.size(), plain_.size()};
      break;
    case MD_SPAN_LATEXMATH:
      html_ += "<x-equation>";
      break;
    case MD_SPAN_LATEXMATH_DISPLAY:
      html_ += "<x-equation type=\"display\">";
      break;
    default:
      if (const char* tag = SimpleSpanTag(type)) html_ += "<" + std::string(tag) + ">";
      break;
  }
}

void HtmlRenderer::LeaveSpan(MD_SPANTYPE type, const void* detail) {
  EndRawHtml();
  FlushText(IsEmphasis(type));
  open_after_last_ = false;
  if (IsLink(type) && link_nesting_ > 0) --link_nesting_;
  if (type == MD_SPAN_IMG) {
    // md4c 0.4.8 can report the end of an image it never opened (after a
    // wiki link target such as "![", for one); there is nothing to close.
    if (image_nesting_ == 0) return;
    --image_nesting_;
  }
  if (image_nesting_ > 0) return;
  switch (type) {
    case MD_SPAN_A:
      LeaveLink(*static_cast<const MD_SPAN_A_DETAIL*>(detail));
      break;
    case MD_SPAN_IMG:
      LeaveImage(*static_cast<const MD_SPAN_IMG_DETAIL*>(detail));
      break;
    case MD_SPAN_WIKILINK:
      LeaveWikiLink(*static_cast<const MD_SPAN_WIKILINK_DETAIL*>(detail));
      break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
      html_ += "</x-equation>";
      break;
    default:
      if (const char* tag = SimpleSpanTag(type)) html_ += "</" + std::string(tag) + ">";
      break;
  }
}

bool HtmlRenderer::Drops(const std::string& url) const {
  return !options_.unsafe && IsDangerousUrl(url);
}

void HtmlRenderer::OpenAnchor(const std::string& href) {
  html_ += "<a href=\"";
  AppendEscapedUrl(href, &html_);
  html_ += '"';
}

void HtmlRenderer::EnterLink(const MD_SPAN_A_DETAIL& detail) {
  std::string href = DecodeAttribute(detail.href);
  // A dropped link still renders its content, just without the <a>.
  dropped_.push_back(Drops(href));
  if (!dropped_.back()) {
    OpenAnchor(href);
    if (detail.title.text != nullptr) {
      html_ += " title=\"";
      AppendEscapedHtml(DecodeAttribute(detail.title), &html_);
      html_ += '"';
    }
    html_ += '>';
  }
  result_.links.push_back(std::move(href));
}

bool HtmlRenderer::PopDropped() {
  const bool dropped = dropped_.back();
  dropped_.pop_back();
  return dropped;
}

void HtmlRenderer::LeaveLink(const MD_SPAN_A_DETAIL&) {
  if (!PopDropped()) html_ += "</a>";
}

void HtmlRenderer::EnterImage(const MD_SPAN_IMG_DETAIL& detail) {
  std::string src = DecodeAttribute(detail.src);
  // A dropped image shows its alt text as plain text instead.
  dropped_.push_back(Drops(src));
  if (!dropped_.back()) {
    html_ += "<img src=\"";
    AppendEscapedUrl(src, &html_);
    html_ += "\" alt=\"";
  }
  result_.links.push_back(std::move(src));
}

void HtmlRenderer::LeaveImage(const MD_SPAN_IMG_DETAIL& detail) {
  if (PopDropped()) return;
  if (detail.title.text != nullptr) {
    html_ += "\" title=\"";
    AppendEscapedHtml(DecodeAttribute(detail.title), &html_);
  }
  html_ += "\">";
}

void HtmlRenderer::LeaveWikiLink(const MD_SPAN_WIKILINK_DETAIL& detail) {
  if (!wiki_link_start_) return;
  const Mark start = *wiki_link_start_;
  wiki_link_start_.reset();
  std::string target = DecodeAttribute(detail.target);
  result_.wiki_targets.push_back(target);
  std::optional<WikiLink> link;
  if (options_.wiki_resolver) link = options_.wiki_resolver(target);
  if (!link) {
    // The label (already escaped, as rendered) stays, as text.
    result_.broken_wiki_links.push_back(std::move(target));
    return;
  }
  // md4c repeats the target as the link's text when the author wrote no
  // label; the resolver's title reads better there.
  const bool unlabelled = std::string_view(plain_).substr(start.plain) == target;
  std::string label = html_.substr(start.html);
  if (unlabelled && !link->title.empty()) {
    label = EscapeHtml(link->title);
    plain_.replace(start.plain, std::string::npos, link->title);
  }
  html_.replace(start.html, std::string::npos,
                "<a href=\"" + EscapeUrl(link->href) + "\">" + label + "</a>");
}

}  // namespace portalgen::markdown
