// Alias redirect pages: old URLs keep working after a document moves.
#include <map>

#include "base/paths.h"
#include "feeds/site_files.h"
#include "markdown/html_escape.h"

namespace portalgen::feeds {

std::string RedirectPage(const view::ViewContext& ctx, const std::string& target_path,
                         const std::string& title) {
  const std::string url = markdown::EscapeHtml(ctx.AbsoluteUrl(target_path));
  const std::string name = markdown::EscapeHtml(title);
  return "<!DOCTYPE html>\n<html lang=\"" + markdown::EscapeHtml(ctx.config.language) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<title>Moved: " + name +
         "</title>\n<link rel=\"canonical\" href=\"" + url +
         "\">\n<meta name=\"robots\" content=\"noindex\">\n"
         "<meta http-equiv=\"refresh\" content=\"0; url=" +
         url + "\">\n</head>\n<body>\n<p>This page has moved to <a href=\"" + url + "\">" + name +
         "</a>.</p>\n</body>\n</html>\n";
}

std::vector<output::OutputFile> AliasPages(
    const view::ViewContext& ctx, const std::function<bool(const std::string& file)>& taken,
    DiagnosticSink& sink) {
  std::vector<output::OutputFile> files;
  std::map<std::string, std::string> claimed;  // output file -> "<alias> of <source>"
  for (const auto& [key, id] : ctx.lib.by_slug) {
    const content::Document& doc = ctx.lib.docs[id];
    for (const content::Ref& alias : doc.aliases) {
      // The schema already rejected unsafe aliases; they are not written either way.
      if (!IsSafeSitePath(alias.value)) continue;
      const std::string file = OutputFileFor(alias.value);
      std::string clash;
      if (taken && taken(file)) {
        clash = "alias '" + alias.value + "' would overwrite the generated file " + file;
      } else if (auto it = claimed.find(file); it != claimed.end()) {
        clash = "alias '" + alias.value + "' is also " + it->second;
      }
      if (!clash.empty()) {
        const std::string hint = "remove the alias or pick a path nothing else uses";
        if (doc.source) {
          sink.Add(doc.source->MakeError(alias.line, alias.col, clash, hint));
        } else {
          sink.Error(doc.source_path, alias.line, alias.col, clash, hint);
        }
        continue;
      }
      claimed[file] = "an alias of " + doc.source_path;
      files.push_back({file, RedirectPage(ctx, ctx.lib.PathOf(id), doc.title)});
    }
  }
  return files;
}

}  // namespace portalgen::feeds
