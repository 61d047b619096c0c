// HTML and URL escaping. The URL rules mirror md4c-html's so that the
// differential test against md_html() holds byte for byte.
#include "markdown/html_escape.h"

#include <array>

#include "base/utf8.h"

namespace portalgen::markdown {
namespace {

// Bytes a URL keeps as they are. `%` stays because md4c-html assumes the
// author already percent-encoded what needed it.
constexpr std::string_view kUrlSafePunctuation = "-_.+!*(),%#@?=;:/$&";

constexpr std::array<bool, 256> MakeUrlSafeTable() {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (char c : kUrlSafePunctuation) table[static_cast<unsigned char>(c)] = true;
  return table;
}

constexpr std::array<bool, 256> kUrlSafe = MakeUrlSafeTable();

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// The length of the UTF-8 sequence at the start of `text`: 1 for ASCII and for a byte that
// starts no valid sequence (it is copied as it is, and cannot hide a following '<').
size_t SequenceLength(std::string_view text) {
  const size_t len = Utf8SequenceLength(static_cast<unsigned char>(text[0]));
  if (len > text.size()) return 1;
  for (size_t i = 1; i < len; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return 1;
  }
  return len;
}

// The code point of the UTF-8 sequence `seq` (as SequenceLength() delimits it).
char32_t Decode(std::string_view seq) {
  const auto lead = static_cast<unsigned char>(seq[0]);
  if (seq.size() == 1) return lead;
  char32_t c = lead & (0x7F >> seq.size());
  for (size_t i = 1; i < seq.size(); ++i) {
    c = (c << 6) | (static_cast<unsigned char>(seq[i]) & 0x3F);
  }
  return c;
}

// True for what the HTML parser reports as "control-character-in-input-stream",
// "null-character" or "noncharacter-in-input-stream": C0 controls but tab, LF, FF and CR;
// DEL and the C1 controls; U+FDD0..U+FDEF and the last two code points of every plane.
bool IsForbiddenInHtml(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\f' && c != '\r';
  if (c >= 0x7F && c <= 0x9F) return true;
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

// The entity for `c`, or nullptr when it stays as it is.
const char* EntityFor(char c, bool apostrophe) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return apostrophe ? "&apos;" : nullptr;
    default:
      return nullptr;
  }
}

}  // namespace

void AppendEscapedHtml(std::string_view text, std::string* out, bool apostrophe) {
  size_t run_start = 0;
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const size_t len = SequenceLength(text.substr(i));
    std::string_view replacement;
    if (const char* entity = len == 1 ? EntityFor(text[i], apostrophe) : nullptr) {
      replacement = entity;
    } else if ((byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xEF || byte >= 0xF0) &&
               IsForbiddenInHtml(Decode(text.substr(i, len)))) {
      replacement = kReplacementCharacter;
    } else {
      i += len;
      continue;
    }
    out->append(text.substr(run_start, i - run_start));
    out->append(replacement);
    i += len;
    run_start = i;
  }
  out->append(text.substr(run_start));
}

std::string EncodeUrl(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (kUrlSafe[byte]) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
  return out;
}

void AppendEscapedUrl(std::string_view url, std::string* out) {
  AppendEscapedHtml(EncodeUrl(url), out);
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
