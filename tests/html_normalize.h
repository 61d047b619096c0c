// HTML normalisation for the conformance test, in the spirit of CommonMark's
// normalize.py: two renderings that a browser shows the same way compare equal
// even when they differ in insignificant whitespace, attribute order or
// quoting, entity spelling or "<br />" against "<br>". It also removes the
// `id` of h1-h6, the one thing our renderer adds. Header-only: only
// tests/*_test.cc files are built.
#ifndef PORTALGEN_TESTS_HTML_NORMALIZE_H_
#define PORTALGEN_TESTS_HTML_NORMALIZE_H_

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "markdown/entities.h"
#include "markdown/html_escape.h"

namespace portalgen::spec {

class HtmlNormalizer {
 public:
  /// Returns the normal form of `html`.
  static std::string Normalize(std::string_view html) {
    HtmlNormalizer normalizer(html);
    normalizer.Run();
    return normalizer.out_;
  }

 private:
  enum class Last { kNone, kStartTag, kEndTag, kData, kOther };

  struct Tag {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;  // value "\x01": none
    bool closing = false;
    bool self_closing = false;
  };

  explicit HtmlNormalizer(std::string_view html) : in_(html) {}

  static bool IsBlockTag(const std::string& name) {
    static const std::set<std::string> kBlockTags = {
        "article",  "header", "aside",    "hgroup",   "blockquote", "hr",         "iframe",
        "body",     "li",     "map",      "button",   "object",     "canvas",     "ol",
        "caption",  "output", "col",      "p",        "colgroup",   "pre",        "dd",
        "progress", "div",    "section",  "dl",       "table",      "td",         "dt",
        "tbody",    "embed",  "textarea", "fieldset", "tfoot",      "figcaption", "th",
        "figure",   "thead",  "footer",   "tr",       "form",       "ul",         "h1",
        "h2",       "h3",     "h4",       "h5",       "h6",         "video",      "script",
        "style"};
    return kBlockTags.count(name) > 0;
  }

  static bool IsHeading(const std::string& name) {
    return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
  }

  void Run() {
    while (pos_ < in_.size()) {
      if (in_[pos_] == '<' && (CopyMarkup("<!--", "-->") || CopyMarkup("<?", "?>") ||
                               CopyMarkup("<!", ">") || ParseTag())) {
        continue;
      }
      const size_t next = in_.find('<', pos_ + 1);
      const size_t end = next == std::string_view::npos ? in_.size() : next;
      EmitData(in_.substr(pos_, end - pos_));
      pos_ = end;
    }
  }

  // Copies a comment, declaration or processing instruction as it is.
  bool CopyMarkup(std::string_view open, std::string_view close) {
    if (in_.substr(pos_, open.size()) != open) return false;
    const size_t end = in_.find(close, pos_ + open.size());
    if (end == std::string_view::npos) return false;
    out_.append(in_.substr(pos_, end + close.size() - pos_));
    pos_ = end + close.size();
    last_ = Last::kOther;
    return true;
  }

  static bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  void SkipSpace(size_t* at) const {
    while (*at < in_.size() && IsSpace(in_[*at])) ++*at;
  }

  std::string ReadName(size_t* at) const {
    std::string name;
    while (*at < in_.size() && !IsSpace(in_[*at]) && in_[*at] != '>' && in_[*at] != '/' &&
           in_[*at] != '=') {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(in_[(*at)++])));
    }
    return name;
  }

  bool ReadValue(size_t* at, std::string* value) const {
    if (*at < in_.size() && (in_[*at] == '"' || in_[*at] == '\'')) {
      const size_t end = in_.find(in_[*at], *at + 1);
      if (end == std::string_view::npos) return false;
      *value = Decode(in_.substr(*at + 1, end - *at - 1));
      *at = end + 1;
      return true;
    }
    const size_t start = *at;
    while (*at < in_.size() && !IsSpace(in_[*at]) && in_[*at] != '>') ++*at;
    *value = Decode(in_.substr(start, *at - start));
    return true;
  }

  // Parses a start or end tag at pos_; false (nothing consumed) if it is not one.
  bool ParseTag() {
    size_t at = pos_ + 1;
    Tag tag;
    tag.closing = at < in_.size() && in_[at] == '/';
    if (tag.closing) ++at;
    if (at >= in_.size() || !std::isalpha(static_cast<unsigned char>(in_[at]))) return false;
    tag.name = ReadName(&at);
    for (;;) {
      SkipSpace(&at);
      if (at >= in_.size()) return false;
      if (in_[at] == '>') break;
      if (in_.substr(at, 2) == "/>") {
        tag.self_closing = true;
        ++at;
        break;
      }
      std::string name = ReadName(&at);
      if (name.empty()) return false;
      std::string value = "\x01";
      SkipSpace(&at);
      if (at < in_.size() && in_[at] == '=') {
        ++at;
        SkipSpace(&at);
        if (!ReadValue(&at, &value)) return false;
      }
      tag.attributes.emplace_back(std::move(name), std::move(value));
    }
    pos_ = at + 1;
    tag.closing ? EmitEndTag(tag.name) : EmitStartTag(&tag);
    return true;
  }

  void EmitStartTag(Tag* tag) {
    if (tag->name == "pre") in_pre_ = true;
    if (IsBlockTag(tag->name)) RightTrim();
    if (IsHeading(tag->name)) {
      std::erase_if(tag->attributes, [](const auto& a) { return a.first == "id"; });
    }
    std::sort(tag->attributes.begin(), tag->attributes.end());
    out_ += "<" + tag->name;
    for (const auto& [name, value] : tag->attributes) {
      out_ += " " + name;
      if (value != "\x01") out_ += "=\"" + markdown::EscapeHtml(value) + "\"";
    }
    out_ += ">";
    last_tag_ = tag->name;
    last_ = tag->self_closing ? Last::kEndTag : Last::kStartTag;
  }

  void EmitEndTag(const std::string& name) {
    if (name == "pre") {
      in_pre_ = false;
    } else if (IsBlockTag(name)) {
      RightTrim();
    }
    out_ += "</" + name + ">";
    last_tag_ = name;
    last_ = Last::kEndTag;
  }

  void EmitData(std::string_view raw) {
    std::string data = Decode(raw);
    const bool after_tag = last_ == Last::kStartTag || last_ == Last::kEndTag;
    if (after_tag && last_tag_ == "br") data.erase(0, data.find_first_not_of('\n'));
    if (!in_pre_) {
      data = CollapseSpace(data);
      if (after_tag && IsBlockTag(last_tag_)) {
        data.erase(0, data.find_first_not_of(' '));
        if (last_ == Last::kEndTag) data.erase(data.find_last_not_of(' ') + 1);
      }
    }
    out_ += markdown::EscapeHtml(data);
    last_ = Last::kData;
  }

  static std::string CollapseSpace(std::string_view text) {
    std::string result;
    for (char c : text) {
      if (!IsSpace(c)) {
        result += c;
      } else if (result.empty() || result.back() != ' ') {
        result += ' ';
      }
    }
    return result;
  }

  // True for "&name;", "&#123;" and "&#x7B;".
  static bool IsReference(std::string_view text) {
    if (text.size() < 3 || text.front() != '&' || text.back() != ';') return false;
    std::string_view body = text.substr(1, text.size() - 2);
    auto all = [](std::string_view s, int (*is)(int)) {
      return !s.empty() && std::all_of(s.begin(), s.end(),
                                       [is](char c) { return is(static_cast<unsigned char>(c)); });
    };
    if (body[0] != '#')
      return std::isalpha(static_cast<unsigned char>(body[0])) && all(body, isalnum);
    if (body.size() > 1 && (body[1] == 'x' || body[1] == 'X')) {
      return body.size() <= 8 && all(body.substr(2), isxdigit);
    }
    return body.size() <= 8 && all(body.substr(1), isdigit);
  }

  // Decodes character references, so "&quot;" and "\"" compare equal.
  static std::string Decode(std::string_view text) {
    std::string result;
    for (size_t i = 0; i < text.size();) {
      const size_t semicolon = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
      if (semicolon != std::string_view::npos && IsReference(text.substr(i, semicolon + 1 - i))) {
        markdown::AppendDecodedEntity(text.substr(i, semicolon + 1 - i), &result);
        i = semicolon + 1;
      } else {
        result += text[i++];
      }
    }
    return result;
  }

  void RightTrim() { out_.erase(out_.find_last_not_of(" \t\n\r\f") + 1); }

  std::string_view in_;
  size_t pos_ = 0;
  std::string out_;
  bool in_pre_ = false;
  Last last_ = Last::kNone;
  std::string last_tag_;
};

}  // namespace portalgen::spec

#endif  // PORTALGEN_TESTS_HTML_NORMALIZE_H_
