// UTF-8 helpers: validation with the place of the first bad byte, sequence lengths.
#ifndef PORTALGEN_BASE_UTF8_H_
#define PORTALGEN_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace portalgen {

/// Length of the UTF-8 sequence that starts with `lead` (1 for invalid lead bytes).
int Utf8SequenceLength(unsigned char lead);

/// Returns the byte offset of the first invalid UTF-8 sequence, or npos if `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

/// Number of code points in `text` (its display column count, near enough).
size_t Utf8Length(std::string_view text);

/// Lowercases ASCII and folds common Latin accents (é -> e) for name matching.
std::string FoldForMatch(std::string_view text);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_UTF8_H_
