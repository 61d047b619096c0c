#include "check/check.h"

#include <set>

namespace portalgen::check {

std::vector<ExternalRef> CheckSite(const build::GeneratedSite& site, DiagnosticSink& sink) {
  const SiteIndex index(site.files, site.config.base_url);
  std::vector<ExternalRef> external;
  CheckBodies(site.library, index, sink, external);
  CheckPages(site.library, index, sink, external);
  CheckFrontMatter(site.library, index, sink);
  std::set<std::string> seen;
  std::vector<ExternalRef> unique;
  for (ExternalRef& ref : external) {
    if (seen.insert(ref.url).second) unique.push_back(std::move(ref));
  }
  return unique;
}

}  // namespace portalgen::check
