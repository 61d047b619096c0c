// What every view builder needs: the site, the library, the URL scheme and "now".
#ifndef PORTALGEN_VIEW_VIEW_CONTEXT_H_
#define PORTALGEN_VIEW_VIEW_CONTEXT_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/once_slots.h"
#include "config/site_config.h"
#include "index/library.h"

namespace portalgen::view {

using nlohmann::json;

struct ViewContext;

/// One page to render: its site path, the template, and how to build the view model the
/// template sees. Views are built on demand, page by page, so that a build never holds more
/// than the pages being rendered at that moment.
///
/// A spec is planned from one context and may be built with another whose library has the same
/// front matter (serve swaps in edited bodies without planning again): `build` reads documents
/// only through the context it is given, and keeps nothing of the planning context but paths,
/// slugs, ids and front-matter text.
struct PageSpec {
  std::string path;           // "/briefs/x/"; OutputFileFor() gives the file
  std::string template_name;  // "brief"
  std::function<json(const ViewContext&)> build;  // pure; may run on any thread
  std::optional<index::DocId> doc = std::nullopt;  // the document a detail page shows
};

/// The json that thousands of pages repeat (a document's card, the `site` object of a
/// section), built once and copied after that. Safe to fill from several threads.
class ViewMemo {
 public:
  explicit ViewMemo(size_t documents)
      : cards(documents), atom_entries(documents), vevents(documents) {}
  /// The `site` object for a current section, built by `make` the first time.
  const json& Site(const std::string& section, const std::function<json()>& make);

  OnceSlots<json> cards;                // by DocId: a document as a list item
  OnceSlots<std::string> atom_entries;  // by DocId: its <entry> in every Atom feed
  OnceSlots<std::string> vevents;       // by DocId: its VEVENT in every calendar

 private:
  std::mutex site_mu_;
  std::map<std::string, json> site_;
};

struct ViewContext {
  const config::SiteConfig& config;
  const index::Library& lib;
  int64_t now = 0;  // seconds since the epoch; splits upcoming from past events
  // Behind a pointer so that builders taking `const ViewContext&` can fill it.
  std::shared_ptr<ViewMemo> memo = std::make_shared<ViewMemo>(lib.docs.size());

  /// Link to a site path, under the base path: "/briefs/" -> "/icat/briefs/".
  std::string Url(std::string_view site_path) const;
  /// An author's URL from front matter (website, registration, document), ready for an href
  /// or a JSON value: a site path ("/files/x.pdf") goes under the base path, and the URL is
  /// percent-encoded (markdown::EncodeUrl), so no quote, space or '<' is left in it. A
  /// javascript:, vbscript: or data: URL gives "" (no link), whatever the schema let through.
  std::string LinkUrl(std::string_view url) const;
  /// Absolute URL of a site path, from base_url.
  std::string AbsoluteUrl(std::string_view site_path) const;
  /// Site path of the page for a topic slug, a priority number, or a listing page number.
  static std::string TopicPath(const std::string& slug);
  std::string PriorityPath(int number) const;
  static std::string PagedPath(const std::string& first, int page);
  static std::string SpeakerPath(const std::string& slug);
  static std::string YearPath(int year);
};

/// `site` object shared by every page: title, language, navigation, priorities...
json SiteJson(const ViewContext& ctx, const std::string& current_section);

/// The common `page` fields: title, description, url, canonical_url, kind.
json PageJson(const ViewContext& ctx, const std::string& path, const std::string& title,
              const std::string& description, const std::string& kind);

/// A document as an item of a list: title, url, summary, kind_label, date and meta line.
json Card(const ViewContext& ctx, index::DocId id);
json Cards(const ViewContext& ctx, const std::vector<index::DocId>& ids);

/// {title, url} links to members, with acronyms: for organisers and contributors.
json MemberLinks(const ViewContext& ctx, const std::vector<index::DocId>& ids);

/// Plain-text summary: the front matter's, else the body's first paragraph.
std::string SummaryOf(const content::Document& doc);

/// A full page view: site, page, breadcrumbs, plus the given fields.
json PageView(const ViewContext& ctx, const std::string& path, const std::string& title,
              const std::string& description, const std::string& kind,
              const std::string& section, json breadcrumbs);

}  // namespace portalgen::view

#endif  // PORTALGEN_VIEW_VIEW_CONTEXT_H_
