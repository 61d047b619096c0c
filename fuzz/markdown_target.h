// Target "markdown": our HTML renderer over md4c (generator/markdown/), with the options the
// site uses and the parser flags the conformance tests use. In safe mode (the site's default)
// no <script> tag may come out, and no javascript: link made from Markdown.
#ifndef PORTALGEN_FUZZ_MARKDOWN_TARGET_H_
#define PORTALGEN_FUZZ_MARKDOWN_TARGET_H_

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_input.h"
#include "markdown/markdown.h"

namespace portalgen::fuzz {

/// Resolves [[member:x]] and [[brief:x]] the way the site does; anything else is broken.
inline std::optional<markdown::WikiLink> ResolveWikiLink(std::string_view target) {
  for (std::string_view kind : {"member:", "brief:"}) {
    if (target.substr(0, kind.size()) == kind) {
      return markdown::WikiLink{std::string(target),
                                "/" + std::string(kind.substr(0, kind.size() - 1)) + "s/" +
                                    std::string(target.substr(kind.size())) + "/",
                                "Title of " + std::string(target)};
    }
  }
  return std::nullopt;
}

/// Input: one option byte (bit 0 unsafe, 1 heading ids, 2 wiki links, 3 parser flags from the
/// next two bytes), then the Markdown. Returns why the output breaks the safe-mode contract,
/// or "".
inline std::string MarkdownTarget(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t choice = in.Byte();
  markdown::Options options;
  options.unsafe = choice & 1;
  options.heading_ids = choice & 2;
  if (choice & 4) options.wiki_resolver = ResolveWikiLink;
  if (choice & 8) options.parser_flags_override = static_cast<unsigned>(in.Int(0, 0xFFFF));
  const std::string in_text = in.Rest();
  const markdown::Rendered out = markdown::Render(in_text, options);
  if (options.unsafe) return "";
  std::string html = out.html;
  std::transform(html.begin(), html.end(), html.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // Raw HTML passes through in safe mode (docs/content.md), links in it too; so javascript:
  // can only be checked for inputs that cannot hold raw HTML.
  const bool raw_html_possible = in_text.find('<') != std::string::npos;
  for (const char* bad : {"href=\"javascript:", "src=\"javascript:"}) {
    if (!raw_html_possible && html.find(bad) != std::string::npos) {
      return std::string("safe mode let '") + bad + "' out";
    }
  }
  // "<script" starts a script tag only when the name ends there: at '>', '/' or HTML's
  // whitespace ("<scripted>" and "<script\v" are other tags to a browser).
  for (size_t at = html.find("<script"); at != std::string::npos;
       at = html.find("<script", at + 1)) {
    if (at + 7 == html.size() ||
        std::string_view(">/ \t\n\f\r").find(html[at + 7]) != std::string_view::npos) {
      return "safe mode let a <script> tag out";
    }
  }
  return "";
}

}  // namespace portalgen::fuzz

#endif  // PORTALGEN_FUZZ_MARKDOWN_TARGET_H_
