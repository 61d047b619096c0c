#include "feeds/feed_entries.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace portalgen::feeds {

std::optional<content::OffsetDateTime> FeedDate(const content::Document& doc) {
  if (doc.kind == content::Kind::kEvent) return doc.event.start;
  if (doc.kind != content::Kind::kBrief || !doc.brief.date) return std::nullopt;
  const content::PartialDate& d = *doc.brief.date;
  content::OffsetDateTime t;
  t.year = d.year;
  t.month = d.month == 0 ? 1 : d.month;
  t.day = d.day == 0 ? 1 : d.day;
  return t;
}

std::vector<FeedEntry> SelectEntries(const index::Library& lib,
                                     const std::vector<index::DocId>& ids, int limit) {
  // One document may come through two lists (a member's briefs and events never overlap, but a
  // caller may pass duplicates): each is taken once.
  std::vector<bool> taken(lib.docs.size());
  std::vector<FeedEntry> out;
  out.reserve(ids.size());
  for (index::DocId id : ids) {
    if (taken[id]) continue;
    taken[id] = true;
    if (std::optional<content::OffsetDateTime> date = FeedDate(lib.docs[id])) {
      out.push_back({id, *date, date->UnixSeconds()});
    }
  }
  // A total order (no two documents share kind and slug), so the first `limit` come out the
  // same however they are found: only those are sorted, not the thousands of a site feed.
  const auto newer = [&](const FeedEntry& a, const FeedEntry& b) {
    const content::Document& da = lib.docs[a.id];
    const content::Document& db = lib.docs[b.id];
    return std::tie(b.seconds, da.title, da.slug, da.kind) <
           std::tie(a.seconds, db.title, db.slug, db.kind);
  };
  if (limit > 0 && out.size() > static_cast<size_t>(limit)) {
    std::partial_sort(out.begin(), out.begin() + limit, out.end(), newer);
    out.resize(limit);
  } else {
    std::sort(out.begin(), out.end(), newer);
  }
  return out;
}

std::string Origin(const std::string& base_url) {
  const size_t scheme = base_url.find("://");
  if (scheme == std::string::npos) return "";
  const size_t slash = base_url.find('/', scheme + 3);
  return base_url.substr(0, slash);
}

namespace {

// True when the URL at `pos` starts with a scheme ("https:", "mailto:").
bool HasScheme(const std::string& html, size_t pos) {
  size_t i = pos;
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '+' ||
                             html[i] == '-' || html[i] == '.')) {
    ++i;
  }
  return i > pos && i < html.size() && html[i] == ':' &&
         std::isalpha(static_cast<unsigned char>(html[pos]));
}

// Writes what makes the URL starting at `pos` (after the opening quote) absolute: the origin
// before a root-relative path, the page's URL before a fragment or a page-relative path.
void RewriteUrl(const std::string& html, size_t pos, const std::string& origin,
                const std::string& page_url, std::string& out) {
  const char quote = html[pos - 1];
  if (html.compare(pos, 2, "//") == 0 || HasScheme(html, pos) || html[pos] == quote) return;
  out += html[pos] == '/' ? origin : page_url;
}

}  // namespace

std::string AbsoluteHtml(const std::string& html, const std::string& origin,
                         const std::string& page_url) {
  if (origin.empty()) return html;
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  size_t pos = 0;
  // The next "href=" and "src=" from `pos` on, each looked for again only once passed: looking
  // for both after every match made a body with many links and no image quadratic.
  size_t href = html.find("href=");
  size_t src = html.find("src=");
  while (pos < html.size()) {
    if (href < pos) href = html.find("href=", pos);
    if (src < pos) src = html.find("src=", pos);
    const size_t at = std::min(href, src);
    if (at == std::string::npos) break;
    const size_t value = at + (at == href ? 5 : 4);
    const bool quoted = value < html.size() && (html[value] == '"' || html[value] == '\'');
    const bool attribute = at > 0 && (html[at - 1] == ' ' || html[at - 1] == '\n');
    out.append(html, pos, value + (quoted ? 1 : 0) - pos);
    pos = value + (quoted ? 1 : 0);
    if (quoted && attribute && pos < html.size()) RewriteUrl(html, pos, origin, page_url, out);
  }
  out.append(html, pos, std::string::npos);
  return out;
}

content::OffsetDateTime EmptyFeedDate() { return content::OffsetDateTime{1970, 1, 1}; }

}  // namespace portalgen::feeds
