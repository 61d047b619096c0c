#include "render/fragment_memo.h"

#include <cstdint>

namespace portalgen::render {

int ScalarKind(const Value& v) {
  if (v.is_null()) return 0;
  if (v.is_bool()) return v.boolean() ? 2 : 1;
  if (v.is_string()) return 3;
  if (v.is_number()) return 4;
  return -1;
}

namespace {

// splitmix64's finaliser: addresses differ in few, regular bits, so they are mixed first.
uint64_t Mix(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

size_t FragmentMemo::KeyHash::operator()(const Key& k) const {
  const auto a = reinterpret_cast<uintptr_t>(k.section);
  const auto b = reinterpret_cast<uintptr_t>(k.item);
  return Mix(Mix(a) ^ b ^ static_cast<uint64_t>(k.blank_before));
}

const Fragment* FragmentMemo::Find(const Key& key) const {
  Shard& shard = ShardOf(key);
  std::lock_guard lock(shard.mu);
  auto it = shard.fragments.find(key);
  return it == shard.fragments.end() ? nullptr : it->second.get();
}

void FragmentMemo::Keep(const Key& key, Fragment fragment) {
  auto kept = std::make_unique<const Fragment>(std::move(fragment));
  Shard& shard = ShardOf(key);
  std::lock_guard lock(shard.mu);
  shard.fragments.try_emplace(key, std::move(kept));
}

}  // namespace portalgen::render
