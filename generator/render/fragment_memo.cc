#include "render/fragment_memo.h"

#include <cstdint>

#include "base/hash.h"

namespace portalgen::render {

int ScalarKind(const Value& v) {
  if (v.is_null()) return 0;
  if (v.is_bool()) return v.boolean() ? 2 : 1;
  if (v.is_string()) return 3;
  if (v.is_number()) return 4;
  return -1;
}

// Addresses differ in few, regular bits: Hasher mixes every bit into the result.
size_t FragmentMemo::KeyHash::operator()(const Key& k) const {
  return Hasher()
      .Add(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(k.section)))
      .Add(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(k.item)))
      .Add(uint64_t{k.blank_before})
      .Digest();
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
