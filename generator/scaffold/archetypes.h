// Archetypes: the starting text of a new brief, event, member or page. A site may keep its own
// in <source>/archetypes/<kind>.md; the built-in ones below are the fallback.
#ifndef PORTALGEN_SCAFFOLD_ARCHETYPES_H_
#define PORTALGEN_SCAFFOLD_ARCHETYPES_H_

#include <string>
#include <string_view>

#include "content/document.h"

namespace portalgen::scaffold {

/// What an archetype's placeholders are replaced with.
struct ArchetypeValues {
  std::string title;  // raw; written TOML-escaped where the archetype says {{title}}
  std::string slug;   // {{slug}}
  std::string date;   // {{date}}: "2026-11-23"
};

/// The built-in archetype for `kind`: every required field, the optional ones commented out.
std::string_view BuiltinArchetype(content::Kind kind);

/// Replaces {{title}}, {{slug}} and {{date}} in `archetype`. {{title}} is meant to sit inside
/// a TOML basic string ("{{title}}"), so quotes, backslashes and control characters in the
/// title are escaped as TOML requires.
std::string FillArchetype(std::string_view archetype, const ArchetypeValues& values);

/// `text` as the inside of a TOML basic string.
std::string TomlEscape(std::string_view text);

}  // namespace portalgen::scaffold

#endif  // PORTALGEN_SCAFFOLD_ARCHETYPES_H_
