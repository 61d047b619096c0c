// What the dev server answers to a GET, decided from the current state alone: pure, so the
// whole routing table is tested without sockets. Nothing here touches the disk.
#ifndef PORTALGEN_SERVE_RESPONDER_H_
#define PORTALGEN_SERVE_RESPONDER_H_

#include <string>
#include <string_view>

#include "serve/snapshot.h"

namespace portalgen::serve {

struct Reply {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string location;  // set for redirects
};

/// The reply to a GET of the raw request target `target` ("/a/b/?q=1"):
///  - 400 when DecodeRequestPath refuses the target;
///  - the snapshot entry for it ("/" and "/a/" serve their index.html);
///  - 301 to "/a/" for "/a" when only "a/index.html" exists;
///  - else 404 with the site's 404.html (or a plain text line when it has none);
///  - 503 with an error page for every path while no build has succeeded.
/// HTML bodies get the live-reload script and, when state.error is set, the error overlay.
Reply Respond(const ServeState& state, std::string_view target);

/// `html` as served: the error overlay (when `error` is not empty) and the live-reload script
/// inserted before "</body>".
std::string DecorateHtml(std::string_view html, std::string_view error);

}  // namespace portalgen::serve

#endif  // PORTALGEN_SERVE_RESPONDER_H_
