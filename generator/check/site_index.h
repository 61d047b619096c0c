// SiteIndex: what a generated site holds, for `check` to resolve links against: every output
// file, and the ids on each HTML page. Pure: built from the files in memory.
#ifndef PORTALGEN_CHECK_SITE_INDEX_H_
#define PORTALGEN_CHECK_SITE_INDEX_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "check/html_scan.h"
#include "output/output_file.h"

namespace portalgen::check {

/// A link that points into the site, reduced to its target.
struct InternalLink {
  std::string site_path;  // "/briefs/x/", below the base path; "" for "#frag" on the same page
  std::string fragment;   // without '#'; "" when none
};

/// Why a link does not resolve, phrased for the author.
struct LinkProblem {
  std::string message;
  std::string hint;
};

class SiteIndex {
 public:
  /// `base_url` is the site's (after --base-url): absolute links under it are internal too.
  SiteIndex(const std::vector<output::OutputFile>& files, std::string base_url);

  const std::string& base_path() const { return base_path_; }

  /// The output file a site path is served from ("/briefs/x/" and "/briefs/x" ->
  /// "briefs/x/index.html"), or nullopt when the site has none.
  std::optional<std::string> FileFor(std::string_view site_path) const;
  /// The ids on an HTML output file, or nullptr when `file` is not an HTML page.
  const std::set<std::string>* IdsOn(const std::string& file) const;
  /// The start tags of an HTML output file (empty for others).
  const std::vector<HtmlTag>& TagsOf(const std::string& file) const;
  /// Every HTML output file, sorted.
  std::vector<std::string> Pages() const;

  /// Splits `href`, found on the page at `page_path` ("/briefs/x/"), into its internal target.
  /// nullopt for links that leave the site (other schemes, other hosts); a problem for
  /// internal links that cannot be followed (outside the base path, above the root).
  std::optional<InternalLink> Internal(std::string_view href, std::string_view page_path,
                                       LinkProblem* problem) const;
  /// Checks an internal link against the files and ids; nullopt when it resolves.
  std::optional<LinkProblem> Check(std::string_view href, const InternalLink& link,
                                   std::string_view page_path) const;

 private:
  std::string base_url_;
  std::string base_path_;
  std::set<std::string> files_;
  std::map<std::string, std::vector<HtmlTag>> tags_;  // HTML page -> its tags
  std::map<std::string, std::set<std::string>> ids_;  // HTML page -> its ids
  std::vector<std::string> site_paths_;               // for suggestions
};

/// The site path an output file is served at ("a/index.html" -> "/a/", "x.css" -> "/x.css").
std::string SitePathOf(std::string_view file);

/// True for "http:", "mailto:" and other links with a URL scheme, and for "//host/...".
bool HasScheme(std::string_view href);

}  // namespace portalgen::check

#endif  // PORTALGEN_CHECK_SITE_INDEX_H_
