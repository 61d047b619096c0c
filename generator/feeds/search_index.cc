#include "feeds/search_index.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "view/format.h"

namespace portalgen::feeds {

std::string CollapseWhitespace(std::string_view text, size_t limit) {
  std::string out;
  size_t count = 0;
  bool space = false;
  // Characters go to `out` in runs (text[run_begin, run_end)), not one append per character.
  size_t run_begin = 0, run_end = 0;
  auto flush = [&] {
    out.append(text.data() + run_begin, run_end - run_begin);
    run_begin = run_end;
  };
  for (size_t i = 0; i < text.size() && count < limit;) {
    const size_t len = std::min<size_t>(Utf8SequenceLength(text[i]), text.size() - i);
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      flush();
      space = !out.empty();
      i += len;
      run_begin = run_end = i;
      continue;
    }
    if (space) {  // the run is empty here: the whitespace before flushed it
      out += ' ';
      ++count;
      space = false;
      if (count == limit) break;
    }
    run_end = i + len;
    ++count;
    i += len;
  }
  flush();
  return out;
}

output::OutputFile SearchIndex(const view::ViewContext& ctx) {
  using nlohmann::json;
  const index::Library& lib = ctx.lib;
  // Entry by entry into one string (the same bytes as dumping one array): a json tree of every
  // entry would double the memory of the largest file of the site.
  std::string out = "[";
  for (const std::vector<index::DocId>* list :
       {&lib.pages, &lib.briefs, &lib.events, &lib.members}) {
    for (index::DocId id : *list) {
      const content::Document& doc = lib.docs[id];
      const std::optional<content::PartialDate> date = content::SortDate(doc);
      const json entry = {
          {"title", doc.title},
          {"summary", CollapseWhitespace(view::SummaryOf(doc), kSearchTextLimit)},
          {"kind", content::KindName(doc.kind)},
          {"date", date ? view::IsoDate(*date) : ""},
          {"url", ctx.Url(lib.PathOf(id))},
          {"text", CollapseWhitespace(doc.rendered.plain_text, kSearchTextLimit)}};
      if (out.size() > 1) out += ',';
      out += entry.dump(-1, ' ', false, json::error_handler_t::replace);
    }
  }
  out += ']';
  return {"search/index.json", std::move(out)};
}

}  // namespace portalgen::feeds
