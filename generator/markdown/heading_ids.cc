// Heading slugs and their per-document uniqueness.
#include "markdown/heading_ids.h"

namespace portalgen::markdown {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// Unicode white space: becomes '-' like an ASCII space.
constexpr Range kUnicodeSpaces[] = {{0x00A0, 0x00A0}, {0x1680, 0x1680}, {0x2000, 0x200A},
                                    {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F},
                                    {0x3000, 0x3000}};

// The punctuation and symbol blocks common in prose (typographic quotes,
// dashes, ellipsis, Latin-1 signs, CJK and full-width punctuation). A full
// Unicode category table would be exact; these cover what authors type.
constexpr Range kUnicodePunctuation[] = {
    {0x00A1, 0x00A9}, {0x00AB, 0x00B4}, {0x00B6, 0x00B9}, {0x00BB, 0x00BF}, {0x00D7, 0x00D7},
    {0x00F7, 0x00F7}, {0x2010, 0x2027}, {0x2030, 0x205E}, {0x2060, 0x206F}, {0x3001, 0x3004},
    {0x3008, 0x3020}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}};

template <size_t N>
bool InRanges(char32_t c, const Range (&ranges)[N]) {
  for (const Range& range : ranges) {
    if (c >= range.first && c <= range.last) return true;
  }
  return false;
}

// Decodes the UTF-8 sequence at text[*pos] and advances *pos past it. Bytes
// that do not form a valid sequence are returned one at a time as U+FFFD.
char32_t NextCodePoint(std::string_view text, size_t* pos) {
  const auto lead = static_cast<unsigned char>(text[*pos]);
  size_t length = lead < 0x80         ? 1
                  : lead >> 5 == 0x6  ? 2
                  : lead >> 4 == 0xE  ? 3
                  : lead >> 3 == 0x1E ? 4
                                      : 0;
  if (length == 0 || *pos + length > text.size()) {
    ++*pos;
    return 0xFFFD;
  }
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[*pos + i]);
    if ((next & 0xC0) != 0x80) {
      ++*pos;
      return 0xFFFD;
    }
    c = (c << 6) | (next & 0x3F);
  }
  *pos += length;
  return c;
}

void AppendAsciiSlugChar(char c, std::string* slug) {
  if (c >= 'A' && c <= 'Z') {
    slug->push_back(static_cast<char>(c - 'A' + 'a'));
  } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
    slug->push_back(c);
  } else if (c == ' ' || c == '-' || c == '\t' || c == '\n') {
    slug->push_back('-');
  }
}

}  // namespace

std::string Slugify(std::string_view text) {
  std::string slug;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t c = NextCodePoint(text, &pos);
    if (c < 0x80) {
      AppendAsciiSlugChar(static_cast<char>(c), &slug);
    } else if (InRanges(c, kUnicodeSpaces)) {
      slug.push_back('-');
    } else if (c != 0xFFFD && !InRanges(c, kUnicodePunctuation)) {
      slug.append(text.substr(start, pos - start));
    }
  }
  return slug.empty() ? "section" : slug;
}

std::string HeadingIdAllocator::Allocate(std::string_view text) {
  const std::string base = Slugify(text);
  std::string id = base;
  if (used_.count(id) > 0) {
    int& suffix = next_suffix_[base];
    do {
      id = base + "-" + std::to_string(++suffix);
    } while (used_.count(id) > 0);
  }
  used_.insert(id);
  return id;
}

}  // namespace portalgen::markdown
