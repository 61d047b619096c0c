// SkipPlainAscii: the escapers' fast path. Most text that feeds, JSON and pages escape is ASCII
// that stays as it is; this finds the next byte that may not, 16 bytes at a time where SSE2 is
// there (every x86-64), so that the escaper appends the run before it whole and looks closely
// only at that byte.
#ifndef PORTALGEN_BASE_ASCII_SCAN_H_
#define PORTALGEN_BASE_ASCII_SCAN_H_

#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace portalgen {

/// The first index at or after `i` whose byte is a control character (below 0x20), DEL, not
/// ASCII (0x80 and above), or one of `Specials`; text.size() when there is none. A caller
/// must handle every such byte as it would without this (stopping early is always safe).
template <char... Specials>
size_t SkipPlainAscii(std::string_view text, size_t i) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i del = _mm_set1_epi8(0x7F);
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    // Signed compare: bytes of 0x80 and above are negative, hence below 0x20 too.
    __m128i hit = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(Specials)))), ...);
    if (const int mask = _mm_movemask_epi8(hit)) return i + __builtin_ctz(mask);
  }
#endif
  for (; i < text.size(); ++i) {
    const unsigned char b = bytes[i];
    if (b < 0x20 || b >= 0x7F || ((b == static_cast<unsigned char>(Specials)) || ...)) break;
  }
  return i;
}

}  // namespace portalgen

#endif  // PORTALGEN_BASE_ASCII_SCAN_H_
