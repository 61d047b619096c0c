// Markdown body -> HTML, our own renderer on md4c's md_parse callbacks.
// We own the HTML so that we own heading ids, link filtering and escaping.
#ifndef PORTALGEN_MARKDOWN_MARKDOWN_H_
#define PORTALGEN_MARKDOWN_MARKDOWN_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portalgen::markdown {

/// A `[[kind:slug|label]]` wiki link as md4c reports it (target is "kind:slug").
struct WikiLink {
  std::string target;  // the text before '|', e.g. "member:unodc"
  std::string href;    // filled by the resolver
  std::string title;   // link text used when the author gave no label
};

/// Resolves a wiki link target. Returns nullopt for a link that does not resolve;
/// the renderer then emits the label as plain text and records the target in
/// Rendered::broken_wiki_links.
using WikiResolver = std::function<std::optional<WikiLink>(std::string_view target)>;

struct Options {
  /// Raw HTML passes through untouched and javascript:/vbscript: links are kept.
  /// Off (the default): GFM tagfilter tags are escaped and such links dropped.
  bool unsafe = false;
  /// Add `id` attributes to headings (unique per document). The CommonMark
  /// conformance test strips them, as it strips nothing else.
  bool heading_ids = true;
  /// When set, MD_FLAG_WIKILINKS is on and every wiki link is passed through it.
  WikiResolver wiki_resolver;
  /// When set, replaces the md4c parser flags (MD_FLAG_* from md4c.h) that
  /// Render() would choose. The site never sets it; the conformance tests use
  /// it to run md4c's extension spec files with the flags each example names.
  /// MD_FLAG_PERMISSIVE*AUTOLINKS select our own autolink recognition
  /// (markdown/autolink.h); md4c's is never used.
  std::optional<unsigned> parser_flags_override;
};

struct Heading {
  int level = 0;
  std::string id;    // unique in the document; computed even when Options::heading_ids is off
  std::string text;  // plain text of the heading
};

struct Rendered {
  std::string html;
  std::string first_paragraph;  // plain text of the first paragraph ("" if none)
  std::string plain_text;       // whole body as plain text, blocks separated by '\n'
  // Hash64 of plain_text, once the build has cut it for the search index (build::RenderBody):
  // the library cache keeps this, not the text (the search index has it).
  uint64_t plain_text_hash = 0;
  std::vector<Heading> headings;
  std::vector<std::string> links;              // every link/image destination, in order
  std::vector<std::string> wiki_targets;       // every wiki link target, in order
  std::vector<std::string> broken_wiki_links;  // targets the resolver rejected
};

/// Renders CommonMark + GFM tables, strikethrough, autolinks and task lists.
Rendered Render(std::string_view markdown, const Options& options = {});

}  // namespace portalgen::markdown

#endif  // PORTALGEN_MARKDOWN_MARKDOWN_H_
