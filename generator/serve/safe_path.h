// Request target -> snapshot key. The dev server answers only from the in-memory snapshot, and
// this is the one place that decides which request paths are acceptable at all.
#ifndef PORTALGEN_SERVE_SAFE_PATH_H_
#define PORTALGEN_SERVE_SAFE_PATH_H_

#include <optional>
#include <string>
#include <string_view>

namespace portalgen::serve {

/// The decoded site path of a raw request target ("/a%20b/?x=1" -> "/a b/"), without its
/// query and fragment. nullopt (answer 400) when the target is malformed or could name
/// something outside the site: no leading '/', "//", a bad or encoded-separator escape
/// (%2f, %5c), a "." or ".." segment (plain or percent-encoded), a backslash, NUL or
/// another control character.
std::optional<std::string> DecodeRequestPath(std::string_view target);

/// Site path (from DecodeRequestPath) -> snapshot key: "/" -> "index.html",
/// "/a/" -> "a/index.html", "/a.css" -> "a.css", "/a" -> "a".
std::string SnapshotKey(std::string_view site_path);

}  // namespace portalgen::serve

#endif  // PORTALGEN_SERVE_SAFE_PATH_H_
