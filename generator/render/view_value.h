// render::Value: the data a template sees. The view builders (generator/view) make one per page
// and the renderer (template_tree.h) walks it; nlohmann::json views still render, converted
// first (FromJson), and convert back for tests (ToJson).
//
// Why not nlohmann::json: a build renders thousands of pages that repeat most of their data (the
// `site` object, a document's card in every list that holds it, a document's HTML body). With
// json, every page copied all of it into a tree of std::map nodes and freed it again, which was
// most of the time spent on pages. A Value can instead
//   - refer to a Value built once and shared (Value::Ref: the memoised site object, cards),
//   - borrow text that the library holds for the whole build (Value::Borrow: a body, a title),
//   - hold an object as one vector of {literal key, value}, found by a short linear search.
// Both the borrowing and the referring are non-owning: a Value must be rendered while what it
// points into lives. The views point only into the ViewContext (library, memo) and their PageSpec,
// which the pipeline keeps until every page is rendered.
//
// Mustache sees exactly what it saw of the equivalent json (see template_tree.h): null, false and
// "" are false; a number renders as json::dump() would; objects and lists are contexts.
#ifndef PORTALGEN_RENDER_VIEW_VALUE_H_
#define PORTALGEN_RENDER_VIEW_VALUE_H_

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace portalgen::render {

/// An object key. Made from a string literal, so that keys cost nothing to copy and never dangle;
/// Key::Borrow() takes any other text that outlives the object (FromJson's json keys).
class Key {
 public:
  template <size_t N>
  consteval Key(const char (&literal)[N]) : text_(literal, N - 1) {}  // NOLINT: implicit on purpose
  static Key Borrow(std::string_view text) { return Key(text); }
  std::string_view text() const { return text_; }

 private:
  explicit Key(std::string_view text) : text_(text) {}
  std::string_view text_;
};

class Value;
struct Member;
using List = std::vector<Value>;
using Object = std::vector<Member>;

class Value {
 public:
  /// null: false in a section, nothing as a variable.
  Value() = default;
  Value(bool b) : data_(b) {}                            // NOLINT: implicit on purpose
  Value(std::string text) : data_(std::move(text)) {}    // NOLINT
  Value(const char* text) : data_(std::string(text)) {}  // NOLINT
  /// A number (any integer type; not bool), rendered as json::dump() renders it.
  template <typename T>
    requires std::integral<T> && (!std::same_as<T, bool>)
  Value(T number) : data_(Number{std::to_string(number)}) {}  // NOLINT
  Value(List list) : data_(std::move(list)) {}        // NOLINT
  Value(Object object) : data_(std::move(object)) {}  // NOLINT

  /// Text owned elsewhere, for as long as this value is used (a document's body in the library).
  static Value Borrow(std::string_view text) {
    return Value(Data(std::in_place_type<std::string_view>, text));
  }
  /// The value `shared` (a memoised card or site object), not copied: it must outlive this one.
  static Value Ref(const Value& shared) {
    return Value(Data(std::in_place_type<const Value*>, &shared.Resolved()));
  }
  /// A number given as the text json::dump() makes of it ("2.5"): for FromJson.
  static Value NumberText(std::string text) { return Value(Data(Number{std::move(text)})); }

  /// Converts a json view. Strings and keys are borrowed from `json`, which must outlive the
  /// result.
  static Value FromJson(const nlohmann::json& json);
  /// The json this value stands for (references followed): for tests and debugging.
  nlohmann::json ToJson() const;

  /// This value, or the one it refers to.
  const Value& Resolved() const {
    const Value* const* ref = std::get_if<const Value*>(&data_);
    return ref != nullptr ? **ref : *this;
  }

  bool is_null() const { return Resolved().data_.index() == 0; }
  bool is_bool() const { return std::holds_alternative<bool>(Resolved().data_); }
  bool is_string() const;
  bool is_number() const { return std::holds_alternative<Number>(Resolved().data_); }
  bool is_list() const { return std::holds_alternative<List>(Resolved().data_); }
  bool is_object() const { return std::holds_alternative<Object>(Resolved().data_); }

  /// Mustache's false: null, false and "".
  bool IsFalse() const;
  bool boolean() const { return std::get<bool>(Resolved().data_); }
  /// The text of a string or number; "" for anything else.
  std::string_view text() const;
  /// The items of a list, or the members of an object; must be one.
  const List& list() const { return std::get<List>(Resolved().data_); }
  const Object& object() const { return std::get<Object>(Resolved().data_); }

  /// The member `key` of an object; nullptr when there is none or this is not an object.
  const Value* Find(std::string_view key) const;
  /// For builders: the member `key` of this object (not a reference), or nullptr.
  Value* FindMutable(std::string_view key);
  /// For builders: sets member `key` of this object (not a reference), replacing one there.
  Value& Set(Key key, Value value);
  /// For builders: appends to this list (not a reference).
  void Append(Value value) { std::get<List>(data_).push_back(std::move(value)); }

 private:
  struct Number {
    std::string text;
  };
  using Data = std::variant<std::monostate, bool, std::string, std::string_view, Number, List,
                            Object, const Value*>;
  explicit Value(Data data) : data_(std::move(data)) {}

  Data data_;
};

struct Member {
  Key key;
  Value value;
};

}  // namespace portalgen::render

#endif  // PORTALGEN_RENDER_VIEW_VALUE_H_
