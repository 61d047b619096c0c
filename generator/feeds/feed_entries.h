// What every feed format shares: which documents a feed holds, in which order, with which date,
// and their HTML with links made absolute for readers that see it outside the site.
#ifndef PORTALGEN_FEEDS_FEED_ENTRIES_H_
#define PORTALGEN_FEEDS_FEED_ENTRIES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/document.h"
#include "index/library.h"
#include "view/view_context.h"

namespace portalgen::feeds {

/// One feed: where it is written, what it is called and which documents it may hold.
struct FeedSpec {
  std::string path;               // site path of the file: "/briefs/feed.xml"
  std::string page_path;          // the HTML page it mirrors (rel=alternate): "/briefs/"
  std::string title;              // "Test Portal: Publications"
  std::vector<index::DocId> ids;  // any documents; SelectEntries keeps the dated ones
};

/// A document's date in feeds. A brief's partial date counts from the first day of its year or
/// month at 00:00:00Z; an event is dated by its start. Undated briefs, pages and members have
/// none, and are left out of feeds: a made-up date would put them at a wrong place in every
/// reader's timeline.
std::optional<content::OffsetDateTime> FeedDate(const content::Document& doc);

struct FeedEntry {
  index::DocId id = 0;
  content::OffsetDateTime date;
  int64_t seconds = 0;  // date.UnixSeconds(), the sort key
};

/// The dated documents among `ids`, newest first (ties: title, then slug), at most `limit`
/// (no limit when `limit` <= 0). Does not depend on `ctx.now`.
std::vector<FeedEntry> SelectEntries(const index::Library& lib,
                                     const std::vector<index::DocId>& ids, int limit);

/// "https://example.org" from "https://example.org/icat/"; "" when base_url has no host.
std::string Origin(const std::string& base_url);

/// Rendered body HTML with root-relative href/src values ("/icat/x/") made absolute, and
/// fragment ("#a") and page-relative ("x.png", "../y/") ones put after `page_url`, so that feed
/// readers resolve them. Linear in the size of `html`.
std::string AbsoluteHtml(const std::string& html, const std::string& origin,
                         const std::string& page_url);

/// The date written for a feed with no entries, so that empty feeds stay byte-identical.
content::OffsetDateTime EmptyFeedDate();

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_FEED_ENTRIES_H_
