// The view stage's entry point: every HTML page of the site as a PageSpec, in a fixed order.
#ifndef PORTALGEN_VIEW_PLAN_H_
#define PORTALGEN_VIEW_PLAN_H_

#include <vector>

#include "view/view_context.h"

namespace portalgen::view {

/// Home, detail pages (file order), listings and index pages, 404. Pure: no I/O.
std::vector<PageSpec> PlanPages(const ViewContext& ctx);

}  // namespace portalgen::view

#endif  // PORTALGEN_VIEW_PLAN_H_
