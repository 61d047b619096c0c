// ParseTemplate: Mustache text -> TemplateTree, splitting text, newlines and tags where
// kainjow's parser does, so that the standalone-line rule sees the same lines.
#include <cctype>
#include <sstream>

#include "render/template_tree.h"

namespace portalgen::render {

namespace {

using Kind = TemplateNode::Kind;

std::string Trim(const std::string& s) {
  size_t begin = 0, end = s.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(s[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(s[end - 1]))) --end;
  return s.substr(begin, end - begin);
}

// kainjow looks a plain name up whole and splits a dotted one with std::getline, which drops
// a trailing empty part ("a." is "a").
std::vector<std::string> NameParts(const std::string& name) {
  if (name.find('.') == std::string::npos) return {name};
  std::vector<std::string> parts;
  std::istringstream in(name);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
  return parts;
}

struct Delimiters {
  std::string begin = "{{";
  std::string end = "}}";
  bool is_default() const { return begin == "{{" && end == "}}"; }
};

// "=<% %>=" -> begin "<%", end "%>" (kainjow accepted it at load, so it is well formed).
void SetDelimiters(const std::string& contents, Delimiters& delims) {
  const std::string inner = Trim(contents.substr(1, contents.size() - 2));
  const size_t space = inner.find(' ');
  delims.begin = inner.substr(0, space);
  delims.end = inner.substr(inner.find_first_not_of(' ', space + 1));
}

// The node a tag's trimmed contents stand for; kText for tags that render nothing.
TemplateNode TagNode(const std::string& contents, bool triple_mustache) {
  TemplateNode node;
  node.kind = Kind::kVariable;
  node.text = contents;
  if (triple_mustache) {
    node.kind = Kind::kRawVariable;
  } else if (!contents.empty()) {
    switch (contents[0]) {
      case '#':
        node.kind = Kind::kSection;
        break;
      case '^':
        node.kind = Kind::kInverted;
        break;
      case '>':
        node.kind = Kind::kPartial;
        break;
      case '&':
        node.kind = Kind::kRawVariable;
        break;
      case '/':  // section ends and comments are handled by the caller
      case '!':
        node.kind = Kind::kText;
        break;
      default:
        break;
    }
    if (node.kind != Kind::kVariable) node.text = Trim(contents.substr(1));
  }
  node.parts = NameParts(node.text);
  return node;
}

class Parser {
 public:
  explicit Parser(const std::string& text) : in_(text) { open_.push_back(&root_); }

  TemplateTree Run() {
    while (pos_ < in_.size()) {
      if (in_.compare(pos_, delims_.begin.size(), delims_.begin) == 0) {
        FlushText();
        ParseTag();
      } else if (in_[pos_] == '\n' || in_[pos_] == '\r') {
        FlushText();
        const size_t len = in_.compare(pos_, 2, "\r\n") == 0 ? 2 : 1;
        Add({Kind::kNewline, in_.substr(pos_, len), {}, {}});
        pos_ += len;
      } else {
        text_ += in_[pos_++];
      }
    }
    FlushText();
    return std::move(root_);
  }

 private:
  void Add(TemplateNode node) { open_.back()->push_back(std::move(node)); }

  void FlushText() {
    if (text_.empty()) return;
    Add({Kind::kText, std::move(text_), {}, {}});
    text_.clear();
  }

  void ParseTag() {
    size_t start = pos_ + delims_.begin.size();
    const bool triple = delims_.is_default() && pos_ != in_.size() - 2 && in_.at(start) == '{';
    const std::string end_delim = triple ? "}}}" : delims_.end;
    if (triple) ++start;
    const size_t end = in_.find(end_delim, start);
    const std::string contents = Trim(in_.substr(start, end - start));
    pos_ = end + end_delim.size();
    if (!contents.empty() && contents[0] == '=') {
      SetDelimiters(contents, delims_);
      return;
    }
    if (!triple && !contents.empty() && contents[0] == '/') {
      open_.pop_back();
      return;
    }
    TemplateNode node = TagNode(contents, triple);
    if (node.kind == Kind::kText) return;  // a comment
    const bool section = node.kind == Kind::kSection || node.kind == Kind::kInverted;
    Add(std::move(node));
    if (section) open_.push_back(&open_.back()->back().children);
  }

  const std::string& in_;
  size_t pos_ = 0;
  std::string text_;
  Delimiters delims_;
  TemplateTree root_;
  std::vector<TemplateTree*> open_;  // the innermost open section's children last
};

}  // namespace

TemplateTree ParseTemplate(const std::string& text) { return Parser(text).Run(); }

}  // namespace portalgen::render
