// JSON text for the feeds stage: strings written as nlohmann::json's dump() writes them, without
// a json tree, and JSON made safe to put inside an HTML <script> element.
#ifndef PORTALGEN_FEEDS_JSON_TEXT_H_
#define PORTALGEN_FEEDS_JSON_TEXT_H_

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace portalgen::feeds {

/// `value` serialised for inside <script>: `<`, `>`, `&`, U+2028, U+2029 and what HTML forbids
/// (IsForbiddenInHtml) as \uXXXX, so that no "</script>" or "<!--" can end the element, the
/// page stays valid HTML and JavaScript parsers accept it too.
std::string ScriptSafeJson(const nlohmann::json& value);

enum class JsonEscapes {
  kJson,        // as nlohmann::json(text).dump() writes it (non-ASCII kept, bad UTF-8 replaced)
  kScriptSafe,  // as ScriptSafeJson(nlohmann::json(text)) writes it
};

/// Appends `text` as a JSON string, byte for byte as the json library would write it, without
/// building a json value: the search index and every page's JSON-LD are written this way.
void AppendJsonString(std::string_view text, std::string* out, JsonEscapes escapes);

/// The text of `token`, a JSON string with its quotes (as AppendJsonString writes one);
/// nullopt when it is not a whole, valid JSON string.
std::optional<std::string> JsonStringValue(std::string_view token);

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_JSON_TEXT_H_
