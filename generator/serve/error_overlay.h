// The build-error overlay: when a rebuild fails, every served page shows the diagnostics (the
// same text the terminal shows) in a fixed box over the last good version of the page.
#ifndef PORTALGEN_SERVE_ERROR_OVERLAY_H_
#define PORTALGEN_SERVE_ERROR_OVERLAY_H_

#include <string>
#include <string_view>

namespace portalgen::serve {

/// A fixed-position <div id="portalgen-error"> holding `diagnostics` HTML-escaped in a <pre>.
std::string ErrorOverlay(std::string_view diagnostics);

/// A whole page for when no build has succeeded yet: only the overlay.
std::string ErrorPage(std::string_view diagnostics);

}  // namespace portalgen::serve

#endif  // PORTALGEN_SERVE_ERROR_OVERLAY_H_
