// Reader for md4c/CommonMark spec files: fenced "example" blocks holding
// Markdown, a "." line, the expected HTML and, in md4c's files, optionally a
// second "." line followed by parser flags such as "--ftables".
// Header-only because only tests/*_test.cc files are built.
#ifndef PORTALGEN_TESTS_SPEC_FILE_H_
#define PORTALGEN_TESTS_SPEC_FILE_H_

#include <md4c-html.h>
#include <md4c.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/html_escape.h"
#include "markdown/markdown.h"

namespace portalgen::spec {

struct Example {
  int number = 0;  // 1-based, in file order, as the spec files number them
  int line = 0;    // line of the opening fence
  std::string markdown;
  std::string html;
  std::vector<std::string> flags;  // e.g. {"--ftables"}; empty: plain CommonMark
};

inline constexpr std::string_view kFence = "````````````````````````````````";

// The spec files write a tab as "→" so that it can be seen.
inline std::string ShowTabs(std::string line) {
  static const std::string kArrow = "\u2192";
  for (size_t at = line.find(kArrow); at != std::string::npos; at = line.find(kArrow, at + 1)) {
    line.replace(at, kArrow.size(), "\t");
  }
  return line;
}

inline std::vector<std::string> SplitWords(const std::string& line) {
  std::istringstream words(line);
  std::vector<std::string> result;
  for (std::string word; words >> word;) result.push_back(word);
  return result;
}

/// Reads every example of the spec file at `path`; empty if it cannot be read.
inline std::vector<Example> ReadSpecFile(const std::string& path) {
  std::ifstream in(path);
  std::vector<Example> examples;
  enum class Part { kOutside, kMarkdown, kHtml, kFlags } part = Part::kOutside;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    const bool fence = line.rfind(kFence, 0) == 0;
    if (part == Part::kOutside) {
      // md4c adds options after the word, e.g. " example [no-normalize]".
      if (fence && line.substr(kFence.size()).rfind(" example", 0) == 0) {
        examples.push_back({static_cast<int>(examples.size()) + 1, line_number, "", "", {}});
        part = Part::kMarkdown;
      }
      continue;
    }
    Example& example = examples.back();
    if (fence && line.size() == kFence.size()) {
      part = Part::kOutside;
    } else if (line == "." && part != Part::kFlags) {
      part = part == Part::kMarkdown ? Part::kHtml : Part::kFlags;
    } else if (part == Part::kFlags) {
      for (std::string& flag : SplitWords(line)) example.flags.push_back(std::move(flag));
    } else {
      (part == Part::kMarkdown ? example.markdown : example.html) += ShowTabs(line) + "\n";
    }
  }
  return examples;
}

/// The md4c parser flags an example asks for, or nullopt if it names a flag
/// md4c 0.4.8 does not have.
inline std::optional<unsigned> ParserFlags(const Example& example) {
  static const std::pair<std::string_view, unsigned> kFlags[] = {
      {"--ftables", MD_FLAG_TABLES},
      {"--fstrikethrough", MD_FLAG_STRIKETHROUGH},
      {"--ftasklists", MD_FLAG_TASKLISTS},
      {"--fwiki-links", MD_FLAG_WIKILINKS},
      {"--fpermissive-autolinks", MD_FLAG_PERMISSIVEAUTOLINKS},
      {"--fpermissive-url-autolinks", MD_FLAG_PERMISSIVEURLAUTOLINKS},
      {"--fpermissive-email-autolinks", MD_FLAG_PERMISSIVEEMAILAUTOLINKS},
      {"--fpermissive-www-autolinks", MD_FLAG_PERMISSIVEWWWAUTOLINKS},
  };
  unsigned flags = 0;
  for (const std::string& name : example.flags) {
    bool known = false;
    for (const auto& [flag_name, bit] : kFlags) {
      if (name == flag_name) {
        flags |= bit;
        known = true;
      }
    }
    if (!known) return std::nullopt;
  }
  return flags;
}

/// md4c's own renderer: md_html() with `flags` and default renderer flags.
inline std::string Md4cHtml(const std::string& markdown, unsigned flags) {
  std::string html;
  auto append = [](const MD_CHAR* text, MD_SIZE size, void* out) {
    static_cast<std::string*>(out)->append(text, size);
  };
  md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &html, flags, 0);
  return html;
}

/// The site's dialect (md4c's GitHub flags), as markdown::Render uses it.
inline constexpr unsigned kGithubFlags =
    MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS;

/// md4c's HTML renders a wiki link as `<x-wikilink data-target="T">`; we
/// resolve wiki links instead. Tests resolve every target T to href "wiki:T"
/// (see WikiTestResolver) and rewrite md4c's tags to what that yields,
/// `<a href="wiki:T">`, so both outputs can still be compared.
inline std::string RewriteWikiLinks(std::string html) {
  static constexpr std::string_view kOpen = "<x-wikilink data-target=\"";
  static constexpr std::string_view kClose = "</x-wikilink>";
  for (size_t at = html.find(kOpen); at != std::string::npos; at = html.find(kOpen, at)) {
    const size_t value_start = at + kOpen.size();
    const size_t value_end = html.find("\">", value_start);
    if (value_end == std::string::npos) break;
    // The value is HTML-escaped; an href is URL-escaped instead.
    std::string target = html.substr(value_start, value_end - value_start);
    for (auto [entity, c] :
         {std::pair{"&quot;", '"'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}}) {
      const std::string_view name(entity);
      for (size_t e = target.find(name); e != std::string::npos; e = target.find(name, e + 1)) {
        target.replace(e, name.size(), 1, c);
      }
    }
    const std::string anchor = "<a href=\"" + markdown::EscapeUrl("wiki:" + target) + "\">";
    html.replace(at, value_end + 2 - at, anchor);
    at += anchor.size();
  }
  for (size_t at = html.find(kClose); at != std::string::npos; at = html.find(kClose, at)) {
    html.replace(at, kClose.size(), "</a>");
  }
  return html;
}

/// Resolves every wiki link target T to href "wiki:T" titled T.
inline std::optional<markdown::WikiLink> WikiTestResolver(std::string_view target) {
  return markdown::WikiLink{std::string(target), "wiki:" + std::string(target),
                            std::string(target)};
}

inline std::string SpecDir() { return PORTALGEN_SHARED_DIR "/data/markdown-spec"; }

/// The spec files of md4c 0.4.8 we run, with the short names the tests print.
struct SpecFile {
  std::string_view name;
  std::string_view file;
};
inline constexpr SpecFile kSpecFiles[] = {
    {"spec.txt", "spec.txt"},
    {"tables", "spec-tables.txt"},
    {"strikethrough", "spec-strikethrough.txt"},
    {"autolink", "spec-permissive-autolinks.txt"},
    {"tasklists", "spec-tasklists.txt"},
    {"wiki-links", "spec-wiki-links.txt"},
};

}  // namespace portalgen::spec

#endif  // PORTALGEN_TESTS_SPEC_FILE_H_
