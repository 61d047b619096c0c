// The three feed formats over one FeedSpec: Atom 1.0 (RFC 4287), RSS 2.0 and JSON Feed 1.1.
// Full HTML content with absolute links, dates from content only, so bytes never depend on "now".
#ifndef PORTALGEN_FEEDS_FEED_WRITERS_H_
#define PORTALGEN_FEEDS_FEED_WRITERS_H_

#include <string>

#include "feeds/feed_entries.h"
#include "view/view_context.h"

namespace portalgen::feeds {

/// Atom 1.0 document for `spec` (at most config.feeds_limit entries).
std::string AtomFeed(const view::ViewContext& ctx, const FeedSpec& spec);

/// RSS 2.0 document for `spec`, with its own URL as an atom:link rel="self".
std::string RssFeed(const view::ViewContext& ctx, const FeedSpec& spec);

/// JSON Feed 1.1 document for `spec`.
std::string JsonFeed(const view::ViewContext& ctx, const FeedSpec& spec);

/// The site author's name for feeds: author.name, else the site title (Atom requires one).
std::string FeedAuthor(const config::SiteConfig& config);

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_FEED_WRITERS_H_
