#include "content/front_matter.h"


namespace portalgen::content {

namespace {

bool IsFence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "+++";
}

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::optional<SplitFile> SplitFrontMatter(const SourceText& file, DiagnosticSink& sink) {
  if (IsBlank(file.text())) {
    sink.Add(file.MakeError(1, 1, "empty file",
                            "start it with a '+++' line, then title = \"...\", then '+++'"));
    return std::nullopt;
  }
  if (!IsFence(file.Line(1))) {
    sink.Add(file.MakeError(1, 1, "missing front matter: the first line must be '+++'",
                            "did you forget to add '+++' before the TOML fields?"));
    return std::nullopt;
  }
  for (int line = 2; line <= file.line_count(); ++line) {
    if (!IsFence(file.Line(line))) continue;
    const std::string_view text(file.text());
    const size_t fm_begin = text.find('\n') + 1;
    const size_t fm_end = static_cast<size_t>(file.Line(line).data() - text.data());
    const size_t after = text.find('\n', fm_end);
    SplitFile split;
    split.front_matter = text.substr(fm_begin, fm_end - fm_begin);
    split.front_matter_line = 2;
    split.body = after == std::string_view::npos ? std::string_view() : text.substr(after + 1);
    split.body_line = line + 1;
    return split;
  }
  sink.Add(file.MakeError(1, 1, "unclosed front matter: no closing '+++' line",
                          "add a line '+++' after the last TOML field"));
  return std::nullopt;
}

}  // namespace portalgen::content
