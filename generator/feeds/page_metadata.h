// Adds what a page's <head> and "subscribe" links need from this stage to the planned pages:
// JSON-LD, the feeds that cover the page, and its calendar file.
#ifndef PORTALGEN_FEEDS_PAGE_METADATA_H_
#define PORTALGEN_FEEDS_PAGE_METADATA_H_

#include <vector>

#include "view/view_context.h"

namespace portalgen::feeds {

/// For every page: `page.json_ld` (script-safe JSON: the document's type, or the site's
/// Organization), `page.feeds` [{title, url, type}] (the whole-site feeds, then the page's own
/// Atom feed where one exists) and `page.ics_url` / `page.has_ics` (the event's .ics, a
/// member's calendar, or the all-events calendar on the events listing).
void AddPageMetadata(const view::ViewContext& ctx, std::vector<view::PageSpec>& pages);

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_PAGE_METADATA_H_
