#include "feeds/search_index.h"

#include <algorithm>
#include <string>
#include <vector>

#include "content/body_reads.h"
#include "feeds/json_text.h"
#include "view/format.h"

namespace portalgen::feeds {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// CollapseWhitespace for a text of at most `limit` bytes, hence characters: the limit cannot
// cut it, so only the whitespace is looked at.
std::string CollapseShort(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (true) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    if (i == text.size()) break;
    if (!out.empty()) out += ' ';
    const size_t word = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    out.append(text, word, i - word);
  }
  return out;
}

}  // namespace

std::string CollapseWhitespace(std::string_view text, size_t limit) {
  if (text.size() <= limit) return CollapseShort(text);
  std::string out;
  out.reserve(std::min(text.size(), limit * 4));  // at most 4 bytes per character
  size_t count = 0;      // characters (code points) in `out`
  bool space = false;    // whitespace since the last character kept
  size_t run_begin = 0;  // characters go to `out` in runs text[run_begin, i), not one by one
  size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (IsSpace(c)) {
      out.append(text.data() + run_begin, i - run_begin);
      space = !out.empty();
      run_begin = i + 1;
      continue;
    }
    // The text is valid UTF-8 (base/source_map.h): a byte 10xxxxxx continues a character.
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
    if (count >= limit) break;
    if (space) {  // the run is empty here: the whitespace before flushed it
      if (count + 1 >= limit) break;  // a space would be the last character: never end in one
      out += ' ';
      ++count;
      space = false;
    }
    ++count;
  }
  out.append(text.data() + run_begin, i - run_begin);
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

output::OutputFile SearchIndex(const view::ViewContext& ctx) {
  const index::Library& lib = ctx.lib;
  std::vector<index::DocId> ids;
  for (const std::vector<index::DocId>* list : {&lib.pages, &lib.briefs, &lib.events, &lib.members}) {
    ids.insert(ids.end(), list->begin(), list->end());
  }
  // The plain text is most of the index: reserving for it (and for a few hundred bytes of the
  // rest of each entry) spares the copies and fresh pages of a string doubling up to ~45 MB at
  // 10,000 documents. The Markdown stage collapsed and cut it already (markdown_stage.cc).
  std::vector<const std::string*> texts;
  texts.reserve(ids.size());
  size_t size = 2;
  for (index::DocId id : ids) {
    texts.push_back(&content::PlainText(lib.docs[id]));
    size += texts.back()->size() + lib.docs[id].title.size() + 512;
  }
  // Entry by entry into one string: a json tree of every entry would double the memory of the
  // largest file of the site. Keys in nlohmann's (sorted) order, as the index always had them.
  std::string out = "[";
  out.reserve(size);
  for (size_t i = 0; i < ids.size(); ++i) {
    const content::Document& doc = lib.docs[ids[i]];
    const std::optional<content::PartialDate> date = content::SortDate(doc);
    if (out.size() > 1) out += ',';
    out += '{';
    AppendField(out, "date", date ? view::IsoDate(*date) : "");
    AppendField(out, "kind", content::KindName(doc.kind));
    AppendField(out, "summary", CollapseWhitespace(view::SummaryOf(doc), kSearchTextLimit));
    AppendField(out, "text", *texts[i]);
    AppendField(out, "title", doc.title);
    AppendField(out, "url", ctx.Url(lib.PathOf(ids[i])));
    out += '}';
  }
  out += ']';
  return {"search/index.json", std::move(out)};
}

}  // namespace portalgen::feeds
