// `new`: writes content/<section>/<slug>.md from the site's archetype or the built-in one.
#ifndef PORTALGEN_SCAFFOLD_NEW_CONTENT_H_
#define PORTALGEN_SCAFFOLD_NEW_CONTENT_H_

#include <optional>
#include <string>

#include "base/file_system.h"
#include "base/status.h"
#include "content/document.h"

namespace portalgen::scaffold {

struct NewRequest {
  content::Kind kind = content::Kind::kPage;
  std::string slug;
  std::string title;  // "" : made from the slug ("my-event" -> "My event")
  std::string date;   // "2026-11-23", for the archetype's {{date}}
  std::string source_dir = ".";
};

/// "event" -> kEvent; nullopt for a name that is no kind.
std::optional<content::Kind> ParseKind(const std::string& name);

/// "content/events/<slug>.md", or "content/<slug>.md" for pages (relative to the site).
std::string ContentPath(content::Kind kind, const std::string& slug);

/// A title made from a slug: "my-event" -> "My event".
std::string TitleFromSlug(const std::string& slug);

/// Writes the new file and returns its path relative to the site. Usage errors for a slug
/// that is not valid (with a suggestion) or that a page may not take; an error naming the
/// file when it already exists (it is never overwritten).
Result<std::string> CreateContent(FileSystem& fs, const NewRequest& request);

}  // namespace portalgen::scaffold

#endif  // PORTALGEN_SCAFFOLD_NEW_CONTENT_H_
