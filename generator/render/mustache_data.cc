#include "render/mustache_data.h"

namespace portalgen::render {

namespace mustache = kainjow::mustache;

mustache::data ToMustacheData(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data out(mustache::data::type::object);
      for (const auto& [key, item] : value.items()) out.set(key, ToMustacheData(item));
      return out;
    }
    case nlohmann::json::value_t::array: {
      mustache::data out(mustache::data::type::list);
      for (const auto& item : value) out.push_back(ToMustacheData(item));
      return out;
    }
    case nlohmann::json::value_t::string: {
      // kainjow treats every string as true in sections; an empty one is false here so that
      // {{#venue}}...{{/venue}} leaves out a field that was not given. As a variable, false
      // renders as nothing, exactly like "".
      const std::string& s = value.get_ref<const std::string&>();
      return s.empty() ? mustache::data(false) : mustache::data(s);
    }
    case nlohmann::json::value_t::boolean: return mustache::data(value.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return mustache::data(value.dump());
    default: return mustache::data(false);
  }
}

}  // namespace portalgen::render
