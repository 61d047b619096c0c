#include "serve/responder.h"

#include <optional>

#include "serve/error_overlay.h"
#include "serve/live_reload.h"
#include "serve/safe_path.h"

namespace portalgen::serve {

namespace {

constexpr std::string_view kText = "text/plain; charset=utf-8";

Reply PlainReply(int status, std::string body) {
  return Reply{status, std::string(kText), std::move(body), {}};
}

Reply EntryReply(int status, const SnapshotEntry& entry, const ServeState& state,
                 const std::string& key) {
  if (entry.error.empty()) {
    Reply r{status, std::string(entry.content_type), {}, {}};
    r.body = IsHtml(entry.content_type) ? DecorateHtml(entry.bytes, state.error) : entry.bytes;
    return r;
  }
  // The file could not be made (a template error): as for a failed build, the last good
  // version under the overlay, else an error page.
  const std::string error = state.error + entry.error;
  const SnapshotEntry* last = state.previous ? state.previous->Find(key) : nullptr;
  if (last && last->error.empty() && IsHtml(last->content_type)) {
    return Reply{status, std::string(last->content_type), DecorateHtml(last->bytes, error), {}};
  }
  return Reply{500, "text/html; charset=utf-8", DecorateHtml(ErrorPage(error), {}), {}};
}

// "/a?x=1" -> "/a/?x=1", keeping the target's own (already validated) encoding.
std::string WithTrailingSlash(std::string_view target) {
  const size_t cut = target.find_first_of("?#");
  if (cut == std::string_view::npos) return std::string(target) + "/";
  return std::string(target.substr(0, cut)) + "/" + std::string(target.substr(cut));
}

}  // namespace

std::string DecorateHtml(std::string_view html, std::string_view error) {
  if (error.empty()) return InjectBeforeBodyEnd(html, LiveReloadScript());
  return InjectBeforeBodyEnd(html, ErrorOverlay(error) + std::string(LiveReloadScript()));
}

Reply Respond(const ServeState& state, std::string_view target) {
  const std::optional<std::string> path = DecodeRequestPath(target);
  if (!path) return PlainReply(400, "400 bad request: not a site path\n");
  if (state.site->empty()) {
    return Reply{503, "text/html; charset=utf-8", DecorateHtml(ErrorPage(state.error), {}), {}};
  }
  const std::string key = SnapshotKey(*path);
  if (const SnapshotEntry* entry = state.site->Find(key)) {
    return EntryReply(200, *entry, state, key);
  }
  if (path->back() != '/' && state.site->Find(key + "/index.html")) {
    Reply r = PlainReply(301, "301 moved permanently\n");
    r.location = WithTrailingSlash(target);
    return r;
  }
  if (const SnapshotEntry* not_found = state.site->Find("404.html")) {
    return EntryReply(404, *not_found, state, "404.html");
  }
  return PlainReply(404, "404 not found\n");
}

}  // namespace portalgen::serve
