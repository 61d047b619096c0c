#include "base/text_blocks.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>

#if defined(__SANITIZE_ADDRESS__)  // GCC's -fsanitize=address
#include <sanitizer/asan_interface.h>
#define PORTALGEN_ASAN 1
#endif

namespace portalgen {

namespace {

// Under AddressSanitizer the free part of a block is poisoned and texts are kept apart by a
// poisoned gap, so that reading past a text is caught as it would be past a string of its own.
#ifdef PORTALGEN_ASAN
constexpr size_t kGap = 32;
void Poison(const char* p, size_t n) { ASAN_POISON_MEMORY_REGION(p, n); }
void Unpoison(const char* p, size_t n) { ASAN_UNPOISON_MEMORY_REGION(p, n); }
#else
constexpr size_t kGap = 0;
void Poison(const char*, size_t) {}
void Unpoison(const char*, size_t) {}
#endif

// An anonymous mapping of kBlockSize aligned to kBlockSize, so that the kernel can back it with
// one huge page; nullptr when the system refuses.
char* MapAlignedBlock() {
  constexpr size_t kSize = TextBlocks::kBlockSize;
  void* raw = mmap(nullptr, 2 * kSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const auto start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kSize - 1) & ~(uintptr_t{kSize} - 1);
  if (aligned > start) munmap(raw, aligned - start);
  if (const uintptr_t end = aligned + kSize; end < start + 2 * kSize) {
    munmap(reinterpret_cast<void*>(end), start + 2 * kSize - end);
  }
  auto* block = reinterpret_cast<char*>(aligned);
  madvise(block, kSize, MADV_HUGEPAGE);  // a hint: without it the block is simply smaller pages
  return block;
}

}  // namespace

struct TextBlocks::Block {
  Block() : bytes(MapAlignedBlock()) {
    if (bytes == nullptr) throw std::bad_alloc();
    Poison(bytes, kBlockSize);
  }
  ~Block() {
    Unpoison(bytes, kBlockSize);  // the next mapping at this address starts clean
    munmap(bytes, kBlockSize);
  }
  Block(const Block&) = delete;
  Block& operator=(const Block&) = delete;
  char* bytes;
};

KeptText TextBlocks::Keep(std::string_view text) {
  if (text.size() > kBlockSize / 4) {
    auto own = std::make_shared<const std::string>(text);
    return {*own, std::move(own)};
  }
  std::shared_ptr<Block> block;
  size_t at = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!current_ || kBlockSize - used_ < text.size()) {
      current_ = std::make_shared<Block>();
      used_ = 0;
    }
    block = current_;
    at = used_;
    used_ = std::min(kBlockSize, (at + text.size() + kGap + 7) & ~size_t{7});
    Unpoison(block->bytes + at, text.size());
  }
  // Each caller copies into its own reserved range, outside the lock.
  if (!text.empty()) std::memcpy(block->bytes + at, text.data(), text.size());
  const std::string_view kept(block->bytes + at, text.size());
  return {kept, std::move(block)};
}

}  // namespace portalgen
