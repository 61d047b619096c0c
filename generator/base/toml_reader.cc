#include "base/toml_reader.h"

#include <algorithm>

#include "base/did_you_mean.h"

namespace portalgen::tomlx {

namespace {

// toml++ reports columns in code points, 1-based; lines are relative to the parsed text.
LineCol FileLineCol(const Origin& origin, int rel_line, int col) {
  // No position: point at the line before the TOML, the opening `+++` fence.
  if (rel_line <= 0) return {std::max(1, origin.first_line - 1), 1};
  return {origin.first_line + rel_line - 1, col};
}

Diagnostic Located(const Origin& origin, int rel_line, int col, std::string message,
                   std::string hint) {
  const LineCol at = FileLineCol(origin, rel_line, col);
  return origin.file->MakeError(at.line, at.col, std::move(message), std::move(hint));
}

}  // namespace

std::optional<toml::table> Parse(std::string_view text, const Origin& origin,
                                 DiagnosticSink& sink) {
  toml::parse_result result = toml::parse(text);
  if (result) return std::move(result).table();
  const toml::parse_error& err = result.error();
  const auto& begin = err.source().begin;
  std::string message = "TOML syntax error: " + std::string(err.description());
  sink.Add(Located(origin, static_cast<int>(begin.line), static_cast<int>(begin.column),
                   std::move(message),
                   "check quotes, brackets and '=' on this line; strings need \"double quotes\""));
  return std::nullopt;
}

LineCol Where(const Origin& origin, const toml::node* node) {
  if (node == nullptr || !node->source().begin) return FileLineCol(origin, 0, 0);
  const auto& begin = node->source().begin;
  return FileLineCol(origin, static_cast<int>(begin.line), static_cast<int>(begin.column));
}

Diagnostic At(const Origin& origin, const toml::node* node, std::string message,
              std::string hint) {
  const LineCol at = Where(origin, node);
  return origin.file->MakeError(at.line, at.col, std::move(message), std::move(hint));
}

Diagnostic AtKey(const Origin& origin, const toml::key& key, std::string message,
                 std::string hint) {
  const auto& begin = key.source().begin;
  return Located(origin, static_cast<int>(begin.line), static_cast<int>(begin.column),
                 std::move(message), std::move(hint));
}

std::string TypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "nothing";
  }
}

void Reader::WrongType(std::string_view key, const toml::node& node,
                       std::string_view expected) const {
  sink_.Add(At(origin_, &node,
               "'" + std::string(key) + "' must be " + std::string(expected) + ", not " +
                   TypeName(node)));
}

void Reader::Error(const toml::node* node, std::string message, std::string hint) const {
  sink_.Add(At(origin_, node ? node : &table_, std::move(message), std::move(hint)));
}

void Reader::MissingField(std::string_view key, std::string hint) const {
  Diagnostic d = At(origin_, nullptr,
                    "missing required field '" + std::string(key) + "'" +
                        (context_.empty() ? "" : " in " + context_),
                    std::move(hint));
  // Point at the table header for sub-tables ([[speakers]]), else at the fence line.
  if (table_.source().begin && table_.source().begin.line > 1) {
    d = At(origin_, &table_, d.message, d.hint);
  }
  sink_.Add(std::move(d));
}

std::optional<std::string> Reader::String(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* s = node->as_string()) return s->get();
  WrongType(key, *node, "a string in \"double quotes\"");
  return std::nullopt;
}

std::optional<int64_t> Reader::Int(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* i = node->as_integer()) return i->get();
  WrongType(key, *node, "a whole number");
  return std::nullopt;
}

std::optional<bool> Reader::Bool(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* b = node->as_boolean()) return b->get();
  WrongType(key, *node, "true or false");
  return std::nullopt;
}

std::optional<std::vector<std::string>> Reader::Strings(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    WrongType(key, *node, "an array of strings, e.g. [\"a\", \"b\"]");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const toml::node& item : *array) {
    if (const auto* s = item.as_string()) {
      out.push_back(s->get());
    } else {
      WrongType(key, item, "an array of strings");
      return std::nullopt;
    }
  }
  return out;
}

std::optional<std::vector<int64_t>> Reader::Ints(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    WrongType(key, *node, "an array of whole numbers, e.g. [1, 2]");
    return std::nullopt;
  }
  std::vector<int64_t> out;
  for (const toml::node& item : *array) {
    if (const auto* i = item.as_integer()) {
      out.push_back(i->get());
    } else {
      WrongType(key, item, "an array of whole numbers");
      return std::nullopt;
    }
  }
  return out;
}

std::string Reader::RequiredString(std::string_view key) {
  std::optional<std::string> value = String(key);
  if (!value && table_.get(key) == nullptr) {
    MissingField(key, "add " + std::string(key) + " = \"...\"");
  } else if (value && value->empty()) {
    Error(table_.get(key), "'" + std::string(key) + "' must not be empty");
  }
  return value.value_or("");
}

void Reader::WarnUnknownKeys(const std::vector<std::string>& known) const {
  for (const auto& [key, node] : table_) {
    const std::string name(key.str());
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    Diagnostic d = AtKey(origin_, key, "unknown field '" + name + "'" +
                                           (context_.empty() ? "" : " in " + context_),
                         DidYouMean(name, known));
    d.severity = Diagnostic::Severity::kWarning;
    sink_.Add(std::move(d));
  }
}

}  // namespace portalgen::tomlx
