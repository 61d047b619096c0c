// schema.org JSON-LD for pages: Event, Organization, Report/Article, and the site itself.
// Pages get it as script-safe text for <script type="application/ld+json">, written directly
// (ScriptSafeJsonLd); JsonLd gives the same as json.
#ifndef PORTALGEN_FEEDS_JSON_LD_H_
#define PORTALGEN_FEEDS_JSON_LD_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "feeds/json_text.h"  // ScriptSafeJson, for callers that have a json value
#include "index/library.h"
#include "view/view_context.h"

namespace portalgen::feeds {

/// JSON-LD for document `id`: an Event (dates ISO 8601 with offset, Place or VirtualLocation,
/// organizer Organizations, performer Persons), an Organization for a member, a Report
/// (annual-report, issue-brief) or Article for a brief, a WebPage otherwise. URLs are absolute.
nlohmann::json JsonLd(const view::ViewContext& ctx, index::DocId id);

/// JSON-LD Organization for the site (name, url, email).
nlohmann::json SiteJsonLd(const view::ViewContext& ctx);

/// ScriptSafeJson(JsonLd(ctx, id)) and ScriptSafeJson(SiteJsonLd(ctx)), byte for byte, written
/// without building a json tree: for every page.
std::string ScriptSafeJsonLd(const view::ViewContext& ctx, index::DocId id);
std::string ScriptSafeSiteJsonLd(const view::ViewContext& ctx);

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_JSON_LD_H_
