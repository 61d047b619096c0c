// View models of single pages: brief, event, member, standalone page.
#ifndef PORTALGEN_VIEW_DETAIL_VIEWS_H_
#define PORTALGEN_VIEW_DETAIL_VIEWS_H_

#include "view/view_context.h"

namespace portalgen::view {

/// The page of document `id`, with the template of its kind.
PageSpec DetailPage(const ViewContext& ctx, index::DocId id);

}  // namespace portalgen::view

#endif  // PORTALGEN_VIEW_DETAIL_VIEWS_H_
