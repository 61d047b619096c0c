// RenderTemplate: walks a TemplateTree over a view Value, writing straight into one string.
#include <algorithm>
#include <string_view>

#include "markdown/html_escape.h"
#include "render/fragment_memo.h"
#include "render/template_tree.h"

namespace portalgen::render {

namespace {

using Kind = TemplateNode::Kind;

// kainjow's html_escape (& < > " '), appending instead of returning a copy.
void AppendEscaped(std::string_view s, std::string& out) {
  markdown::AppendEscapedHtml(s, &out, /*apostrophe=*/true);
}

constexpr size_t kFirstReserve = 48 * 1024;

class Renderer {
 public:
  Renderer(const Value& view, const PartialLookup& partials, MissingNames& missing,
           std::string* too_deep, FragmentMemo* memo)
      : partials_(partials), missing_(missing), too_deep_(too_deep), memo_(memo) {
    stack_.push_back(&view.Resolved());
  }

  std::string Run(const TemplateTree& tree) {
    // Most pages are 4-40 KB: one allocation instead of a dozen doublings, each a copy.
    out_.reserve(kFirstReserve);
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
        ++newlines_;
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
    if (recording_ != nullptr) recording_->depth = std::max(recording_->depth, depth_);
    Walk(partial);
    --depth_;
  }

  // At the end of a line: drops it when it held a section tag and otherwise only blanks.
  // Returns whether it was dropped (then its newline goes too).
  bool EndLine() {
    const bool drop =
        had_section_tag_ && out_.find_first_not_of(" \t", line_start_) == std::string::npos;
    if (drop) {
      if (recording_ != nullptr && line_start_ < recording_->start) recording_->keep = false;
      out_.resize(line_start_);
    }
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
      for (const Value& item : items) Item(node, item);
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

  // A list item: its body's text from the memo when the memo holds it for this shared item
  // and it still applies here (fragment_memo.h); else rendered, and kept when it may be.
  void Item(const TemplateNode& node, const Value& item) {
    const Value& shared = item.Resolved();
    if (memo_ == nullptr || recording_ != nullptr || &shared == &item) return Body(node, &item);
    const FragmentMemo::Key key{&node, &shared, LineBlankSoFar()};
    if (const Fragment* kept = memo_->Find(key); kept != nullptr && Replay(*kept)) return;
    Record(node, shared, key);
  }

  bool LineBlankSoFar() const {
    return out_.find_first_not_of(" \t", line_start_) == std::string::npos;
  }

  bool Replay(const Fragment& f) {
    if (depth_ + f.depth > kMaxPartialDepth) return false;
    for (const OuterLookup& o : f.outer) {
      const Value* v = Resolve(*o.node, nullptr);
      if (v == nullptr || ScalarKind(*v) != o.kind || v->text() != o.text) return false;
    }
    const size_t start = out_.size();
    out_ += f.text;
    if (f.ends_line) line_start_ = start + f.line_start;
    had_section_tag_ = true;
    return true;
  }

  void Record(const TemplateNode& node, const Value& shared, const FragmentMemo::Key& key) {
    Recording rec{stack_.size(), out_.size(), depth_};
    const size_t newlines = newlines_;
    const size_t missing = missing_.size();
    recording_ = &rec;
    Body(node, &shared);
    recording_ = nullptr;
    if (!rec.keep || stopped_ || missing_.size() != missing) return;
    Fragment f;
    f.text = out_.substr(rec.start);
    f.ends_line = newlines_ != newlines;
    if (f.ends_line) f.line_start = line_start_ - rec.start;
    f.depth = rec.depth - rec.depth_before;
    f.outer = std::move(rec.outer);
    memo_->Keep(key, std::move(f));
  }

  // The innermost context that holds the whole (dotted) name; "." is the innermost context.
  // Returned values are resolved: never a Value::Ref.
  const Value* Get(const TemplateNode& node) {
    size_t frame = 0;
    if (const Value* v = Resolve(node, &frame)) {
      if (recording_ != nullptr && frame < recording_->base) NoteOuter(node, *v);
      return v;
    }
    missing_.push_back({node.text, false});
    return nullptr;
  }

  // Get() without its bookkeeping; `frame` receives the index of the context that held it.
  const Value* Resolve(const TemplateNode& node, size_t* frame) const {
    if (node.text == ".") {
      if (frame != nullptr) *frame = stack_.size() - 1;
      return stack_.back();
    }
    for (size_t i = stack_.size(); i-- > 0;) {
      const Value* v = stack_[i];
      for (const std::string& part : node.parts) {
        v = v->Find(part);  // nullptr when v is not an object or has no such member
        if (v == nullptr) break;
        v = &v->Resolved();
      }
      if (v != nullptr) {
        if (frame != nullptr) *frame = i;
        return v;
      }
    }
    return nullptr;
  }

  // A name the item being recorded did not hold, found in the page around it.
  void NoteOuter(const TemplateNode& node, const Value& v) {
    const int kind = ScalarKind(v);
    if (kind < 0) {
      recording_->keep = false;
    } else {
      recording_->outer.push_back({&node, kind, std::string(v.text())});
    }
  }

  // The list item whose body is being rendered for the memo.
  struct Recording {
    size_t base;       // its context's index in stack_
    size_t start;      // where its text starts in out_
    int depth_before;  // depth_ when it started
    int depth = depth_before;
    bool keep = true;
    std::vector<OuterLookup> outer;
  };

  const PartialLookup& partials_;
  MissingNames& missing_;
  std::string* too_deep_;
  FragmentMemo* memo_;
  Recording* recording_ = nullptr;
  size_t newlines_ = 0;  // newline nodes met so far
  int depth_ = 0;        // partials being rendered
  bool stopped_ = false;
  std::vector<const Value*> stack_;  // contexts (resolved), innermost last
  std::string out_;
  size_t line_start_ = 0;
  bool had_section_tag_ = false;
};

}  // namespace

std::string RenderTemplate(const TemplateTree& tree, const Value& view,
                           const PartialLookup& partials, MissingNames& missing,
                           std::string* too_deep, FragmentMemo* memo) {
  return Renderer(view, partials, missing, too_deep, memo).Run(tree);
}

std::string RenderTemplate(const TemplateTree& tree, const nlohmann::json& view,
                           const PartialLookup& partials, MissingNames& missing,
                           std::string* too_deep) {
  return RenderTemplate(tree, Value::FromJson(view), partials, missing, too_deep);
}

}  // namespace portalgen::render
