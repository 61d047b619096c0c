#include "render/view_value.h"

namespace portalgen::render {

bool Value::is_string() const {
  const Data& d = Resolved().data_;
  return std::holds_alternative<std::string>(d) || std::holds_alternative<std::string_view>(d);
}

bool Value::IsFalse() const {
  const Data& d = Resolved().data_;
  if (const bool* b = std::get_if<bool>(&d)) return !*b;
  if (const std::string* s = std::get_if<std::string>(&d)) return s->empty();
  if (const std::string_view* s = std::get_if<std::string_view>(&d)) return s->empty();
  return d.index() == 0;  // null; numbers, lists and objects are true
}

std::string_view Value::text() const {
  const Data& d = Resolved().data_;
  if (const std::string* s = std::get_if<std::string>(&d)) return *s;
  if (const std::string_view* s = std::get_if<std::string_view>(&d)) return *s;
  if (const Number* n = std::get_if<Number>(&d)) return n->text;
  return {};
}

const Value* Value::Find(std::string_view key) const {
  const Object* members = std::get_if<Object>(&Resolved().data_);
  if (members == nullptr) return nullptr;
  for (const Member& m : *members) {
    if (m.key.text() == key) return &m.value;
  }
  return nullptr;
}

Value* Value::FindMutable(std::string_view key) {
  for (Member& m : std::get<Object>(data_)) {
    if (m.key.text() == key) return &m.value;
  }
  return nullptr;
}

Value& Value::Set(Key key, Value value) {
  if (Value* old = FindMutable(key.text())) return *old = std::move(value);
  Object& members = std::get<Object>(data_);
  members.push_back({key, std::move(value)});
  return members.back().value;
}

Value Value::FromJson(const nlohmann::json& json) {
  using Type = nlohmann::json::value_t;
  switch (json.type()) {
    case Type::object: {
      Object members;
      members.reserve(json.size());
      for (const auto& [key, item] : json.items()) {
        members.push_back({Key::Borrow(key), FromJson(item)});
      }
      return members;
    }
    case Type::array: {
      List items;
      items.reserve(json.size());
      for (const nlohmann::json& item : json) items.push_back(FromJson(item));
      return items;
    }
    case Type::string: return Borrow(json.get_ref<const std::string&>());
    case Type::boolean: return json.get<bool>();
    case Type::number_integer:
    case Type::number_unsigned:
    case Type::number_float: return NumberText(json.dump());
    default: return Value();  // null, and binary, which views never hold
  }
}

nlohmann::json Value::ToJson() const {
  const Data& d = Resolved().data_;
  if (const bool* b = std::get_if<bool>(&d)) return *b;
  if (is_string()) return std::string(text());
  if (const Number* n = std::get_if<Number>(&d)) return nlohmann::json::parse(n->text);
  if (const List* items = std::get_if<List>(&d)) {
    nlohmann::json out = nlohmann::json::array();
    for (const Value& item : *items) out.push_back(item.ToJson());
    return out;
  }
  if (const Object* members = std::get_if<Object>(&d)) {
    nlohmann::json out = nlohmann::json::object();
    for (const Member& m : *members) out[std::string(m.key.text())] = m.value.ToJson();
    return out;
  }
  return nullptr;
}

}  // namespace portalgen::render
