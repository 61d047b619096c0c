#include "check/report.h"

#include <nlohmann/json.hpp>

namespace portalgen::check {

namespace {

// GitHub reads '%', CR and LF specially in a command's message; in its properties also ':'
// and ',' (they separate the properties).
std::string Escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool IsError(const Diagnostic& d) { return d.severity == Diagnostic::Severity::kError; }

}  // namespace

std::string FormatGithub(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) {
    std::vector<std::string> properties;
    if (!d.path.empty()) properties.push_back("file=" + Escape(d.path, true));
    if (d.line > 0) properties.push_back("line=" + std::to_string(d.line));
    if (d.line > 0 && d.col > 0) properties.push_back("col=" + std::to_string(d.col));
    out += IsError(d) ? "::error" : "::warning";
    for (size_t i = 0; i < properties.size(); ++i) out += (i == 0 ? " " : ",") + properties[i];
    out += "::" + Escape(d.message + (d.hint.empty() ? "" : " (" + d.hint + ")"), false) + "\n";
  }
  return out;
}

std::string FormatJson(const std::vector<Diagnostic>& ds) {
  if (ds.empty()) return "[]\n";
  std::string out = "[\n";
  for (size_t i = 0; i < ds.size(); ++i) {
    const Diagnostic& d = ds[i];
    const nlohmann::ordered_json item = {{"severity", IsError(d) ? "error" : "warning"},
                                         {"path", d.path},
                                         {"line", d.line},
                                         {"col", d.col},
                                         {"message", d.message},
                                         {"hint", d.hint}};
    out += "  " + item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
           (i + 1 < ds.size() ? ",\n" : "\n");
  }
  return out + "]\n";
}

}  // namespace portalgen::check
