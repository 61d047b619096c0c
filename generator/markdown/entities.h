// HTML character references: the named-entity table and the decoding md4c
// leaves to its renderer (md4c reports "&amp;" verbatim as MD_TEXT_ENTITY).
#ifndef PORTALGEN_MARKDOWN_ENTITIES_H_
#define PORTALGEN_MARKDOWN_ENTITIES_H_

#include <string>
#include <string_view>

namespace portalgen::markdown {

/// One HTML5 named character reference: `name` without '&' and ';', and the
/// one or two code points it stands for (`second` is 0 when there is one).
struct NamedEntity {
  std::string_view name;
  char32_t first;
  char32_t second;
};

/// Returns the entity called `name` (no '&' or ';'), or nullptr if HTML5 has
/// no such entity.
const NamedEntity* FindNamedEntity(std::string_view name);

/// Appends `code_point` to `*out` as UTF-8. Zero and values past U+10FFFF
/// become U+FFFD, as CommonMark asks.
void AppendUtf8(char32_t code_point, std::string* out);

/// Appends the decoded form of `reference`, a complete "&name;", "&#123;" or
/// "&#x7B;" as md4c reports it. An unknown named entity is appended verbatim.
void AppendDecodedEntity(std::string_view reference, std::string* out);

}  // namespace portalgen::markdown

#endif  // PORTALGEN_MARKDOWN_ENTITIES_H_
