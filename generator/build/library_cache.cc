#include "build/library_cache.h"

#include <algorithm>
#include <concepts>
#include <map>
#include <type_traits>
#include <utility>

#include "base/hash.h"
#include "base/paths.h"
#include "base/thread_pool.h"
#include "content/body_reads.h"
#include "feeds/json_text.h"
#include "feeds/search_index.h"

namespace portalgen::build {

namespace {

constexpr std::string_view kIndexMagic = "portalgen-library-index 3\n";
constexpr std::string_view kDocsMagic = "portalgen-library-docs 3\n";
constexpr std::string_view kTextMagic = "portalgen-library-text 3\n";

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};
template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T>
struct IsMap : std::false_type {};
template <typename K, typename V>
struct IsMap<std::map<K, V>> : std::true_type {};
template <typename T>
struct IsPair : std::false_type {};
template <typename A, typename B>
struct IsPair<std::pair<A, B>> : std::true_type {};

// Encoder and Decoder share one list of fields per type (Fields(), below), so that what is
// written and what is read cannot drift apart: io(a, b, c) writes or reads a, b and c.
// Integers are LEB128 varints (signed ones zigzagged), strings and containers length-prefixed.
class Encoder {
 public:
  static constexpr bool kReading = false;
  template <typename... T>
  void operator()(const T&... values) {
    (Put(values), ...);
  }
  std::string& bytes() { return out_; }

 private:
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  template <typename T>
  void Put(const T& v) {
    if constexpr (std::is_enum_v<T>) {
      Varint(static_cast<uint64_t>(v));
    } else if constexpr (std::is_same_v<T, bool>) {
      Varint(v ? 1 : 0);
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      const int64_t s = v;
      Varint((static_cast<uint64_t>(s) << 1) ^ static_cast<uint64_t>(s >> 63));
    } else if constexpr (std::is_integral_v<T>) {
      Varint(v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      Varint(v.size());
      out_.append(v);
    } else if constexpr (IsVector<T>::value || IsMap<T>::value) {
      Varint(v.size());
      for (const auto& item : v) Put(item);
    } else if constexpr (IsOptional<T>::value) {
      Varint(v ? 1 : 0);
      if (v) Put(*v);
    } else {
      Fields(*this, v);  // a pair or a struct, below
    }
  }

  std::string out_;
};

class Decoder {
 public:
  static constexpr bool kReading = true;
  explicit Decoder(std::string_view in) : in_(in) {}
  template <typename... T>
  void operator()(T&... values) {
    (Get(values), ...);
  }
  /// Every read succeeded and every byte was read.
  bool Done() const { return ok_ && in_.empty(); }
  bool ok() const { return ok_; }
  void Fail() { ok_ = false; }

 private:
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) break;
      const auto byte = static_cast<uint8_t>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  // A count of items that each take at least one byte: more than the bytes left is damage,
  // and must not become a huge allocation.
  size_t Count() {
    const uint64_t n = Varint();
    if (n > in_.size()) {
      ok_ = false;
      return 0;
    }
    return static_cast<size_t>(n);
  }
  template <typename T>
  void Get(T& v) {
    if (!ok_) return;
    if constexpr (std::is_enum_v<T>) {
      v = static_cast<T>(Varint());
    } else if constexpr (std::is_same_v<T, bool>) {
      v = Varint() != 0;
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      const uint64_t u = Varint();
      v = static_cast<T>(static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1));
    } else if constexpr (std::is_integral_v<T>) {
      v = static_cast<T>(Varint());
    } else if constexpr (std::is_same_v<T, std::string>) {
      const size_t n = Count();
      v.assign(in_.substr(0, n));
      in_.remove_prefix(n);
    } else if constexpr (IsVector<T>::value) {
      v.resize(Count());
      for (auto& item : v) Get(item);
    } else if constexpr (IsMap<T>::value) {
      v.clear();
      for (size_t n = Count(); n > 0 && ok_; --n) {
        std::pair<typename T::key_type, typename T::mapped_type> item;
        Get(item);
        v.insert(v.end(), std::move(item));
      }
    } else if constexpr (IsOptional<T>::value) {
      v.reset();
      if (Varint() != 0) Get(v.emplace());
    } else {
      Fields(*this, v);
    }
  }

  std::string_view in_;
  bool ok_ = true;
};

// `S` is `Type` or `const Type`: one Fields() serves the Encoder (const) and the Decoder.
template <typename S, typename Type>
concept Is = std::same_as<std::remove_const_t<S>, Type>;

template <typename Io, typename S>
requires IsPair<std::remove_const_t<S>>::value void Fields(Io& io, S& p) { io(p.first, p.second); }

template <typename Io, typename S>
requires Is<S, content::Located<std::string>> || Is<S, content::Located<int>>
void Fields(Io& io, S& l) { io(l.value, l.line, l.col); }

#define PORTALGEN_FIELDS(Type, ...)  \
  template <typename Io, typename S> \
  requires Is<S, Type>               \
  void Fields(Io& io, S& s) { io(__VA_ARGS__); }

// When content::Document, markdown::Rendered or index::Library gain a field, add it here: the
// size checks below fail until then.
PORTALGEN_FIELDS(content::PartialDate, s.year, s.month, s.day)
PORTALGEN_FIELDS(content::OffsetDateTime, s.year, s.month, s.day, s.hour, s.minute, s.second,
                 s.offset_minutes)
PORTALGEN_FIELDS(content::Speaker, s.name, s.role, s.position, s.organization, s.member, s.line)
PORTALGEN_FIELDS(content::AgendaItem, s.start, s.end, s.title, s.speakers, s.line)
PORTALGEN_FIELDS(content::BriefData, s.kind, s.number, s.date, s.members, s.document)
PORTALGEN_FIELDS(content::EventData, s.start, s.end, s.timezone, s.venue, s.city, s.format,
                 s.series, s.registration, s.contact, s.members, s.other_organizers, s.briefs,
                 s.languages, s.speakers, s.agenda, s.start_line, s.start_col, s.end_line,
                 s.end_col, s.timezone_line, s.timezone_col)
PORTALGEN_FIELDS(content::MemberData, s.acronym, s.status, s.joined, s.website, s.chairs)
PORTALGEN_FIELDS(markdown::Heading, s.level, s.id, s.text)
// The plain text and the links have shards of their own (TextFields), read only where needed:
// an incremental build compares links only of the documents it edits. The HTML is not kept (the
// file is rendered again: RenderCachedBodies in incremental.cc).
PORTALGEN_FIELDS(markdown::Rendered, s.first_paragraph, s.headings)
PORTALGEN_FIELDS(index::Topic, s.slug, s.label, s.docs)
PORTALGEN_FIELDS(index::SpeakerEntry::Appearance, s.event, s.index)
PORTALGEN_FIELDS(index::SpeakerEntry, s.slug, s.name, s.appearances)

template <typename Io, typename S>
requires Is<S, content::Document>
void Fields(Io& io, S& d) {
  io(d.kind, d.slug, d.source_path, d.title, d.summary, d.draft, d.topics, d.priorities, d.aliases,
     d.body_line, d.brief, d.event, d.member, d.rendered, d.broken);
  if constexpr (Io::kReading) {
    std::string head;
    io(head);
    content::KeepOnlyHead(d, std::move(head));
  } else {
    io(std::string(content::Head(d)));  // what a cached document keeps of its source
  }
}

// Everything but the documents, which have their own shards, and slug_ids, made from by_slug.
template <typename Io, typename S>
requires Is<S, index::Library>
void IndexFields(Io& io, S& lib) {
  io(lib.home, lib.pages, lib.briefs, lib.events, lib.members, lib.member_briefs, lib.member_events,
     lib.brief_events, lib.event_briefs, lib.topics, lib.priorities, lib.speakers,
     lib.member_speakers, lib.years, lib.backlinks, lib.by_slug);
}

// What a text shard keeps of each document: the links, and the plain text's hash (the text
// itself is in the output's search index, ReadLibraryBodies()).
template <typename Io, typename R>
void TextFields(Io& io, R& r) {
  io(r.plain_text_hash, r.links, r.wiki_targets, r.broken_wiki_links);
}

#undef PORTALGEN_FIELDS

// A reminder that fails the build when these types change on the platform we build for
// (x86-64 Linux, libstdc++): update Fields() above, then these numbers.
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(content::Document) == 1160, "update Fields(Document) and this size");
static_assert(sizeof(markdown::Rendered) == 200, "update Fields(Rendered) and this size");
static_assert(sizeof(index::Library) == 888, "update IndexFields(Library) and this size");
#endif

std::string ShardPath(const std::string& dir, uint64_t hash) {
  return JoinPath(dir, HexHash(hash));
}

// The shard list: the index, then the documents' front shards and their plain-text shards,
// `shard_docs` documents each.
enum Family { kFront = 0, kText = 1 };
constexpr size_t kFamilies = 2;

struct Layout {
  size_t documents = 0;
  size_t shard_docs = kShardDocs;

  size_t doc_shards() const { return (documents + shard_docs - 1) / shard_docs; }
  size_t slots() const { return 1 + kFamilies * doc_shards(); }
  size_t Slot(Family family, size_t k) const { return 1 + family * doc_shards() + k; }
  // The documents of shard `k`: [begin, end).
  std::pair<size_t, size_t> Range(size_t k) const {
    const size_t begin = k * shard_docs;
    return {begin, std::min(documents, begin + shard_docs)};
  }
};

std::string EncodeIndex(const index::Library& lib, const Layout& layout) {
  Encoder out;
  out.bytes().append(kIndexMagic);
  out(layout.documents, layout.shard_docs);
  IndexFields(out, lib);
  return std::move(out.bytes());
}

std::string_view MagicOf(Family family) { return family == kFront ? kDocsMagic : kTextMagic; }

// Encodes shard `k` of a family: its count, then each of its documents.
std::string EncodeShard(const index::Library& lib, const Layout& layout, Family family, size_t k) {
  Encoder out;
  out.bytes().append(MagicOf(family));
  const auto [begin, end] = layout.Range(k);
  out(end - begin);
  for (size_t id = begin; id < end; ++id) {
    if (family == kFront) {
      out(lib.docs[id]);
    } else {
      TextFields(out, lib.docs[id].rendered);
    }
  }
  return std::move(out.bytes());
}

// A shard's bytes, when they still hash to its name and start with `magic`.
class Shard {
 public:
  Shard(const FileSystem& fs, const std::string& dir, uint64_t hash, std::string_view magic)
      : bytes_(fs.Read(ShardPath(dir, hash))) {
    good_ = bytes_.ok() && Hash64(bytes_.value()) == hash && bytes_.value().starts_with(magic);
    if (good_) body_ = std::string_view(bytes_.value()).substr(magic.size());
  }
  bool good() const { return good_; }
  /// The bytes after the magic line.
  std::string_view body() const { return body_; }

 private:
  Result<std::string> bytes_;
  bool good_ = false;
  std::string_view body_;
};

// Decodes shard `k` of a family: its count, then `read(in, id)` for each of its documents.
template <typename Read>
bool DecodeShard(const FileSystem& fs, const std::string& dir, const std::vector<uint64_t>& shards,
                 const Layout& layout, Family family, size_t k, const Read& read) {
  const Shard shard(fs, dir, shards[layout.Slot(family, k)], MagicOf(family));
  if (!shard.good()) return false;
  Decoder in(shard.body());
  const auto [begin, end] = layout.Range(k);
  size_t count = 0;
  in(count);
  if (count != end - begin) return false;
  for (size_t id = begin; id < end && in.ok(); ++id) read(in, id);
  return in.Done();
}

}  // namespace

namespace {

std::string EncodeSlot(const index::Library& lib, const Layout& layout, size_t slot) {
  if (slot == 0) return EncodeIndex(lib, layout);
  const auto family = static_cast<Family>((slot - 1) / layout.doc_shards());
  return EncodeShard(lib, layout, family, (slot - 1) % layout.doc_shards());
}

}  // namespace

Result<std::vector<uint64_t>> WriteLibraryCache(FileSystem& fs, const std::string& dir,
                                                const index::Library& lib,
                                                const std::vector<uint64_t>* previous,
                                                const std::set<index::DocId>& changed, int jobs,
                                                size_t shard_docs) {
  const Layout layout{lib.docs.size(), std::max<size_t>(1, shard_docs)};
  std::vector<uint64_t> shards(layout.slots());
  const bool reuse = previous && previous->size() == shards.size();
  // A shard is written again when it holds a changed document (edits change no index).
  const auto dirty = [&](size_t slot) {
    if (!reuse) return true;
    if (slot == 0) return false;
    const auto [begin, end] = layout.Range((slot - 1) % layout.doc_shards());
    const auto first = changed.lower_bound(begin);
    return first != changed.end() && *first < end;
  };
  std::vector<Status> errors(shards.size());
  ParallelFor(shards.size(), jobs, [&](size_t slot) {
    if (!dirty(slot)) {
      shards[slot] = (*previous)[slot];
      return;
    }
    const std::string bytes = EncodeSlot(lib, layout, slot);
    shards[slot] = Hash64(bytes);
    // Written even when a file of that name exists: it may be a damaged copy.
    errors[slot] = fs.Write(ShardPath(dir, shards[slot]), bytes);
  });
  for (Status& s : errors) {
    if (!s.ok()) return s;
  }
  return shards;
}

std::optional<index::Library> ReadLibraryCache(const FileSystem& fs, const std::string& dir,
                                               const std::vector<uint64_t>& shards, int jobs,
                                               std::string& why, size_t shard_docs) {
  why = "the library cache in " + dir + " is missing or damaged";
  if (shards.empty()) return std::nullopt;
  const Shard index_shard(fs, dir, shards[0], kIndexMagic);
  if (!index_shard.good()) return std::nullopt;
  index::Library lib;
  Layout layout;
  Decoder index(index_shard.body());
  index(layout.documents, layout.shard_docs);
  IndexFields(index, lib);
  if (!index.Done() || layout.shard_docs != shard_docs || shards.size() != layout.slots()) {
    return std::nullopt;
  }
  for (const auto& [key, id] : lib.by_slug) {  // slug_ids is by_slug hashed: not stored
    lib.slug_ids[static_cast<size_t>(key.first)].emplace(key.second, id);
  }
  std::vector<content::Document> docs(layout.documents);
  std::vector<char> good(layout.doc_shards(), 0);
  ParallelFor(layout.doc_shards(), jobs, [&](size_t k) {
    good[k] = DecodeShard(fs, dir, shards, layout, kFront, k,
                          [&](Decoder& in, size_t id) { in(docs[id]); });
  });
  if (std::find(good.begin(), good.end(), 0) != good.end()) return std::nullopt;
  lib.docs = index::DocList(std::move(docs));
  return lib;
}

namespace {

// Fills, from `search_index` (the bytes of the output's search/index.json), the plain text of
// each document whose `wanted` bits ask for it, once its text shard was read: each text must
// hash to what that shard recorded. False when the index is not of SearchIndex()'s shape, does
// not list the library's documents, or a text differs (the output was changed since).
bool FillPlainTexts(std::string_view search_index, const std::vector<uint8_t>& wanted,
                    index::Library& lib, std::vector<uint8_t>& loaded) {
  const std::optional<std::vector<std::string_view>> texts = feeds::SearchIndexTexts(search_index);
  const std::vector<index::DocId> order = feeds::SearchIndexOrder(lib);
  if (!texts || texts->size() != order.size()) return false;
  for (size_t at = 0; at < order.size(); ++at) {
    const index::DocId id = order[at];
    if (!(wanted[id] & ~loaded[id] & content::kBodyPlainText)) continue;
    std::optional<std::string> text = feeds::JsonStringValue((*texts)[at]);
    markdown::Rendered& rendered = lib.docs[id].rendered;
    if (!text || Hash64(*text) != rendered.plain_text_hash) return false;
    rendered.plain_text = std::move(*text);
    loaded[id] |= content::kBodyPlainText;
  }
  return true;
}

}  // namespace

bool ReadLibraryBodies(const FileSystem& fs, const std::string& dir,
                       const std::vector<uint64_t>& shards, const std::vector<uint8_t>& wanted,
                       int jobs, index::Library& lib, std::vector<uint8_t>& loaded,
                       std::string& why, size_t shard_docs, const std::string* search_index) {
  why = "the library cache in " + dir + " is missing or damaged";
  const Layout layout{lib.docs.size(), std::max<size_t>(1, shard_docs)};
  if (shards.size() != layout.slots() || wanted.size() != layout.documents) return false;
  loaded.resize(layout.documents, content::kBodyFirstParagraph);
  // The text shards holding a wanted plain text.
  std::vector<size_t> text_shards;
  for (size_t k = 0; k < layout.doc_shards(); ++k) {
    const auto [begin, end] = layout.Range(k);
    for (size_t id = begin; id < end; ++id) {
      if (wanted[id] & ~loaded[id] & content::kBodyPlainText) {
        text_shards.push_back(k);
        break;
      }
    }
  }
  std::vector<char> good(text_shards.size(), 0);
  // Each shard is one slot, so no two threads write to one document.
  ParallelFor(text_shards.size(), jobs, [&](size_t j) {
    good[j] = DecodeShard(fs, dir, shards, layout, kText, text_shards[j],
                          [&](Decoder& in, size_t id) { TextFields(in, lib.docs[id].rendered); });
  });
  if (std::find(good.begin(), good.end(), 0) != good.end()) return false;
  // The same documents as the shards above were read for: each has its hash.
  if (search_index && !FillPlainTexts(*search_index, wanted, lib, loaded)) {
    why = "the search index of the last build is missing or was changed";
    return false;
  }
  return true;
}

void PruneLibraryCache(FileSystem& fs, const std::string& dir,
                       const std::vector<uint64_t>& shards) {
  Result<std::vector<std::string>> files = fs.ListFiles(dir);
  if (!files.ok()) return;
  std::set<std::string> keep;
  for (uint64_t hash : shards) keep.insert(ShardPath(dir, hash));
  for (const std::string& file : files.value()) {
    if (!keep.count(file)) fs.RemoveAll(file);
  }
}

}  // namespace portalgen::build
