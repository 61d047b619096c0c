// Helpers shared by the fuzz targets: TOML string literals from arbitrary bytes, a whole site
// generated on a MemoryFileSystem, and the properties every generated file must keep.
#ifndef PORTALGEN_FUZZ_FUZZ_SITE_H_
#define PORTALGEN_FUZZ_FUZZ_SITE_H_

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/file_system.h"
#include "base/utf8.h"
#include "build/pipeline.h"

namespace portalgen::fuzz {

using Files = std::map<std::string, std::string>;

/// `text` as a TOML basic string: quotes, backslashes and control characters escaped, bytes
/// that are not UTF-8 replaced by U+FFFD, so that any input gives a valid TOML value.
inline std::string TomlString(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t len = static_cast<size_t>(Utf8SequenceLength(c));
    if (c >= 0x80 && (len == 1 || FindInvalidUtf8(text.substr(i, len)) != std::string_view::npos ||
                      i + len > text.size())) {
      out += "\\uFFFD";
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      out += buf;
    } else {
      out += text.substr(i, len);
    }
    i += len;
  }
  return out + "\"";
}

/// Why `file` breaks a property every output has, or "" when it keeps them all: a relative path
/// with no ".." segment (output_file.h); valid UTF-8; JSON that parses; XML without the control
/// characters XML 1.0 forbids; iCalendar lines that end in CRLF and hold at most 75 octets
/// (the last three for the files the feed writers make, not for HTML pages).
inline std::string OutputProblem(const output::OutputFile& file) {
  const std::string& b = file.bytes;
  const std::string wrapped = "/" + file.path + "/";
  if (file.path.empty() || file.path[0] == '/' || wrapped.find("/../") != std::string::npos ||
      file.path.find('\0') != std::string::npos) {
    return "bad output path '" + file.path + "'";
  }
  if (FindInvalidUtf8(b) != std::string::npos) return file.path + ": invalid UTF-8";
  // An alias redirect page takes whatever name the alias gives ("/calendar.ics" included).
  if (b.rfind("<!DOCTYPE html>", 0) == 0) return "";
  auto ends_with = [&](std::string_view ext) {
    return file.path.size() >= ext.size() &&
           file.path.compare(file.path.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends_with(".json") && nlohmann::json::parse(b, nullptr, false).is_discarded()) {
    return file.path + ": not JSON";
  }
  if (ends_with(".xml")) {
    for (unsigned char c : b) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return file.path + ": control char";
    }
  }
  if (ends_with(".ics")) {
    for (size_t start = 0; start < b.size();) {
      const size_t end = b.find("\r\n", start);
      if (end == std::string::npos) return file.path + ": line without CRLF";
      if (end - start > 75) return file.path + ": line longer than 75 octets";
      if (b.find('\n', start) < end) return file.path + ": bare LF";
      start = end + 2;
    }
  }
  return "";
}

/// Writes `files` under "site/" of a fresh MemoryFileSystem, generates the site on one thread
/// and returns the first output problem ("" when there is none or generation stopped on
/// content errors, which are the expected outcome of most inputs). `generated` (when given)
/// tells whether the site was generated.
inline std::string GenerateAndCheck(const Files& files, bool* generated = nullptr) {
  MemoryFileSystem fs;
  for (const auto& [path, text] : files) {
    if (!fs.Write("site/" + path, text).ok()) return "cannot write " + path;
  }
  build::BuildOptions options;
  options.source_dir = "site";
  options.jobs = 1;
  options.now = 1700000000;  // 2023-11-14: fixed, so that runs repeat
  build::BuildResult result;
  std::optional<build::GeneratedSite> site = build::Generate(fs, options, result);
  if (generated != nullptr) *generated = site.has_value();
  if (!site) return "";
  for (const output::OutputFile& f : site->files) {
    if (std::string problem = OutputProblem(f); !problem.empty()) return problem;
  }
  return "";
}

}  // namespace portalgen::fuzz

#endif  // PORTALGEN_FUZZ_FUZZ_SITE_H_
