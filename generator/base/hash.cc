#include "base/hash.h"

#include <cstring>

namespace portalgen {

namespace {

constexpr uint64_t kMul1 = 0x9e3779b97f4a7c15ULL;
constexpr uint64_t kMul2 = 0xc2b2ae3d27d4eb4fULL;

uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

uint64_t Rotl(uint64_t v, int r) { return (v << r) | (v >> (64 - r)); }

// One lane step: mixes an 8-byte word into an accumulator.
uint64_t Round(uint64_t acc, uint64_t word) { return Rotl(acc ^ (word * kMul2), 29) * kMul1; }

// Final avalanche, so that every input bit reaches every output bit.
uint64_t Finish(uint64_t h) {
  h ^= h >> 32;
  h *= kMul2;
  h ^= h >> 29;
  h *= kMul1;
  h ^= h >> 32;
  return h;
}

}  // namespace

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  // Four independent lanes over 32-byte blocks keep the multiplier busy.
  uint64_t a = seed ^ kMul1, b = seed + kMul2, c = Rotl(seed, 17) ^ kMul2, d = seed - kMul1;
  while (n >= 32) {
    a = Round(a, Load64(p));
    b = Round(b, Load64(p + 8));
    c = Round(c, Load64(p + 16));
    d = Round(d, Load64(p + 24));
    p += 32;
    n -= 32;
  }
  uint64_t h = Rotl(a, 1) + Rotl(b, 7) + Rotl(c, 12) + Rotl(d, 18) + bytes.size();
  while (n >= 8) {
    h = Round(h, Load64(p));
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h = Round(h, tail ^ (static_cast<uint64_t>(n) << 59));
  return Finish(h);
}

Hasher& Hasher::Add(std::string_view bytes) {
  state_ = Hash64(bytes, state_ ^ (bytes.size() * kMul1));
  return *this;
}

Hasher& Hasher::Add(uint64_t value) {
  state_ = Finish(Round(state_, value) + kMul2);
  return *this;
}

std::string HexHash(uint64_t hash) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[i] = kDigits[hash & 15];
  return out;
}

}  // namespace portalgen
