#include "serve/error_overlay.h"

#include "markdown/html_escape.h"

namespace portalgen::serve {

std::string ErrorOverlay(std::string_view diagnostics) {
  std::string out =
      "<div id=\"portalgen-error\" style=\"position:fixed;inset:1rem;z-index:2147483647;"
      "overflow:auto;background:#fff;color:#1a1a1a;border:3px solid #c00;padding:1rem;"
      "box-shadow:0 0 0 100vmax rgba(0,0,0,.4);font:14px/1.4 monospace\">"
      "<strong style=\"color:#c00\">portalgen: the last rebuild failed; showing the last good "
      "version</strong><pre style=\"white-space:pre-wrap;margin:1rem 0 0\">";
  markdown::AppendEscapedHtml(diagnostics, &out);
  out += "</pre></div>";
  return out;
}

std::string ErrorPage(std::string_view diagnostics) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
         "<title>portalgen: build failed</title></head>\n<body>\n" +
         ErrorOverlay(diagnostics) + "\n</body>\n</html>\n";
}

}  // namespace portalgen::serve
