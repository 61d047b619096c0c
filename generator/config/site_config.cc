#include "config/site_config.h"

#include <memory>

#include "base/paths.h"
#include "base/source_map.h"
#include "base/toml_reader.h"

namespace portalgen::config {

std::string SiteConfig::base_path() const { return BasePath(base_url); }

namespace {

void ReadPriorities(tomlx::Reader& r, const tomlx::Origin& origin, DiagnosticSink& sink,
                    SiteConfig& config) {
  const toml::node* node = r.Node("priorities");
  if (node == nullptr) return;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    r.Error(node, "'priorities' must be written as [[priorities]] tables");
    return;
  }
  for (const toml::node& item : *array) {
    const toml::table* t = item.as_table();
    if (t == nullptr) {
      r.Error(&item, "each entry of 'priorities' must be a table");
      continue;
    }
    tomlx::Reader p(*t, origin, sink, "[[priorities]]");
    Priority priority;
    priority.number = static_cast<int>(p.Int("number").value_or(0));
    if (priority.number < 1 || priority.number > 6) {
      p.Error(p.Node("number") ? p.Node("number") : t, "priority 'number' must be 1 to 6");
    }
    for (const Priority& earlier : config.priorities) {
      if (priority.number != 0 && earlier.number == priority.number) {
        p.Error(p.Node("number"), "priority " + std::to_string(priority.number) +
                                      " is defined twice", "give each [[priorities]] its own number");
      }
    }
    priority.title = p.RequiredString("title");
    priority.shift = p.String("shift").value_or("");
    priority.slug = p.String("slug").value_or(Slugify(priority.title));
    if (!IsValidSlug(priority.slug)) {
      p.Error(p.Node("slug"), "invalid slug '" + priority.slug + "'",
              "use lowercase a-z, 0-9 and '-' only");
    }
    p.WarnUnknownKeys({"number", "slug", "title", "shift"});
    config.priorities.push_back(std::move(priority));
  }
}

void ReadSections(tomlx::Reader& r, const tomlx::Origin& origin, DiagnosticSink& sink,
                  SiteConfig& config) {
  if (const toml::table* t = r.table().get_as<toml::table>("author")) {
    tomlx::Reader a(*t, origin, sink, "[author]");
    config.author_name = a.String("name").value_or("");
    config.author_email = a.String("email").value_or("");
    a.WarnUnknownKeys({"name", "email"});
  }
  if (const toml::table* t = r.table().get_as<toml::table>("markdown")) {
    tomlx::Reader m(*t, origin, sink, "[markdown]");
    config.markdown_unsafe = m.Bool("unsafe").value_or(false);
    m.WarnUnknownKeys({"unsafe"});
  }
  if (const toml::table* t = r.table().get_as<toml::table>("feeds")) {
    tomlx::Reader f(*t, origin, sink, "[feeds]");
    config.feeds_limit = static_cast<int>(f.Int("limit").value_or(50));
    if (config.feeds_limit < 1) f.Error(f.Node("limit"), "'limit' must be at least 1");
    f.WarnUnknownKeys({"limit"});
  }
}

}  // namespace

std::optional<SiteConfig> ParseSiteConfig(const std::string& path, const std::string& text,
                                          DiagnosticSink& sink) {
  std::optional<std::string> normalized = NormalizeText(path, text, sink);
  if (!normalized) return std::nullopt;
  const SourceText source(path, *normalized);
  const tomlx::Origin origin{&source, 1};
  std::optional<toml::table> table = tomlx::Parse(source.text(), origin, sink);
  if (!table) return std::nullopt;

  tomlx::Reader r(*table, origin, sink, "site.toml");
  SiteConfig config;
  config.title = r.RequiredString("title");
  config.base_url = r.String("base_url").value_or("/");
  if (config.base_url.empty() ||
      (config.base_url.find("://") == std::string::npos && config.base_url.front() != '/')) {
    r.Error(r.Node("base_url"), "base_url must be an absolute URL or start with '/'",
            "e.g. base_url = \"https://icat.un.org/\"");
  }
  config.language = r.String("language").value_or("en");
  config.theme = r.String("theme").value_or("default");
  config.description = r.String("description").value_or("");
  config.paginate = static_cast<int>(r.Int("paginate").value_or(20));
  if (config.paginate < 1) r.Error(r.Node("paginate"), "'paginate' must be at least 1");
  ReadPriorities(r, origin, sink, config);
  ReadSections(r, origin, sink, config);
  r.WarnUnknownKeys({"title", "base_url", "language", "theme", "description", "paginate",
                     "author", "priorities", "markdown", "feeds"});
  return config;
}

std::optional<SiteConfig> LoadSiteConfig(const FileSystem& fs, const std::string& source_dir,
                                         DiagnosticSink& sink) {
  const std::string path = JoinPath(source_dir, "site.toml");
  Result<std::string> text = fs.Read(path);
  if (!text.ok()) {
    sink.Error("site.toml", 0, 0, "cannot read site.toml: " + text.status().message(),
               "run portalgen from the site's folder or pass --source DIR");
    return std::nullopt;
  }
  return ParseSiteConfig("site.toml", *text, sink);
}

}  // namespace portalgen::config
