#include "render/fragment_memo.h"

#include <functional>

namespace portalgen::render {

int ScalarKind(const Value& v) {
  if (v.is_null()) return 0;
  if (v.is_bool()) return v.boolean() ? 2 : 1;
  if (v.is_string()) return 3;
  if (v.is_number()) return 4;
  return -1;
}

size_t FragmentMemo::KeyHash::operator()(const Key& k) const {
  const size_t a = std::hash<const void*>()(k.section);
  const size_t b = std::hash<const void*>()(k.item);
  return (a * 0x9E3779B97F4A7C15ULL) ^ (b + (b >> 7)) ^ static_cast<size_t>(k.blank_before);
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
