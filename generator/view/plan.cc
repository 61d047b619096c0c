#include "view/plan.h"

#include "view/detail_views.h"
#include "view/listing_views.h"

namespace portalgen::view {

std::vector<PageSpec> PlanPages(const ViewContext& ctx) {
  std::vector<PageSpec> pages;
  pages.push_back(HomePage());
  for (const auto& [key, id] : ctx.lib.by_slug) pages.push_back(DetailPage(ctx, id));
  for (PageSpec& p : AllListings(ctx)) pages.push_back(std::move(p));
  for (PageSpec& p : IndexListings(ctx)) pages.push_back(std::move(p));
  pages.push_back(SearchPage());
  pages.push_back(NotFoundPage());
  return pages;
}

}  // namespace portalgen::view
