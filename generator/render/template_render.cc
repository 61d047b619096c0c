// RenderTemplate: walks a TemplateTree over a view Value, writing straight into one string.
#include <string_view>

#include "markdown/html_escape.h"
#include "render/template_tree.h"

namespace portalgen::render {

namespace {

using Kind = TemplateNode::Kind;

// kainjow's html_escape (& < > " '), appending instead of returning a copy.
void AppendEscaped(std::string_view s, std::string& out) {
  markdown::AppendEscapedHtml(s, &out, /*apostrophe=*/true);
}

class Renderer {
 public:
  Renderer(const Value& view, const PartialLookup& partials, MissingNames& missing,
           std::string* too_deep)
      : partials_(partials), missing_(missing), too_deep_(too_deep) {
    stack_.push_back(&view.Resolved());
  }

  std::string Run(const TemplateTree& tree) {
    Walk(tree);
    EndLine();
    return std::move(out_);
  }

 private:
  void Walk(const TemplateTree& nodes) {
    for (const TemplateNode& node : nodes) {
      if (stopped_) return;
      Visit(node);
    }
  }

  void Visit(const TemplateNode& node) {
    switch (node.kind) {
      case Kind::kText:
        out_ += node.text;
        break;
      case Kind::kNewline:
        if (!EndLine()) out_ += node.text;
        line_start_ = out_.size();
        break;
      case Kind::kVariable:
      case Kind::kRawVariable:
        if (const Value* v = Get(node)) Variable(*v, node.kind == Kind::kVariable);
        break;
      case Kind::kSection:
        if (const Value* v = Get(node); v != nullptr && !v->IsFalse() && !IsEmptyList(*v)) {
          Section(node, v);
        }
        break;
      case Kind::kInverted:
        if (const Value* v = Get(node); v == nullptr || v->IsFalse() || IsEmptyList(*v)) {
          Section(node, v);
        }
        break;
      case Kind::kPartial:
        if (const TemplateTree* partial = partials_(node.text)) {
          Partial(node.text, *partial);
        } else {
          missing_.push_back({node.text, true});
        }
        break;
    }
  }

  void Partial(const std::string& name, const TemplateTree& partial) {
    if (depth_ == kMaxPartialDepth) {
      if (too_deep_ != nullptr) *too_deep_ = name;
      stopped_ = true;
      return;
    }
    ++depth_;
    Walk(partial);
    --depth_;
  }

  // At the end of a line: drops it when it held a section tag and otherwise only blanks.
  // Returns whether it was dropped (then its newline goes too).
  bool EndLine() {
    const bool drop =
        had_section_tag_ && out_.find_first_not_of(" \t", line_start_) == std::string::npos;
    if (drop) out_.resize(line_start_);
    had_section_tag_ = false;
    return drop;
  }

  static bool IsEmptyList(const Value& v) { return v.is_list() && v.list().empty(); }

  // Strings and numbers render their text; nothing else renders anything.
  void Variable(const Value& v, bool escape) { Append(v.text(), escape); }

  void Append(std::string_view s, bool escape) {
    if (escape) {
      AppendEscaped(s, out_);
    } else {
      out_.append(s);
    }
  }

  // A list renders the body once per item; any other value once, as the innermost context;
  // nothing (an inverted section over a missing name) renders it with the contexts as they are.
  void Section(const TemplateNode& node, const Value* v) {
    if (v != nullptr && v->is_list()) {
      const List& items = v->list();
      if (items.empty()) return Body(node, v);
      for (const Value& item : items) Body(node, &item);
    } else {
      Body(node, v);
    }
  }

  void Body(const TemplateNode& node, const Value* context) {
    had_section_tag_ = true;
    if (context != nullptr) stack_.push_back(&context->Resolved());
    Walk(node.children);
    if (context != nullptr) stack_.pop_back();
    had_section_tag_ = true;
  }

  // The innermost context that holds the whole (dotted) name; "." is the innermost context.
  // Returned values are resolved: never a Value::Ref.
  const Value* Get(const TemplateNode& node) {
    if (node.text == ".") return stack_.back();
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      const Value* v = *it;
      for (const std::string& part : node.parts) {
        v = v->Find(part);  // nullptr when v is not an object or has no such member
        if (v == nullptr) break;
        v = &v->Resolved();
      }
      if (v != nullptr) return v;
    }
    missing_.push_back({node.text, false});
    return nullptr;
  }

  const PartialLookup& partials_;
  MissingNames& missing_;
  std::string* too_deep_;
  int depth_ = 0;  // partials being rendered
  bool stopped_ = false;
  std::vector<const Value*> stack_;  // contexts (resolved), innermost last
  std::string out_;
  size_t line_start_ = 0;
  bool had_section_tag_ = false;
};

}  // namespace

std::string RenderTemplate(const TemplateTree& tree, const Value& view,
                           const PartialLookup& partials, MissingNames& missing,
                           std::string* too_deep) {
  return Renderer(view, partials, missing, too_deep).Run(tree);
}

std::string RenderTemplate(const TemplateTree& tree, const nlohmann::json& view,
                           const PartialLookup& partials, MissingNames& missing,
                           std::string* too_deep) {
  return RenderTemplate(tree, Value::FromJson(view), partials, missing, too_deep);
}

}  // namespace portalgen::render
