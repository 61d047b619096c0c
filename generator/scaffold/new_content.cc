#include "scaffold/new_content.h"

#include <algorithm>

#include "base/paths.h"
#include "index/library.h"
#include "scaffold/archetypes.h"

namespace portalgen::scaffold {

namespace {

std::optional<Status> SlugProblem(content::Kind kind, const std::string& slug) {
  if (!IsValidSlug(slug)) {
    return Status::Usage("'" + slug +
                         "' is not a valid slug: use lowercase a-z, 0-9 and '-' (did you mean '" +
                         Slugify(slug) + "'?)");
  }
  const auto& reserved = index::ReservedPageSlugs();
  if (kind == content::Kind::kPage &&
      (slug == "index" || std::find(reserved.begin(), reserved.end(), slug) != reserved.end())) {
    return Status::Usage("a page cannot be called '" + slug + "': the generator writes /" + slug +
                         "/ itself");
  }
  return std::nullopt;
}

// The site's own archetype when it has one, else the built-in one.
Result<std::string> Archetype(const FileSystem& fs, const NewRequest& request) {
  const std::string path = JoinPath(
      request.source_dir, "archetypes/" + std::string(content::KindName(request.kind)) + ".md");
  if (!fs.IsFile(path)) return std::string(BuiltinArchetype(request.kind));
  return fs.Read(path);
}

}  // namespace

std::optional<content::Kind> ParseKind(const std::string& name) {
  for (content::Kind kind : {content::Kind::kBrief, content::Kind::kEvent, content::Kind::kMember,
                             content::Kind::kPage}) {
    if (name == content::KindName(kind)) return kind;
  }
  return std::nullopt;
}

std::string ContentPath(content::Kind kind, const std::string& slug) {
  const std::string section = content::SectionName(kind);
  return "content/" + (section.empty() ? "" : section + "/") + slug + ".md";
}

std::string TitleFromSlug(const std::string& slug) {
  std::string title = slug;
  std::replace(title.begin(), title.end(), '-', ' ');
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = title[0] - 'a' + 'A';
  return title;
}

Result<std::string> CreateContent(FileSystem& fs, const NewRequest& request) {
  if (std::optional<Status> problem = SlugProblem(request.kind, request.slug)) return *problem;
  const std::string rel = ContentPath(request.kind, request.slug);
  const std::string path = JoinPath(request.source_dir, rel);
  if (fs.IsFile(path)) {
    return Status::Error(Status::Kind::kSchema,
                         rel + " already exists; choose another slug or edit that file");
  }
  Result<std::string> archetype = Archetype(fs, request);
  if (!archetype.ok()) return archetype.status();
  const std::string title = request.title.empty() ? TitleFromSlug(request.slug) : request.title;
  Status written = fs.Write(path, FillArchetype(*archetype, {title, request.slug, request.date}));
  if (!written.ok()) return written;
  return rel;
}

}  // namespace portalgen::scaffold
