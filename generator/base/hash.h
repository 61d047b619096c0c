// A fast 64-bit content hash for the build cache: change detection, not security. Inputs are
// the site's own files, so collisions need only be unlikely, not hard to construct.
#ifndef PORTALGEN_BASE_HASH_H_
#define PORTALGEN_BASE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace portalgen {

/// Hash of `bytes`; equal bytes give equal hashes on every run and machine (little-endian).
uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);

/// Hash64() of bytes that come in pieces: after Add(a), Add(b), ..., Digest() equals
/// Hash64(a + b + ...), so that a file written piece by piece gets the hash of its bytes.
class Hash64Stream {
 public:
  Hash64Stream();
  Hash64Stream& Add(std::string_view piece);
  uint64_t Digest() const;

 private:
  uint64_t lanes_[4];
  char pending_[32];  // the bytes of an unfinished 32-byte block
  size_t pending_size_ = 0;
  uint64_t size_ = 0;
};

/// Combines several values into one hash, in order: Add("a").Add("b") != Add("ab").
class Hasher {
 public:
  Hasher& Add(std::string_view bytes);
  Hasher& Add(uint64_t value);
  uint64_t Digest() const { return state_; }

 private:
  uint64_t state_ = 0x6a09e667f3bcc909ULL;
};

/// 16 lower-case hex digits.
std::string HexHash(uint64_t hash);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_HASH_H_
