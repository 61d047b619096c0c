// SkipPlainAscii against its definition, for every byte value at every position of a text
// longer than one 16-byte block (so that both the vector loop and the tail are used).
#include "base/ascii_scan.h"

#include <gtest/gtest.h>

#include <string>

namespace portalgen {
namespace {

bool Stops(unsigned char b) { return b < 0x20 || b >= 0x7F || b == '&' || b == '"'; }

TEST(AsciiScanTest, FindsTheFirstByteThatMayNeedEscaping) {
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 40; ++at) {
      std::string text(40, 'a');
      text[at] = static_cast<char>(byte);
      for (size_t from : {size_t{0}, size_t{3}, size_t{17}}) {
        size_t expected = from;
        while (expected < text.size() && !Stops(static_cast<unsigned char>(text[expected]))) {
          ++expected;
        }
        ASSERT_EQ((SkipPlainAscii<'&', '"'>(text, from)), expected)
            << "byte " << byte << " at " << at << " from " << from;
      }
    }
  }
}

TEST(AsciiScanTest, EmptyAndPlainText) {
  EXPECT_EQ((SkipPlainAscii<'<'>("", 0)), 0u);
  EXPECT_EQ((SkipPlainAscii<'<'>("plain text, only ASCII that stays as it is", 0)), 42u);
  EXPECT_EQ((SkipPlainAscii<'<'>("some <b>", 0)), 5u);
}

}  // namespace
}  // namespace portalgen
