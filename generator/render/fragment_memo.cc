#include "render/fragment_memo.h"

#include <algorithm>
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

FragmentMemo::Slot& FragmentMemo::Shard::Probe(const Key& key, size_t h) {
  const size_t mask = slots.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots[i];
    if (slot.fragment == nullptr || slot.key == key) return slot;
  }
}

void FragmentMemo::Shard::Grow() {
  std::vector<Slot> old = std::move(slots);
  slots.assign(std::max<size_t>(64, old.size() * 2), Slot{});
  for (const Slot& slot : old) {
    if (slot.fragment != nullptr) Probe(slot.key, KeyHash()(slot.key)) = slot;
  }
}

const Fragment* FragmentMemo::Find(const Key& key) const {
  const size_t h = KeyHash()(key);
  Shard& shard = ShardOf(h);
  std::lock_guard lock(shard.mu);
  return shard.slots.empty() ? nullptr : shard.Probe(key, h).fragment;
}

void FragmentMemo::Keep(const Key& key, Fragment fragment) {
  auto kept = std::make_unique<const Fragment>(std::move(fragment));
  const size_t h = KeyHash()(key);
  Shard& shard = ShardOf(h);
  std::lock_guard lock(shard.mu);
  if (2 * (shard.owned.size() + 1) > shard.slots.size()) shard.Grow();
  Slot& slot = shard.Probe(key, h);
  if (slot.fragment != nullptr) return;  // kept already: the first one stays
  slot = Slot{key, kept.get()};
  shard.owned.push_back(std::move(kept));
}

void FragmentMemo::Clear() {
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mu);
    std::vector<Slot>().swap(shard.slots);
    std::vector<std::unique_ptr<const Fragment>>().swap(shard.owned);
  }
}

}  // namespace portalgen::render
