// The site plan: every file of a site model, with its path known before its bytes. `build`
// makes all of them on a thread pool; `serve` makes each one when a browser first asks for it.
#ifndef PORTALGEN_BUILD_SITE_PLAN_H_
#define PORTALGEN_BUILD_SITE_PLAN_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "build/site_model.h"
#include "view/view_context.h"

namespace portalgen::build {

/// One file of the site, not made yet.
struct PlannedFile {
  std::string path;  // "briefs/x/index.html"
  /// The file's bytes, made from the model `ctx` shows (see view::PageSpec for which models a
  /// plan fits); nullopt after reporting to the sink (a template error). Pure: may run on any
  /// thread, any number of times.
  std::function<std::optional<std::string>(const view::ViewContext& ctx, DiagnosticSink&)> make;
  std::string origin;  // the file a static output copies ("static/x.pdf"), for diagnostics
  /// When set, builds make the file with this instead, handing its bytes to `put` piece by
  /// piece (FileSink::AddInPieces), so that it is never whole in memory: the same bytes as
  /// make() (feeds::FileJob).
  std::function<void(const view::ViewContext& ctx, const PutPiece& put)> make_in_pieces;
};

class SitePlan {
 public:
  /// Plans every file of `model`: HTML pages (home, details, listings, index pages, search,
  /// 404), static files, feeds, calendars, sitemap, search index, then alias pages. Reports
  /// two outputs at one path and clashing aliases to `sink`.
  SitePlan(std::shared_ptr<const SiteModel> model, DiagnosticSink& sink);
  SitePlan(const SitePlan&) = delete;
  SitePlan& operator=(const SitePlan&) = delete;

  /// Pages first, in plan order; then the other files in the order above.
  const std::vector<PlannedFile>& files() const { return files_; }
  /// files()[0, pages()) are the HTML pages.
  size_t pages() const { return pages_; }
  /// The position in files() of an output path, if the site has that file.
  std::optional<size_t> Find(const std::string& path) const;
  /// The model this plan was made from, and a view context on it. The plan also fits any model
  /// whose documents have the same front matter in the same places, with the same config, theme
  /// and static files (serve's body edits; see view::PageSpec).
  const SiteModel& model() const { return *model_; }
  const view::ViewContext& context() const { return ctx_; }

 private:
  void PlanPages(DiagnosticSink& sink);
  void PlanOtherFiles(DiagnosticSink& sink);
  /// Plans `path`; `origin` names the file it copies (static files), for the error when
  /// another output already has that path.
  bool Add(std::string path, decltype(PlannedFile::make) make, DiagnosticSink& sink,
           const std::string& origin = "");

  std::shared_ptr<const SiteModel> model_;
  view::ViewContext ctx_;  // refers into *model_
  std::vector<std::string> page_paths_;
  std::vector<PlannedFile> files_;
  std::unordered_map<std::string, size_t> by_path_;
  size_t pages_ = 0;
};

}  // namespace portalgen::build

#endif  // PORTALGEN_BUILD_SITE_PLAN_H_
