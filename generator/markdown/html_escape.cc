// HTML and URL escaping. The URL rules mirror md4c-html's so that the
// differential test against md_html() holds byte for byte.
#include "markdown/html_escape.h"

#include <array>

namespace portalgen::markdown {
namespace {

// Bytes a URL keeps as they are. `%` stays because md4c-html assumes the
// author already percent-encoded what needed it.
constexpr std::string_view kUrlSafePunctuation = "-_.+!*(),%#@?=;:/$";

constexpr std::array<bool, 256> MakeUrlSafeTable() {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (char c : kUrlSafePunctuation) table[static_cast<unsigned char>(c)] = true;
  // md4c-html builds its table with strchr(), which also "finds" the NUL
  // terminator; matching that keeps NUL bytes unescaped as md_html() does.
  table[0] = true;
  return table;
}

constexpr std::array<bool, 256> kUrlSafe = MakeUrlSafeTable();

}  // namespace

void AppendEscapedHtml(std::string_view text, std::string* out, bool apostrophe) {
  size_t run_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        if (!apostrophe) continue;
        entity = "&apos;";
        break;
      default:
        continue;
    }
    out->append(text.substr(run_start, i - run_start));
    out->append(entity);
    run_start = i + 1;
  }
  out->append(text.substr(run_start));
}

void AppendEscapedUrl(std::string_view url, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (kUrlSafe[byte]) {
      out->push_back(c);
    } else if (c == '&') {
      out->append("&amp;");
    } else {
      out->push_back('%');
      out->push_back(kHex[byte >> 4]);
      out->push_back(kHex[byte & 0xF]);
    }
  }
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscapedHtml(text, &out);
  return out;
}

std::string EscapeUrl(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  AppendEscapedUrl(url, &out);
  return out;
}

}  // namespace portalgen::markdown
