// Decoding of HTML character references into UTF-8.
#include "markdown/entities.h"

#include <algorithm>

#include "base/utf8.h"

namespace portalgen::markdown {
namespace {

// `digits` are what md4c validated between "&#" (or "&#x") and ';': at most
// seven decimal or six hex digits, so the value cannot overflow.
char32_t ParseNumericReference(std::string_view digits) {
  char32_t value = 0;
  if (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X')) {
    for (char c : digits.substr(1)) value = value * 16 + std::max(0, HexDigitValue(c));
  } else {
    for (char c : digits) value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

void AppendUtf8(char32_t code_point, std::string* out) {
  if (code_point == 0 || code_point > 0x10FFFF) code_point = 0xFFFD;
  EncodeUtf8(code_point, out);
}

void AppendDecodedEntity(std::string_view reference, std::string* out) {
  if (reference.size() < 3 || reference.front() != '&' || reference.back() != ';') {
    out->append(reference);
    return;
  }
  std::string_view body = reference.substr(1, reference.size() - 2);
  if (body.size() > 1 && body[0] == '#') {
    AppendUtf8(ParseNumericReference(body.substr(1)), out);
    return;
  }
  const NamedEntity* entity = FindNamedEntity(body);
  if (entity == nullptr) {
    out->append(reference);
    return;
  }
  AppendUtf8(entity->first, out);
  if (entity->second != 0) AppendUtf8(entity->second, out);
}

}  // namespace portalgen::markdown
