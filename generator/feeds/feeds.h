// The feeds stage: every machine-readable output, built from the typed library and view
// context (never from templates).
#ifndef PORTALGEN_FEEDS_FEEDS_H_
#define PORTALGEN_FEEDS_FEEDS_H_

#include <functional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "feeds/file_job.h"
#include "output/output_file.h"
#include "view/view_context.h"

namespace portalgen::feeds {

/// Every machine-readable output of the site: Atom/RSS/JSON feeds, iCalendar files, sitemap.xml,
/// robots.txt, alias redirect pages, search/index.json. `page_paths` are the site paths of every
/// HTML page the build renders (for the sitemap). The bytes depend on content and config only,
/// never on `ctx.now`. Alias clashes are reported to `sink`.
std::vector<output::OutputFile> WriteAll(const view::ViewContext& ctx,
                                         const std::vector<std::string>& page_paths,
                                         DiagnosticSink& sink);

/// WriteAll's files but the alias pages, as jobs in WriteAll's order. `ctx` and `page_paths`
/// must outlive the jobs.
std::vector<FileJob> FeedJobs(const view::ViewContext& ctx,
                              const std::vector<std::string>& page_paths);

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_FEEDS_H_
