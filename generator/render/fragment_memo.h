// FragmentMemo: the text a section's body rendered for one shared list item (a memoised card,
// referred to by Value::Ref), kept so that the next list holding the same item copies it
// instead of rendering it again. A build lists each document's card on many pages (its
// sections, topics, priorities, years, members, speakers); rendering and escaping those cards
// again and again was the largest part of rendering templates.
//
// A fragment is reused only where it is certain to come out the same:
//   - the key is the section node, the shared item (an address that lives as long as the
//     memo: both belong to one ViewContext) and whether the line before the section is blank
//     (which decides whether a section line is dropped, see template_tree.h);
//   - every name that the body looked up outside the item (in the page around it) is noted
//     with what it found, and the fragment is reused only where those names still find the
//     same: nothing, or a string, number, boolean or null of the same text. A body that found
//     an object or list outside its item, met an unknown name, or changed text before its own
//     start (dropping a blank section line it began on) is not kept.
#ifndef PORTALGEN_RENDER_FRAGMENT_MEMO_H_
#define PORTALGEN_RENDER_FRAGMENT_MEMO_H_

#include <array>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "render/view_value.h"

namespace portalgen::render {

struct TemplateNode;

/// A name that a body found outside its item, and the scalar it found there.
struct OuterLookup {
  const TemplateNode* node = nullptr;  // the tag whose name was looked up
  int kind = 0;                        // ScalarKind()
  std::string text;
};

struct Fragment {
  std::string text;                // the body's output
  bool ends_line = false;          // whether it held a newline; then line_start is the
  size_t line_start = 0;           //   start of its last line, from the fragment's start
  int depth = 0;                   // how deep its partials nested, from where it started
  std::vector<OuterLookup> outer;  // names found outside the item, in order
};

/// The kind of scalar `v` is: 0 null, 1 false, 2 true, 3 string, 4 number; -1 for an object or
/// a list.
int ScalarKind(const Value& v);

class FragmentMemo {
 public:
  struct Key {
    const TemplateNode* section;
    const Value* item;
    bool blank_before;
    bool operator==(const Key&) const = default;
  };

  /// The fragment kept for `key`, or null. Safe from several threads; a kept fragment never
  /// moves or changes.
  const Fragment* Find(const Key& key) const;
  /// Keeps `fragment` for `key` unless one is already kept.
  void Keep(const Key& key, Fragment fragment);
  /// Lets every kept fragment go, with its memory. Only while nothing renders with this memo
  /// (a build calls it once its pages are made; the feeds after them render no template).
  void Clear();

 private:
  struct KeyHash {
    size_t operator()(const Key& k) const;
  };
  struct Slot {
    Key key{};
    const Fragment* fragment = nullptr;  // null: the slot is free
  };
  // An open-addressing table (linear probing, a power-of-two size, at most half full): a find
  // reads one or two adjacent slots, where std::unordered_map chased a bucket and a node, and
  // those cache misses were most of a lookup's cost in the profile (bench/README.md).
  struct Shard {
    mutable std::mutex mu;
    std::vector<Slot> slots;  // empty until the first Keep
    std::vector<std::unique_ptr<const Fragment>> owned;  // one per used slot
    /// The slot of `key` (hash `h`), or the free slot where it would go. `slots` not empty.
    Slot& Probe(const Key& key, size_t h);
    void Grow();
  };
  static constexpr size_t kShards = 32;
  // The top bits choose the shard, the low bits the slot in it.
  Shard& ShardOf(size_t h) const { return shards_[(h >> 56) % kShards]; }

  mutable std::array<Shard, kShards> shards_;
};

}  // namespace portalgen::render

#endif  // PORTALGEN_RENDER_FRAGMENT_MEMO_H_
