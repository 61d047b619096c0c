// Thin helpers over toml++ shared by config and content: parse with diagnostics, locate
// nodes, read typed values with "wrong type" errors, and flag unknown keys.
#ifndef PORTALGEN_BASE_TOML_READER_H_
#define PORTALGEN_BASE_TOML_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "base/diagnostics.h"
#include "base/source_map.h"

namespace portalgen::tomlx {

/// Where TOML text sits inside a file: the file's text, and the 1-based line of the
/// TOML's first line (front matter starts after the `+++` fence).
struct Origin {
  const SourceText* file = nullptr;
  int first_line = 1;
};

/// Parses `text`; on a syntax error adds one diagnostic at the right line of the file.
std::optional<toml::table> Parse(std::string_view text, const Origin& origin,
                                 DiagnosticSink& sink);

/// A diagnostic pointing at `node` (or at the table when node is null).
Diagnostic At(const Origin& origin, const toml::node* node, std::string message,
              std::string hint = {});
/// A diagnostic at a key's position (for unknown or missing keys).
Diagnostic AtKey(const Origin& origin, const toml::key& key, std::string message,
                 std::string hint = {});

/// "string", "integer", "array", ... for messages.
std::string TypeName(const toml::node& node);

/// Typed reading: nullopt when absent; an error diagnostic (and nullopt) on a wrong type.
/// `what` names the field in messages ("title").
class Reader {
 public:
  Reader(const toml::table& table, Origin origin, DiagnosticSink& sink, std::string context)
      : table_(table), origin_(origin), sink_(sink), context_(std::move(context)) {}

  std::optional<std::string> String(std::string_view key);
  std::optional<int64_t> Int(std::string_view key);
  std::optional<bool> Bool(std::string_view key);
  std::optional<std::vector<std::string>> Strings(std::string_view key);
  std::optional<std::vector<int64_t>> Ints(std::string_view key);
  /// Required string: adds "missing required field" when absent (or empty).
  std::string RequiredString(std::string_view key);

  /// Warns about every key not in `known`, with a did-you-mean suggestion.
  void WarnUnknownKeys(const std::vector<std::string>& known) const;
  /// Line of `key`'s value (or of the table when absent), for errors after reading.
  const toml::node* Node(std::string_view key) const { return table_.get(key); }
  void Error(const toml::node* node, std::string message, std::string hint = {}) const;
  void MissingField(std::string_view key, std::string hint = {}) const;

  const Origin& origin() const { return origin_; }
  const toml::table& table() const { return table_; }

 private:
  void WrongType(std::string_view key, const toml::node& node, std::string_view expected) const;

  const toml::table& table_;
  Origin origin_;
  DiagnosticSink& sink_;
  std::string context_;
};

}  // namespace portalgen::tomlx

#endif  // PORTALGEN_BASE_TOML_READER_H_
