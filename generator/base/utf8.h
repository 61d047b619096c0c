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

/// A decoded UTF-8 sequence: its code point and its length in bytes.
struct CodePoint {
  char32_t value = 0;
  size_t length = 0;
};

/// Decodes the sequence at the start of `text` (not empty). A byte that starts no valid sequence
/// (overlong, surrogate, truncated) decodes alone, as U+FFFD with length 1.
CodePoint DecodeUtf8(std::string_view text);

/// Appends `code_point` (at most U+10FFFF) in UTF-8, whatever it is (NUL included).
void EncodeUtf8(char32_t code_point, std::string* out);

/// The value of the hex digit `c` (0-9, a-f, A-F), or -1.
int HexDigitValue(char c);

/// True for what HTML forbids in a document ("control-character-in-input-stream", NUL and
/// "noncharacter-in-input-stream"): C0 controls but tab, LF, FF and CR; DEL and the C1
/// controls; U+FDD0..U+FDEF and the last two code points of every plane.
bool IsForbiddenInHtml(char32_t c);

/// Number of code points in `text` (its display column count, near enough).
size_t Utf8Length(std::string_view text);

/// Lowercases ASCII and folds common Latin accents (é -> e) for name matching.
std::string FoldForMatch(std::string_view text);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_UTF8_H_
