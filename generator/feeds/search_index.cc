#include "feeds/search_index.h"

#include <algorithm>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "content/body_reads.h"
#include "feeds/json_text.h"
#include "view/format.h"

namespace portalgen::feeds {

namespace {

// ' ', '\t', '\n', '\v', '\f' or '\r'.
bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Whether text[j] ends a stretch that CollapseWhitespace copies as it is: whitespace other
// than a single space before a non-whitespace byte.
bool EndsStretch(std::string_view text, size_t j) {
  const char c = text[j];
  const char next = j + 1 < text.size() ? text[j + 1] : '\n';
  return IsSpace(c) && (c != ' ' || IsSpace(next));
}

// The end of the stretch that starts at j (the first byte for which EndsStretch holds, or the
// end of the text), adding its characters to `chars`. Prose is mostly such stretches: sixteen
// bytes at a time where SSE2 is there, looking byte by byte only at blocks that hold a control
// byte or a space before whitespace.
size_t StretchEnd(std::string_view text, size_t j, size_t& chars) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  while (j < n) {
#if defined(__SSE2__)
    if (j + 17 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + j));
      const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + j + 1));
      const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
      const __m128i space = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x20));
      const __m128i next_blank = _mm_cmpeq_epi8(_mm_min_epu8(next, _mm_set1_epi8(0x20)), next);
      const __m128i look = _mm_or_si128(control, _mm_and_si128(space, next_blank));
      if (_mm_movemask_epi8(look) == 0) {
        // A byte 10xxxxxx continues a character (the text is valid UTF-8, base/source_map.h).
        const __m128i top = _mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0)));
        const int continuing =
            _mm_movemask_epi8(_mm_cmpeq_epi8(top, _mm_set1_epi8(static_cast<char>(0x80))));
        chars += 16 - static_cast<size_t>(__builtin_popcount(continuing));
        j += 16;
        continue;
      }
    }
#endif
    if (EndsStretch(text, j)) return j;
    chars += (bytes[j] & 0xC0) != 0x80;
    ++j;
  }
  return j;
}

}  // namespace

std::string CollapseWhitespace(std::string_view text, size_t limit) {
  std::string out;
  out.reserve(std::min(text.size(), limit * 4));  // at most 4 bytes per character
  const size_t n = text.size();
  size_t count = 0;  // characters (code points) in `out`
  size_t i = 0;
  while (true) {
    while (i < n && IsSpace(text[i])) ++i;
    if (i == n) break;
    if (!out.empty()) {               // the run of whitespace before becomes one space...
      if (count + 1 >= limit) break;  // ...unless it would be the last character
      out += ' ';
      ++count;
    }
    // The stretch from i, in which whitespace is only single spaces between words, stays as it
    // is: copied whole when it fits, which spares a branch and an append per word.
    size_t chars = 0;
    const size_t j = StretchEnd(text, i, chars);
    if (count + chars <= limit) {
      out.append(text, i, j - i);
      count += chars;
      i = j;
      continue;
    }
    // The limit falls inside the stretch: keep whole characters up to it, and no last space.
    size_t end = i;
    for (; end < j; ++end) {
      const unsigned char c = static_cast<unsigned char>(text[end]);
      if ((c & 0xC0) == 0x80) continue;
      if (count == limit || (c == ' ' && count + 1 >= limit)) break;
      ++count;
    }
    out.append(text, i, end - i);
    break;
  }
  return out;
}

namespace {

void AppendField(std::string& out, const char* key, std::string_view value) {
  if (out.back() != '{') out += ',';
  out += '"';
  out += key;
  out += "\":";
  AppendJsonString(value, &out, JsonEscapes::kJson);
}

}  // namespace

std::vector<index::DocId> SearchIndexOrder(const index::Library& lib) {
  std::vector<index::DocId> ids;
  ids.reserve(lib.docs.size());
  for (const std::vector<index::DocId>* list :
       {&lib.pages, &lib.briefs, &lib.events, &lib.members}) {
    ids.insert(ids.end(), list->begin(), list->end());
  }
  return ids;
}

namespace {

// The search index, entry by entry: a json tree of every entry would double the memory of the
// largest file of the site. Keys in nlohmann's (sorted) order, as the index always had them.
// Hands `put` the text so far whenever it reaches `piece_size` bytes, then starts again.
void MakeSearchIndex(const view::ViewContext& ctx, size_t piece_size, std::string& out,
                     const PutPiece& put) {
  const index::Library& lib = ctx.lib;
  out += '[';
  bool first = true;
  for (index::DocId id : SearchIndexOrder(lib)) {
    const content::Document& doc = lib.docs[id];
    const std::optional<content::PartialDate> date = content::SortDate(doc);
    if (!first) out += ',';
    first = false;
    out += '{';
    AppendField(out, "date", date ? view::IsoDate(*date) : "");
    AppendField(out, "kind", content::KindName(doc.kind));
    AppendField(out, "summary", CollapseWhitespace(view::SummaryOf(doc), kSearchTextLimit));
    AppendField(out, "text", content::PlainText(doc));
    AppendField(out, "title", doc.title);
    AppendField(out, "url", ctx.Url(lib.PathOf(id)));
    out += '}';
    if (out.size() >= piece_size) {
      put(out);
      out.clear();
    }
  }
  out += ']';
  put(out);
}

}  // namespace

output::OutputFile SearchIndex(const view::ViewContext& ctx) {
  // The plain text is most of the index: reserving for it (and for a few hundred bytes of the
  // rest of each entry) spares the copies and fresh pages of a string doubling up to ~45 MB at
  // 10,000 documents. The Markdown stage collapsed and cut it already (markdown_stage.cc).
  size_t size = 2;
  for (const content::Document& doc : ctx.lib.docs) {
    size += doc.rendered.plain_text.size() + doc.title.size() + 512;
  }
  std::string out;
  out.reserve(size);
  // One piece, the whole file: put() is never called before the end.
  MakeSearchIndex(ctx, std::string::npos, out, [](std::string_view) {});
  return {kSearchIndexPath, std::move(out)};
}

void WriteSearchIndex(const view::ViewContext& ctx, const PutPiece& put) {
  constexpr size_t kPieceSize = size_t{1} << 20;
  std::string piece;
  piece.reserve(kPieceSize + 64 * 1024);
  MakeSearchIndex(ctx, kPieceSize, piece, put);
}

namespace {

// Reads the JSON string token that starts at json[at] (its opening quote): moves `at` past it
// and returns it, quotes included. Nullopt when no string starts or ends there.
std::optional<std::string_view> StringToken(std::string_view json, size_t& at) {
  if (at >= json.size() || json[at] != '"') return std::nullopt;
  // The closing quote is the first one after an even number of backslashes (an odd number
  // escapes it).
  size_t i = at + 1;
  while (true) {
    i = json.find('"', i);
    if (i == std::string_view::npos) return std::nullopt;
    size_t backslashes = 0;
    while (json[i - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) break;
    ++i;
  }
  const std::string_view token = json.substr(at, i + 1 - at);
  at = i + 1;
  return token;
}

// Moves `at` past `c` when json[at] is `c`.
bool Take(std::string_view json, size_t& at, char c) {
  if (at >= json.size() || json[at] != c) return false;
  ++at;
  return true;
}

}  // namespace

std::optional<std::vector<std::string_view>> SearchIndexTexts(std::string_view json) {
  std::vector<std::string_view> texts;
  size_t at = 0;
  if (!Take(json, at, '[')) return std::nullopt;
  if (Take(json, at, ']')) return at == json.size() ? std::optional(texts) : std::nullopt;
  do {
    if (!Take(json, at, '{')) return std::nullopt;
    std::optional<std::string_view> text;
    do {
      const std::optional<std::string_view> key = StringToken(json, at);
      if (!key || !Take(json, at, ':')) return std::nullopt;
      const std::optional<std::string_view> value = StringToken(json, at);
      if (!value) return std::nullopt;
      if (*key == "\"text\"") text = value;
    } while (Take(json, at, ','));
    if (!text || !Take(json, at, '}')) return std::nullopt;
    texts.push_back(*text);
  } while (Take(json, at, ','));
  if (!Take(json, at, ']') || at != json.size()) return std::nullopt;
  return texts;
}

}  // namespace portalgen::feeds
