// nlohmann::json view models -> kainjow mustache data. Numbers become strings; null and ""
// become false, so that a section over an optional field is skipped when it is empty.
#ifndef PORTALGEN_RENDER_MUSTACHE_DATA_H_
#define PORTALGEN_RENDER_MUSTACHE_DATA_H_

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

namespace portalgen::render {

kainjow::mustache::data ToMustacheData(const nlohmann::json& value);

}  // namespace portalgen::render

#endif  // PORTALGEN_RENDER_MUSTACHE_DATA_H_
