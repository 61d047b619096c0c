#include "feeds/json_text.h"

#include <array>
#include <cstdio>

#include "base/ascii_scan.h"
#include "base/utf8.h"

namespace portalgen::feeds {

using nlohmann::json;

namespace {

// Whether ScriptSafeJson must escape code point `c`.
bool NeedsScriptEscape(char32_t c) {
  // U+2028 and U+2029 end a line in JavaScript before ES2019; what HTML forbids is a parse
  // error in the page even inside <script>.
  return c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029 || IsForbiddenInHtml(c);
}

// `c` as JSON's \uXXXX (lowercase hex, as json::dump() writes it); above U+FFFF as a UTF-16
// surrogate pair.
std::string UnicodeEscape(char32_t c) {
  char buf[16];
  if (c > 0xFFFF) {
    std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + ((c - 0x10000) >> 10),
                  0xDC00 + ((c - 0x10000) & 0x3FF));
  } else {
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
  }
  return buf;
}

}  // namespace

std::string ScriptSafeJson(const json& value) {
  const std::string raw = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size());
  // Everything below but '<', '>' and '&' can only be inside a JSON string, where \uXXXX is the
  // same character.
  // Most of the text is ASCII that stays as it is: one table look-up per such byte, and the
  // runs between escapes are appended whole.
  static const std::array<bool, 0x80> kAsciiEscaped = [] {
    std::array<bool, 0x80> table{};
    for (char32_t c = 0; c < 0x80; ++c) table[c] = NeedsScriptEscape(c);
    return table;
  }();
  size_t run_start = 0;
  for (size_t i = 0; i < raw.size();) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    if (byte < 0x80 && !kAsciiEscaped[byte]) {
      ++i;
      continue;
    }
    const CodePoint c =
        byte < 0x80 ? CodePoint{byte, 1} : DecodeUtf8(std::string_view(raw).substr(i));
    if (NeedsScriptEscape(c.value)) {
      out.append(raw, run_start, i - run_start);
      out += UnicodeEscape(c.value);
      run_start = i + c.length;
    }
    i += c.length;
  }
  out.append(raw, run_start);
  return out;
}

void AppendJsonString(std::string_view text, std::string* out, JsonEscapes escapes) {
  const bool script_safe = escapes == JsonEscapes::kScriptSafe;
  const size_t start = out->size();
  *out += '"';
  size_t run_start = 0;  // bytes kept as they are, appended in runs
  const auto escape = [&](size_t i, size_t length, std::string_view replacement) {
    out->append(text, run_start, i - run_start);
    out->append(replacement);
    run_start = i + length;
  };
  // ASCII that json::dump() (and, for kScriptSafe, ScriptSafeJson) keeps: skipped with one
  // look-up.
  const auto kept_table = [](bool script_safe) {
    std::array<bool, 0x80> table{};
    for (char32_t c = 0x20; c < 0x80; ++c) {
      table[c] = c != '"' && c != '\\' && !(script_safe && NeedsScriptEscape(c));
    }
    return table;
  };
  static const std::array<bool, 0x80> kKeptByJson = kept_table(false);
  static const std::array<bool, 0x80> kKeptScriptSafe = kept_table(true);
  const std::array<bool, 0x80>& kAsciiKept = script_safe ? kKeptScriptSafe : kKeptByJson;
  for (size_t i = 0; i < text.size();) {
    i = script_safe ? SkipPlainAscii<'"', '\\', '<', '>', '&'>(text, i)
                    : SkipPlainAscii<'"', '\\'>(text, i);
    if (i == text.size()) break;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && kAsciiKept[byte]) {
      ++i;
      continue;
    }
    const CodePoint c = byte < 0x80 ? CodePoint{byte, 1} : DecodeUtf8(text.substr(i));
    if (c.value == 0xFFFD && c.length == 1) {
      // Not UTF-8: json::dump()'s replacement of invalid bytes has rules of its own; use it.
      out->resize(start);
      const json value = std::string(text);
      *out += script_safe ? ScriptSafeJson(value)
                          : value.dump(-1, ' ', false, json::error_handler_t::replace);
      return;
    }
    // What json::dump() escapes (with ensure_ascii off), then what ScriptSafeJson escapes.
    switch (c.value) {
      case '"': escape(i, 1, "\\\""); break;
      case '\\': escape(i, 1, "\\\\"); break;
      case '\b': escape(i, 1, "\\b"); break;
      case '\f': escape(i, 1, "\\f"); break;
      case '\n': escape(i, 1, "\\n"); break;
      case '\r': escape(i, 1, "\\r"); break;
      case '\t': escape(i, 1, "\\t"); break;
      default:
        if (c.value < 0x20 || (script_safe && NeedsScriptEscape(c.value))) {
          escape(i, c.length, UnicodeEscape(c.value));
        }
    }
    i += c.length;
  }
  out->append(text, run_start);
  *out += '"';
}

namespace {

// The value of the four hex digits at `hex`, or -1.
int HexQuad(std::string_view hex) {
  if (hex.size() < 4) return -1;
  int value = 0;
  for (size_t i = 0; i < 4; ++i) {
    const int digit = HexDigitValue(hex[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

std::optional<std::string> JsonStringValue(std::string_view token) {
  if (token.size() < 2 || token.front() != '"' || token.back() != '"') return std::nullopt;
  const std::string_view body = token.substr(1, token.size() - 2);
  std::string out;
  out.reserve(body.size());
  size_t i = 0;
  while (i < body.size()) {
    const size_t escape = body.find_first_of("\\\"", i);
    if (escape == std::string_view::npos) {
      out.append(body, i);
      break;
    }
    out.append(body, i, escape - i);
    if (body[escape] == '"' || escape + 1 == body.size()) return std::nullopt;
    const char kind = body[escape + 1];
    i = escape + 2;
    switch (kind) {
      case '"': out += '"'; continue;
      case '\\': out += '\\'; continue;
      case '/': out += '/'; continue;
      case 'b': out += '\b'; continue;
      case 'f': out += '\f'; continue;
      case 'n': out += '\n'; continue;
      case 'r': out += '\r'; continue;
      case 't': out += '\t'; continue;
      case 'u': break;
      default: return std::nullopt;
    }
    int unit = HexQuad(body.substr(i));
    if (unit < 0) return std::nullopt;
    i += 4;
    char32_t code_point = static_cast<char32_t>(unit);
    if (unit >= 0xDC00 && unit <= 0xDFFF) return std::nullopt;  // a low surrogate first
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (body.substr(i, 2) != "\\u") return std::nullopt;
      const int low = HexQuad(body.substr(i + 2));
      if (low < 0xDC00 || low > 0xDFFF) return std::nullopt;
      i += 6;
      code_point = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) +
                   (static_cast<char32_t>(low) - 0xDC00);
    }
    EncodeUtf8(code_point, &out);
  }
  return out;
}

}  // namespace portalgen::feeds
