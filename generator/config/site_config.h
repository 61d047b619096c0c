// site.toml -> SiteConfig: typed, with defaults, every problem as a diagnostic.
#ifndef PORTALGEN_CONFIG_SITE_CONFIG_H_
#define PORTALGEN_CONFIG_SITE_CONFIG_H_

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace portalgen::config {

struct Priority {
  int number = 0;
  std::string slug;   // "evidence-base"; URL part after the number
  std::string title;  // "Building the evidence base"
  std::string shift;  // "A shift from awareness towards impact"
};

struct SiteConfig {
  std::string title;
  std::string base_url = "/";  // absolute "https://x.org/" or a root path
  std::string language = "en";
  std::string theme = "default";
  std::string description;
  int paginate = 20;
  std::string author_name;
  std::string author_email;
  std::vector<Priority> priorities;
  bool markdown_unsafe = false;
  int feeds_limit = 50;

  /// The path part of base_url, always ending in '/': "/" or "/icat/".
  std::string base_path() const;
};

/// Parses the text of site.toml (`path` names it in diagnostics).
std::optional<SiteConfig> ParseSiteConfig(const std::string& path, const std::string& text,
                                          DiagnosticSink& sink);

/// Reads `<source_dir>/site.toml` and parses it.
std::optional<SiteConfig> LoadSiteConfig(const FileSystem& fs, const std::string& source_dir,
                                         DiagnosticSink& sink);

}  // namespace portalgen::config

#endif  // PORTALGEN_CONFIG_SITE_CONFIG_H_
