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

namespace {

// Whether AppendReplaced must look closer at a byte: an entity candidate (& < > " ') or the lead
// byte of a character HTML forbids (see below). Every other byte is copied as it is, so the
// loop can skip over runs of them with one table look-up per byte.
constexpr std::array<bool, 256> MakeSpecialTable() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  for (unsigned char c : std::string_view("&<>\"'\x7F\xC2\xEF")) table[c] = true;
  for (int c = 0xF0; c <= 0xFF; ++c) table[c] = true;
  return table;
}

constexpr std::array<bool, 256> kSpecial = MakeSpecialTable();

// Appends `text` with each character for which `entity(c)` gives a replacement replaced by it,
// and each character HTML forbids by U+FFFD. Runs of other characters are appended whole.
template <typename EntityFn>
void AppendReplaced(std::string_view text, std::string* out, EntityFn entity) {
  size_t run_start = 0;
  for (size_t i = 0; i < text.size();) {
    if (!kSpecial[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    std::string_view replacement;
    size_t length = 1;
    if (const char* e = entity(text[i])) {
      replacement = e;
    } else if (byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xEF || byte >= 0xF0) {
      // The only lead bytes of forbidden characters: decode.
      const CodePoint c = DecodeUtf8(text.substr(i));
      length = c.length;
      if (IsForbiddenInHtml(c.value)) replacement = kReplacementCharacter;
    }
    if (replacement.empty()) {
      i += length;
      continue;
    }
    out->append(text.substr(run_start, i - run_start));
    out->append(replacement);
    i += length;
    run_start = i;
  }
  out->append(text.substr(run_start));
}

}  // namespace

void AppendEscapedHtml(std::string_view text, std::string* out, bool apostrophe) {
  AppendReplaced(text, out, [apostrophe](char c) { return EntityFor(c, apostrophe); });
}

std::string ReplaceForbiddenCharacters(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  AppendReplaced(html, &out, [](char) -> const char* { return nullptr; });
  return out;
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
