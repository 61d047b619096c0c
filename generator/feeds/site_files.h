// Files for crawlers and old links: sitemap.xml, robots.txt and alias redirect pages.
#ifndef PORTALGEN_FEEDS_SITE_FILES_H_
#define PORTALGEN_FEEDS_SITE_FILES_H_

#include <functional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "output/output_file.h"
#include "view/view_context.h"

namespace portalgen::feeds {

/// sitemap.xml over `page_paths` (site paths of the rendered pages) minus the 404 page and
/// aliases, sorted, with absolute <loc>s and a <lastmod> for dated briefs.
output::OutputFile Sitemap(const view::ViewContext& ctx,
                           const std::vector<std::string>& page_paths);

/// robots.txt allowing everything and naming the sitemap's absolute URL.
output::OutputFile Robots(const view::ViewContext& ctx);

/// A standalone HTML5 page that sends visitors and crawlers from an old path to `target_path`.
std::string RedirectPage(const view::ViewContext& ctx, const std::string& target_path,
                         const std::string& title);

/// One redirect page per document alias. An alias whose output file is `taken` (by another
/// output; no function: none is) or is claimed by an earlier alias is an error at the alias; it
/// is then not written.
std::vector<output::OutputFile> AliasPages(
    const view::ViewContext& ctx, const std::function<bool(const std::string& file)>& taken,
    DiagnosticSink& sink);

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_SITE_FILES_H_
