#include "base/hash.h"

#include <algorithm>
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

// The four lanes' starting values for `seed`.
void StartLanes(uint64_t seed, uint64_t lanes[4]) {
  lanes[0] = seed ^ kMul1;
  lanes[1] = seed + kMul2;
  lanes[2] = Rotl(seed, 17) ^ kMul2;
  lanes[3] = seed - kMul1;
}

// Mixes the whole 32-byte blocks of [p, p + n) into the lanes; returns how many bytes it took.
size_t AddBlocks(const char* p, size_t n, uint64_t lanes[4]) {
  // Four independent lanes over 32-byte blocks keep the multiplier busy.
  uint64_t a = lanes[0], b = lanes[1], c = lanes[2], d = lanes[3];
  size_t done = 0;
  for (; n - done >= 32; done += 32) {
    a = Round(a, Load64(p + done));
    b = Round(b, Load64(p + done + 8));
    c = Round(c, Load64(p + done + 16));
    d = Round(d, Load64(p + done + 24));
  }
  lanes[0] = a, lanes[1] = b, lanes[2] = c, lanes[3] = d;
  return done;
}

// The hash of `size` bytes whose whole blocks went into `lanes`, and whose last `n` (< 32)
// bytes are at p.
uint64_t FinishHash(const uint64_t lanes[4], uint64_t size, const char* p, size_t n) {
  uint64_t h =
      Rotl(lanes[0], 1) + Rotl(lanes[1], 7) + Rotl(lanes[2], 12) + Rotl(lanes[3], 18) + size;
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

}  // namespace

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  uint64_t lanes[4];
  StartLanes(seed, lanes);
  const size_t done = AddBlocks(bytes.data(), bytes.size(), lanes);
  return FinishHash(lanes, bytes.size(), bytes.data() + done, bytes.size() - done);
}

Hash64Stream::Hash64Stream() { StartLanes(0, lanes_); }

Hash64Stream& Hash64Stream::Add(std::string_view piece) {
  size_ += piece.size();
  if (pending_size_ > 0) {  // complete the unfinished block first
    const size_t take = std::min(piece.size(), sizeof pending_ - pending_size_);
    std::memcpy(pending_ + pending_size_, piece.data(), take);
    pending_size_ += take;
    piece.remove_prefix(take);
    if (pending_size_ < sizeof pending_) return *this;
    AddBlocks(pending_, sizeof pending_, lanes_);
    pending_size_ = 0;
  }
  piece.remove_prefix(AddBlocks(piece.data(), piece.size(), lanes_));
  std::memcpy(pending_, piece.data(), piece.size());
  pending_size_ = piece.size();
  return *this;
}

uint64_t Hash64Stream::Digest() const { return FinishHash(lanes_, size_, pending_, pending_size_); }

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
