// RawHtmlFilter: a small HTML tokenizer after the WHATWG tokenizer's tag, attribute and comment
// states, enough to see tags and attributes exactly where a browser will.
#include "markdown/raw_html_filter.h"

#include <algorithm>
#include <cctype>

#include "base/url_filter.h"
#include "markdown/entities.h"
#include "markdown/html_escape.h"

namespace portalgen::markdown {
namespace {

// The GFM tagfilter's tags, and noscript: a browser with scripting on reads its content as
// text, so a tag inside an attribute value there would break out.
constexpr std::string_view kFilteredTags[] = {"title",     "textarea", "style",    "xmp",
                                              "iframe",    "noembed",  "noframes", "script",
                                              "plaintext", "noscript"};

bool IsFilteredTag(std::string_view name) {
  return std::find(std::begin(kFilteredTags), std::end(kFilteredTags), name) !=
         std::end(kFilteredTags);
}

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool IsAsciiAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// "&#106;", "&#x6A" (the ';' is optional for numbers, as browsers read them) and "&colon;".
// Named references without ';' are left as written: none of them stands for an ASCII letter,
// a colon or a space, so none can make a scheme.
std::string DecodeReferences(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size();) {
    if (value[i] != '&') {
      out += value[i++];
      continue;
    }
    size_t end = i + 1;
    if (end < value.size() && value[end] == '#') {
      const bool hex = ++end < value.size() && (value[end] == 'x' || value[end] == 'X');
      if (hex) ++end;
      const size_t digits = end;
      char32_t code_point = 0;
      for (; end < value.size() && std::isxdigit(static_cast<unsigned char>(value[end])); ++end) {
        if (!hex && !std::isdigit(static_cast<unsigned char>(value[end]))) break;
        const char32_t digit = std::isdigit(static_cast<unsigned char>(value[end]))
                                   ? value[end] - '0'
                                   : Lower(value[end]) - 'a' + 10;
        code_point = std::min<char32_t>(code_point * (hex ? 16 : 10) + digit, 0x110000);
      }
      if (end == digits) {
        out += value[i++];
        continue;
      }
      if (end < value.size() && value[end] == ';') ++end;
      AppendUtf8(code_point, &out);
      i = end;
      continue;
    }
    while (end < value.size() && std::isalnum(static_cast<unsigned char>(value[end]))) ++end;
    if (end < value.size() && value[end] == ';' && end > i + 1) {
      AppendDecodedEntity(value.substr(i, end + 1 - i), &out);
      i = end + 1;
    } else {
      out += value[i++];
    }
  }
  return out;
}

}  // namespace

void RawHtmlFilter::Append(std::string_view html, std::string* out) {
  in_run_ = true;
  for (size_t i = 0; i < html.size();) {
    if (state_ == State::kText) {
      const size_t lt = html.find('<', i);
      out->append(html.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i));
      if (lt == std::string_view::npos) break;
      tag_ = "<";
      state_ = State::kTagOpen;
      i = lt + 1;
      continue;
    }
    if (Step(html[i], out)) ++i;
  }
}

void RawHtmlFilter::Finish(std::string* out) {
  switch (state_) {
    case State::kText:
      break;
    case State::kComment:  // closed before the block's last line end
      out->insert(out->empty() || out->back() != '\n' ? out->size() : out->size() - 1, "-->");
      break;
    case State::kBogusComment:
      out->insert(out->empty() || out->back() != '\n' ? out->size() : out->size() - 1, ">");
      break;
    default:  // an unfinished tag: text, so that what follows the run stays outside it
      AppendEscapedHtml(tag_, out, /*apostrophe=*/true);
      break;
  }
  Reset();
  in_run_ = false;
}

void RawHtmlFilter::Reset() {
  state_ = State::kText;
  tag_.clear();
  name_.clear();
  dropped_.clear();
}

bool RawHtmlFilter::Step(char c, std::string* out) {
  switch (state_) {
    case State::kText:
      out->push_back(c);
      return true;
    case State::kComment:
    case State::kBogusComment:
      return StepComment(c, out);
    case State::kTagOpen:
    case State::kEndTagOpen:
    case State::kMarkupDeclaration:
    case State::kMarkupDash:
    case State::kTagName:
    case State::kSelfClosing:
      return StepTag(c, out);
    default:
      return StepAttribute(c, out);
  }
}

bool RawHtmlFilter::Take(char c, State next) {
  // Inside a tag, '<' (and '>' in a quoted value) can only be a name's or a value's character;
  // as references they mean the same to a browser, and no other parser (a feed reader's
  // sanitizer, say) can take "<div x<script>" for a script tag.
  const bool quoted = next == State::kValueDoubleQuoted || next == State::kValueSingleQuoted;
  if (c == '<' && !tag_.empty()) {
    tag_ += "&lt;";
  } else if (c == '>' && quoted) {
    tag_ += "&gt;";
  } else {
    tag_ += c;
  }
  state_ = next;
  return true;
}

bool RawHtmlFilter::GiveUp(State next, std::string* out) {
  out->append(tag_);
  tag_.clear();
  state_ = next;
  comment_tail_.clear();
  comment_length_ = 0;
  return false;
}

// Everything a browser reads up to a tag's first attribute, and a tag's end. What turns out to
// start no tag ("< ", "</1") or to start a comment is written as it is.
bool RawHtmlFilter::StepTag(char c, std::string* out) {
  switch (state_) {
    case State::kTagOpen:
      if (c == '/') return Take(c, State::kEndTagOpen);
      if (c == '!') return Take(c, State::kMarkupDeclaration);
      if (c == '?') return GiveUp(State::kBogusComment, out);
      if (!IsAsciiAlpha(c)) return GiveUp(State::kText, out);
      name_ = Lower(c);
      return Take(c, State::kTagName);
    case State::kEndTagOpen:
      if (c == '>') {  // "</>" is ignored
        Take(c, State::kEndTagOpen);
        GiveUp(State::kText, out);
        return true;
      }
      if (!IsAsciiAlpha(c)) return GiveUp(State::kBogusComment, out);
      name_ = Lower(c);
      return Take(c, State::kTagName);
    case State::kMarkupDeclaration:
      if (c == '-') return Take(c, State::kMarkupDash);
      return GiveUp(State::kBogusComment, out);
    case State::kMarkupDash:
      if (c != '-') return GiveUp(State::kBogusComment, out);
      Take(c, State::kComment);
      GiveUp(State::kComment, out);
      return true;
    case State::kTagName:
      if (IsWhitespace(c)) return Take(c, State::kBeforeAttributeName);
      if (c == '/') return Take(c, State::kSelfClosing);
      if (c == '>') return EmitTag(c, out);
      name_ += Lower(c);
      return Take(c, State::kTagName);
    default:  // kSelfClosing: "/" not followed by '>' only separates attributes
      if (c == '>') return EmitTag(c, out);
      state_ = State::kBeforeAttributeName;
      return false;
  }
}

bool RawHtmlFilter::StepAttribute(char c, std::string* out) {
  switch (state_) {
    case State::kBeforeAttributeName:
      if (IsWhitespace(c)) return Take(c, state_);
      if (c == '/') return Take(c, State::kSelfClosing);
      if (c == '>') return EmitTag(c, out);
      StartAttribute();
      if (c != '=') return false;
      attribute_name_ = "=";  // a name may start with '='
      return Take(c, State::kAttributeName);
    case State::kAttributeName:
      if (IsWhitespace(c) || c == '/' || c == '>') {
        state_ = State::kAfterAttributeName;
        return false;
      }
      if (c == '=') return Take(c, State::kBeforeAttributeValue);
      attribute_name_ += Lower(c);
      return Take(c, state_);
    case State::kAfterAttributeName:
      if (IsWhitespace(c)) return Take(c, state_);
      if (c == '=') return Take(c, State::kBeforeAttributeValue);
      EndAttribute();
      state_ = State::kBeforeAttributeName;
      return false;
    case State::kBeforeAttributeValue:
      if (IsWhitespace(c)) return Take(c, state_);
      if (c == '"') return Take(c, State::kValueDoubleQuoted);
      if (c == '\'') return Take(c, State::kValueSingleQuoted);
      if (c == '>') {
        EndAttribute();
        return EmitTag(c, out);
      }
      state_ = State::kValueUnquoted;
      return false;
    case State::kValueDoubleQuoted:
    case State::kValueSingleQuoted:
      if (c == (state_ == State::kValueDoubleQuoted ? '"' : '\'')) {
        Take(c, State::kAfterQuotedValue);
        EndAttribute();
        return true;
      }
      attribute_value_ += c;
      return Take(c, state_);
    case State::kValueUnquoted:
      if (IsWhitespace(c) || c == '>') {
        EndAttribute();
        state_ = State::kBeforeAttributeName;
        return false;
      }
      attribute_value_ += c;
      return Take(c, state_);
    default:  // kAfterQuotedValue: what follows starts the next attribute or ends the tag
      state_ = State::kBeforeAttributeName;
      return false;
  }
}

bool RawHtmlFilter::StepComment(char c, std::string* out) {
  // A comment's text is never parsed as markup by a browser; written as a reference, a '<' in it
  // cannot start a tag for any other parser either ("<![CDATA[<script>" is a comment up to its
  // first '>').
  if (c == '<') {
    out->append("&lt;");
  } else {
    out->push_back(c);
  }
  if (state_ == State::kBogusComment) {
    if (c == '>') state_ = State::kText;
    return true;
  }
  // A comment ends at "-->" or "--!>", or at once as "<!-->" or "<!--->".
  ++comment_length_;
  comment_tail_ += c;
  if (comment_tail_.size() > 4) comment_tail_.erase(0, comment_tail_.size() - 4);
  const auto ends_with = [&](std::string_view s) {
    return comment_tail_.size() >= s.size() &&
           std::string_view(comment_tail_).substr(comment_tail_.size() - s.size()) == s;
  };
  if ((comment_length_ == 1 && c == '>') || (comment_length_ == 2 && comment_tail_ == "->") ||
      ends_with("-->") || ends_with("--!>")) {
    state_ = State::kText;
  }
  return true;
}

void RawHtmlFilter::StartAttribute() {
  attribute_start_ = tag_.size();
  attribute_name_.clear();
  attribute_value_.clear();
  state_ = State::kAttributeName;
}

void RawHtmlFilter::EndAttribute() {
  const bool handler = attribute_name_.rfind("on", 0) == 0;
  if (handler || IsDangerousUrl(DecodeReferences(attribute_value_))) {
    dropped_.emplace_back(attribute_start_, tag_.size());
  }
}

bool RawHtmlFilter::EmitTag(char c, std::string* out) {
  tag_ += c;
  std::string kept;
  size_t from = 0;
  for (auto [begin, end] : dropped_) {
    // The space before a dropped attribute goes too, unless the next one follows it directly.
    if (IsWhitespace(tag_[end]) || tag_[end] == '/' || tag_[end] == '>') {
      while (begin > from && IsWhitespace(tag_[begin - 1])) --begin;
    }
    kept.append(tag_, from, begin - from);
    from = end;
  }
  kept.append(tag_, from, std::string::npos);
  if (IsFilteredTag(name_)) {
    out->append("&lt;");
    out->append(kept, 1, std::string::npos);
  } else {
    out->append(kept);
  }
  Reset();
  return true;
}

}  // namespace portalgen::markdown
