#include "check/html_scan.h"

#include <cctype>
#include <cstdlib>

#include "base/utf8.h"

namespace portalgen::check {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads one attribute at `i` (just past any spaces); returns false at the end of the tag.
bool ReadAttribute(std::string_view html, size_t& i, HtmlTag& tag) {
  const size_t name_start = i;
  while (i < html.size() && !IsSpace(html[i]) && html[i] != '=' && html[i] != '>' &&
         html[i] != '/') {
    ++i;
  }
  if (i == name_start) return false;
  std::string name = Lower(html.substr(name_start, i - name_start));
  while (i < html.size() && IsSpace(html[i])) ++i;
  std::string value;
  if (i < html.size() && html[i] == '=') {
    ++i;
    while (i < html.size() && IsSpace(html[i])) ++i;
    size_t start = i, end;
    if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
      const char quote = html[i];
      start = i + 1;
      end = html.find(quote, start);
      if (end == std::string_view::npos) end = html.size();
      i = end + 1;
    } else {
      while (i < html.size() && !IsSpace(html[i]) && html[i] != '>') ++i;
      end = i;
    }
    value = DecodeEntities(html.substr(start, end - start));
  }
  tag.attributes.emplace_back(std::move(name), std::move(value));
  return true;
}

// Parses the start tag whose '<' is at `i`; leaves `i` after its '>'.
HtmlTag ReadTag(std::string_view html, size_t& i) {
  HtmlTag tag;
  tag.offset = i;
  size_t j = i + 1;
  while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '-')) {
    ++j;
  }
  tag.name = Lower(html.substr(i + 1, j - i - 1));
  while (j < html.size() && html[j] != '>') {
    if (IsSpace(html[j]) || html[j] == '/') {
      ++j;
    } else if (!ReadAttribute(html, j, tag)) {
      ++j;
    }
  }
  i = j < html.size() ? j + 1 : html.size();
  return tag;
}

}  // namespace

const std::string* HtmlTag::Find(std::string_view attribute) const {
  for (const auto& [name, value] : attributes) {
    if (name == attribute) return &value;
  }
  return nullptr;
}

std::vector<HtmlTag> ScanTags(std::string_view html) {
  std::vector<HtmlTag> tags;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i + 1 >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i + 1]))) {
      ++i;
      continue;
    }
    tags.push_back(ReadTag(html, i));
    const std::string& name = tags.back().name;
    if (name == "script" || name == "style") {
      // Their text is not markup: "<a" inside a script is not a link.
      const size_t end = Lower(html.substr(i)).find("</" + name);
      i = end == std::string::npos ? html.size() : i + end;
    }
  }
  return tags;
}

std::string DecodeEntities(std::string_view text) {
  static const std::pair<std::string_view, char> kNamed[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    bool done = false;
    for (const auto& [name, c] : kNamed) {
      if (text.substr(i, name.size()) == name) {
        out += c;
        i += name.size() - 1;
        done = true;
        break;
      }
    }
    const size_t semi = text.find(';', i);
    if (!done && text.substr(i, 2) == "&#" && semi != std::string_view::npos && semi - i < 12) {
      const bool hex = i + 2 < text.size() && (text[i + 2] == 'x' || text[i + 2] == 'X');
      const std::string digits(text.substr(i + (hex ? 3 : 2), semi - i - (hex ? 3 : 2)));
      char* end = nullptr;
      const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (!digits.empty() && end && *end == '\0' && cp > 0 && cp <= 0x10FFFF) {
        EncodeUtf8(static_cast<char32_t>(cp), &out);
        i = semi;
        done = true;
      }
    }
    if (!done) out += '&';
  }
  return out;
}

}  // namespace portalgen::check
