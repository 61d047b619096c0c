// A theme template parsed once into a tree, rendered many times straight from a view Value
// (view_value.h), which stands for the nlohmann::json view it replaced.
//
// Why not kainjow's renderer: it re-parses every partial at every inclusion (a card partial
// inside a 20-item list is parsed 20 times per page) and needs the view copied into its own
// data type first; together that was most of a build's time. kainjow still parses and
// validates every template when the theme loads (theme.cc), and this tree follows the
// rendering kainjow does, byte for byte:
//   - the view maps to Mustache values as ToMustacheData (mustache_data.h) maps it: "" and null
//     are false, numbers render as json::dump();
//   - names resolve as kainjow's context::get does, dotted names against each context in turn;
//   - a line that holds a section tag and otherwise only spaces or tabs is left out.
#ifndef PORTALGEN_RENDER_TEMPLATE_TREE_H_
#define PORTALGEN_RENDER_TEMPLATE_TREE_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "render/view_value.h"

namespace portalgen::render {

class FragmentMemo;

struct TemplateNode {
  enum class Kind { kText, kNewline, kVariable, kRawVariable, kSection, kInverted, kPartial };
  Kind kind = Kind::kText;
  std::string text;                    // literal text, the newline itself, or the tag's name
  std::vector<std::string> parts;      // the name split at dots, as kainjow looks it up
  std::vector<TemplateNode> children;  // a section's body
};

using TemplateTree = std::vector<TemplateNode>;

/// Parses template text into a tree the way kainjow's parser splits it. Requires text that
/// kainjow accepted (balanced sections, closed tags); comments and delimiter changes leave
/// no node because they render nothing.
TemplateTree ParseTemplate(const std::string& text);

/// Finds a partial by name; nullptr when the theme has none of that name.
using PartialLookup = std::function<const TemplateTree*(const std::string& name)>;

/// A name that did not resolve: {name, whether it was a partial}, in the order met.
using MissingNames = std::vector<std::pair<std::string, bool>>;

/// Partials nest at most this deep, so that one that includes itself with no section to end
/// the recursion is an error instead of a stack overflow.
inline constexpr int kMaxPartialDepth = 100;

/// Renders `tree` with `view` as the root context. Names that do not resolve render nothing
/// and are appended to `missing`, exactly where kainjow's strict context would record them.
/// A partial that would nest deeper than kMaxPartialDepth stops the rendering; its name is then
/// stored in `too_deep` (when given). With `memo`, the bodies of sections over shared list
/// items are kept there and reused (fragment_memo.h); the text is the same either way.
std::string RenderTemplate(const TemplateTree& tree, const Value& view,
                           const PartialLookup& partials, MissingNames& missing,
                           std::string* too_deep = nullptr, FragmentMemo* memo = nullptr);
/// The same with a json view (converted by Value::FromJson).
std::string RenderTemplate(const TemplateTree& tree, const nlohmann::json& view,
                           const PartialLookup& partials, MissingNames& missing,
                           std::string* too_deep = nullptr);

}  // namespace portalgen::render

#endif  // PORTALGEN_RENDER_TEMPLATE_TREE_H_
