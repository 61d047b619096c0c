// HTML and URL escaping. The URL rules mirror md4c-html's so that the
// differential test against md_html() holds byte for byte.
#include "markdown/html_escape.h"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
// byte of a character HTML forbids (see below). Every other byte is copied as it is, and
// SkipPlain() skips over runs of them.
constexpr std::array<bool, 256> MakeSpecialTable() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  for (unsigned char c : std::string_view("&<>\"'\x7F\xC2\xEF")) table[c] = true;
  for (int c = 0xF0; c <= 0xFF; ++c) table[c] = true;
  return table;
}

constexpr std::array<bool, 256> kSpecial = MakeSpecialTable();

// The first byte at or after `i` that kSpecial marks, or text.size(). Escaping is the
// renderer's hottest loop (each card's summary on every page that lists it), so where SSE2 is
// there (every x86-64) this tests 16 bytes at a time for the same bytes as kSpecial; the table
// finishes the tail.
size_t SkipPlain(std::string_view text, size_t i) {
#if defined(__SSE2__)
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const __m128i last_control = _mm_set1_epi8(0x1F);
  const __m128i first_f0 = _mm_set1_epi8(static_cast<char>(0xF0));
  static constexpr char kChars[] = {'&', '<', '>', '"', '\'', '\x7F', '\xC2', '\xEF'};
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    // Unsigned v <= 0x1F and v >= 0xF0, by min and max (SSE2 compares only signed bytes).
    __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, last_control), v),
                               _mm_cmpeq_epi8(_mm_max_epu8(v, first_f0), v));
    for (char c : kChars) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
    if (const int mask = _mm_movemask_epi8(hit)) return i + __builtin_ctz(mask);
  }
#endif
  while (i < text.size() && !kSpecial[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

// Appends `text` with each character for which `entity(c)` gives a replacement replaced by it,
// and each character HTML forbids by U+FFFD. Runs of other characters are appended whole.
template <typename EntityFn>
void AppendReplaced(std::string_view text, std::string* out, EntityFn entity) {
  size_t run_start = 0;
  for (size_t i = SkipPlain(text, 0); i < text.size(); i = SkipPlain(text, i)) {
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

namespace {

// Percent-encodes `url` into `out`: each run of bytes kept as they are goes through `append_run`,
// then "%XX" for the byte that ends it.
template <typename AppendRun>
void EncodeUrlInto(std::string_view url, std::string* out, AppendRun append_run) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < url.size();) {
    size_t end = i;  // the run of bytes kept as they are
    while (end < url.size() && kUrlSafe[static_cast<unsigned char>(url[end])]) ++end;
    append_run(url.substr(i, end - i), out);
    if (end == url.size()) break;
    const auto byte = static_cast<unsigned char>(url[end]);
    out->push_back('%');
    out->push_back(kHex[byte >> 4]);
    out->push_back(kHex[byte & 0xF]);
    i = end + 1;
  }
}

}  // namespace

std::string EncodeUrl(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  EncodeUrlInto(url, &out, [](std::string_view run, std::string* o) { o->append(run); });
  return out;
}

// "%XX" holds nothing HTML escapes, so escaping each kept run is escaping the encoded URL.
void AppendEscapedUrl(std::string_view url, std::string* out) {
  EncodeUrlInto(url, out, [](std::string_view run, std::string* o) { AppendEscapedHtml(run, o); });
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
