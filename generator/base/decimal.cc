#include "base/decimal.h"

namespace portalgen {

void AppendPadded(long long value, int width, std::string* out) {
  // The magnitude as unsigned, so that the most negative value has one too.
  unsigned long long magnitude = static_cast<unsigned long long>(value);
  if (value < 0) {
    out->push_back('-');
    magnitude = 0 - magnitude;
    --width;
  }
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (width > n) out->append(static_cast<size_t>(width - n), '0');
  while (n > 0) out->push_back(digits[--n]);
}

void AppendUtcOffset(int minutes, std::string* out) {
  const int magnitude = minutes < 0 ? -minutes : minutes;
  out->push_back(minutes < 0 ? '-' : '+');
  AppendPadded(magnitude / 60, 2, out);
  out->push_back(':');
  AppendPadded(magnitude % 60, 2, out);
}

}  // namespace portalgen
