// Target "template": a fixed theme (tests/themes/mini) with fuzzed input on either side.
//   - template text: the input becomes templates/page.mustache and partials/fuzz.mustache, is
//     loaded (kainjow's syntax check, our tree parser, the tag scan) and rendered strictly with
//     a fixed view;
//   - content: the input becomes one content file of a small site that is generated whole
//     (load, index, Markdown, view, every template, feeds), whose outputs are then checked.
#ifndef PORTALGEN_FUZZ_TEMPLATE_TARGET_H_
#define PORTALGEN_FUZZ_TEMPLATE_TARGET_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "fuzz_input.h"
#include "fuzz_site.h"
#include "render/theme.h"

namespace portalgen::fuzz {

/// A page view with every JSON type a real one has.
inline const nlohmann::json& TemplateView() {
  static const nlohmann::json kView = nlohmann::json::parse(R"({
    "site": {"language": "en", "title": "Portal", "nav": [{"url": "/a/", "title": "A",
             "current": true}, {"url": "/b/", "title": "B", "current": false}], "explore": []},
    "page": {"title": "T <&> \"q\"", "canonical_url": "/about/", "body_html": "<p>x</p>",
             "summary": "", "n": 3, "ratio": 2.5, "draft": false, "none": null,
             "items": [{"url": "/x/", "title": "X", "has_date": true, "date_iso": "2022-01-02",
                        "date_display": "2 January 2022", "meta": ""},
                       {"url": "/y/", "title": "Y", "has_date": false, "meta": "m"}],
             "tags": ["a", "b"], "pagination": {"show": true, "has_prev": false}}
  })");
  return kView;
}

/// The small site of the content mode: site.toml, a home page, one member, brief and event.
inline Files ContentSite(const Files& theme) {
  Files files = {
      {"site.toml",
       "title = \"Fuzz\"\nbase_url = \"https://example.org/p/\"\ntheme = \"mini\"\npaginate = 2\n"
       "[author]\nname = \"A\"\n[[priorities]]\nnumber = 1\ntitle = \"Evidence\"\n"},
      {"content/index.md", "+++\ntitle = \"Home\"\n+++\nWelcome.\n"},
      {"content/members/alpha.md",
       "+++\ntitle = \"Alpha\"\nacronym = \"ALPHA\"\nstatus = \"member\"\n+++\nAlpha.\n"},
      {"content/briefs/first.md",
       "+++\ntitle = \"First\"\nkind = \"annual-report\"\ndate = 2022-05-20\nmembers = "
       "[\"alpha\"]\n"
       "topics = [\"Migration\"]\npriorities = [1]\n+++\nText.\n"},
      {"content/events/launch.md",
       "+++\ntitle = \"Launch\"\nstart = 2022-05-20T08:30:00-04:00\n"
       "timezone = \"America/New_York\"\nmembers = [\"alpha\"]\nbriefs = [\"first\"]\n"
       "[[speakers]]\nname = \"Ana\"\nmember = \"alpha\"\n+++\nEvent.\n"},
  };
  for (const auto& [path, text] : theme) files["themes/mini/" + path] = text;
  return files;
}

/// `theme` maps paths inside the theme folder ("templates/page.mustache") to their text.
/// Input: one byte; even: the rest is template text; odd: the next byte picks the content
/// file (page, brief, event, member) and the rest is its bytes. Returns an output problem
/// (fuzz_site.h) or "".
inline std::string TemplateTarget(const Files& theme, const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  if (in.Byte() % 2 == 0) {
    MemoryFileSystem fs;
    for (const auto& [path, text] : theme) fs.Write("site/themes/mini/" + path, text);
    const std::string text = in.Rest();
    fs.Write("site/themes/mini/templates/page.mustache", text);
    fs.Write("site/themes/mini/templates/partials/fuzz.mustache", text);
    DiagnosticSink sink;
    if (std::optional<render::Theme> t = render::Theme::Load(fs, "site", "mini", sink)) {
      t->Render("page", TemplateView(), sink);
    }
    FormatDiagnostics(sink.Sorted());
    return "";
  }
  static const char* const kPaths[] = {"content/fuzz.md", "content/briefs/fuzz.md",
                                       "content/events/fuzz.md", "content/members/fuzz.md"};
  Files files = ContentSite(theme);
  const char* path = kPaths[in.Byte() % 4];
  files[path] = in.Rest();
  return GenerateAndCheck(files);
}

}  // namespace portalgen::fuzz

#endif  // PORTALGEN_FUZZ_TEMPLATE_TARGET_H_
