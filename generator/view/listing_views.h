// Paginated listings (sections, topics, priorities), term indexes, home and 404.
#ifndef PORTALGEN_VIEW_LISTING_VIEWS_H_
#define PORTALGEN_VIEW_LISTING_VIEWS_H_

#include <vector>

#include "view/view_context.h"

namespace portalgen::view {

/// Pages of `ids` under `path` ("/briefs/", then "/briefs/page/2/"...), `paginate` per page.
std::vector<PageSpec> Listing(const ViewContext& ctx, const std::string& path,
                              const std::string& title, const std::string& intro,
                              const std::string& section, const std::vector<index::DocId>& ids,
                              List breadcrumbs = {});

/// Every listing of the site: sections, topics and priorities, with their index pages.
std::vector<PageSpec> AllListings(const ViewContext& ctx);

/// Speakers A-Z and one page per speaker; years and one page per year.
std::vector<PageSpec> IndexListings(const ViewContext& ctx);

PageSpec HomePage();
/// The search page: a form for search/search.js, and a no-JavaScript explanation.
PageSpec SearchPage();
PageSpec NotFoundPage();

}  // namespace portalgen::view

#endif  // PORTALGEN_VIEW_LISTING_VIEWS_H_
