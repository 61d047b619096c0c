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

#include "config/site_config.h"
#include "content/body_reads.h"
#include "index/library.h"
#include "render/fragment_memo.h"
#include "render/view_value.h"

namespace portalgen::view {

using render::List;
using render::Object;
using render::Value;

struct ViewContext;

/// One page to render: its site path, the template, and how to build the view model the
/// template sees. Views are built on demand, page by page, so that a build never holds more
/// than the pages being rendered at that moment.
///
/// A built view refers to what the ViewContext holds (the library's text, the memoised `site`
/// objects and cards; see render/view_value.h) instead of copying it: render it while the
/// ViewContext lives, as the pipeline does.
///
/// A spec is planned from one context and may be built with another whose library has the same
/// front matter (serve swaps in edited bodies without planning again): `build` reads documents
/// only through the context it is given, and keeps nothing of the planning context but paths,
/// slugs, ids and front-matter text.
struct PageSpec {
  std::string path;           // "/briefs/x/"; OutputFileFor() gives the file
  std::string template_name;  // "brief"
  std::function<Value(const ViewContext&)> build;  // pure; may run on any thread
  std::optional<index::DocId> doc = std::nullopt;  // the document a detail page shows
};

/// The values that thousands of pages repeat (a document's card, the `site` object of a
/// section), built once and referred to after that (Value::Ref). Safe to fill from several
/// threads; a value never moves once built.
class ViewMemo {
 public:
  explicit ViewMemo(size_t documents)
      : cards(documents), member_links(documents), atom_entries(documents), vevents(documents) {}
  /// The `site` object for a current section, built by `make` the first time.
  const Value& Site(const std::string& section, const std::function<Value()>& make);

  // Each value notes the bodies it read at every use (content/body_reads.h).
  content::RecordingSlots<Value> cards;               // by DocId: a document as a list item
  content::RecordingSlots<Value> member_links;        // by DocId: a {title, acronym, url} link
  content::RecordingSlots<std::string> atom_entries;  // by DocId: its <entry> in Atom feeds
  content::RecordingSlots<std::string> vevents;       // by DocId: its VEVENT in calendars
  render::FragmentMemo fragments;  // the rendered text of cards and other shared list items

 private:
  std::mutex site_mu_;
  std::map<std::string, content::Recorded<Value>> site_;
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

/// `site` object shared by every page: title, language, navigation, priorities... A reference
/// to the memoised object of `current_section`.
Value SiteView(const ViewContext& ctx, const std::string& current_section);

/// A document as an item of a list: title, url, summary, kind_label, date and meta line. A
/// reference to the memoised card.
Value Card(const ViewContext& ctx, index::DocId id);
List Cards(const ViewContext& ctx, const std::vector<index::DocId>& ids);

/// {title, acronym, url} links to members: for organisers and contributors. References to
/// memoised links.
Value MemberLink(const ViewContext& ctx, index::DocId id);
List MemberLinks(const ViewContext& ctx, const std::vector<index::DocId>& ids);

/// Plain-text summary: the front matter's, else the body's first paragraph.
const std::string& SummaryOf(const content::Document& doc);

/// A full page view: site, page, breadcrumbs, has_breadcrumbs. `page` holds title,
/// description (the site's when `description` is empty), url, canonical_url, kind and is_home,
/// then `fields`. `title` and `description` may be Value::Borrow()ed text.
Value PageView(const ViewContext& ctx, const std::string& path, Value title, Value description,
               const std::string& kind, const std::string& section, List breadcrumbs,
               Object fields = {});

}  // namespace portalgen::view

#endif  // PORTALGEN_VIEW_VIEW_CONTEXT_H_
