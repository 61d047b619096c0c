// Permissive autolink recognition. A link is a scheme (or "www.", or a user
// name and '@'), a host, and for URLs an optional path, query and fragment.
// Each part is letters and digits with a few punctuation characters, never
// at its end, so that trailing punctuation is left out; and the whole link
// must be set off from the text around it.
#include "markdown/autolink.h"

#include <optional>
#include <vector>

namespace portalgen::markdown {
namespace {

constexpr size_t kNone = std::string_view::npos;

// The characters of one part of a link: letters, digits and `punctuation`.
// In a `joined` part each punctuation character must sit between two letters
// or digits. Otherwise punctuation may go anywhere but at the end, except the
// characters of `may_end`, and `brackets` allows balanced '(' and ')'.
struct PartSyntax {
  std::string_view punctuation;
  bool joined;
  std::string_view may_end;
  bool brackets;
};

constexpr PartSyntax kUserName = {".-_+", true, "", false};
constexpr PartSyntax kHost = {".-_", true, "", false};
// Newer md4c's regressions.txt links paths like "/+/545836" and "/~user" and
// queries like "?v=_tEL8", so these parts are not joined (md4c 0.4.8 agrees).
constexpr PartSyntax kPath = {"/.-_+~", false, "/", false};
constexpr PartSyntax kQuery = {"&.-+_=", false, "", true};
constexpr PartSyntax kFragment = {".-+_", false, "", false};

constexpr std::string_view kSchemes[] = {"http://", "https://", "ftp://"};

// Unicode whitespace (Zs) other than ASCII, in UTF-8.
constexpr std::string_view kUnicodeSpaces[] = {
    "\u00A0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005",
    "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u202F", "\u205F", "\u3000",
};

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool Contains(std::string_view set, char c) { return set.find(c) != std::string_view::npos; }

bool IsAsciiSpace(char c) { return Contains(" \t\n\r\v\f", c); }

bool IsSpaceBefore(std::string_view text, size_t pos) {
  if (IsAsciiSpace(text[pos - 1])) return true;
  for (std::string_view space : kUnicodeSpaces) {
    if (text.substr(0, pos).ends_with(space)) return true;
  }
  return false;
}

bool IsSpaceAt(std::string_view text, size_t pos) {
  if (IsAsciiSpace(text[pos])) return true;
  for (std::string_view space : kUnicodeSpaces) {
    if (text.substr(pos).starts_with(space)) return true;
  }
  return false;
}

// Whether a link may start at `pos`: after whitespace or an opening bracket.
bool OpensAt(std::string_view text, size_t pos, bool open_start) {
  if (pos == 0) return open_start;
  return IsSpaceBefore(text, pos) || Contains("([{", text[pos - 1]);
}

// Whether a link may end at `pos`: before whitespace, a closing bracket or
// punctuation that ends a sentence or clause.
bool ClosesAt(std::string_view text, size_t pos, bool open_end) {
  if (pos == text.size()) return open_end;
  return IsSpaceAt(text, pos) || Contains(")]}.!?,;", text[pos]);
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    const char c =
        text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != prefix[i]) return false;
  }
  return true;
}

// Returns the end of the longest run of `syntax` starting at `pos`. A ')'
// that closes nothing ends the run, and so does an unbalanced '(' before it:
// "(see x.org/?q=a)" and "x.org/?q=a(b" both end the link after the "a".
size_t ScanPart(std::string_view text, size_t pos, const PartSyntax& syntax) {
  std::vector<size_t> unclosed;
  size_t i = pos;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (IsAlnum(c)) continue;
    if (syntax.brackets && c == '(') {
      unclosed.push_back(i);
      continue;
    }
    if (syntax.brackets && c == ')') {
      if (unclosed.empty()) break;
      unclosed.pop_back();
      continue;
    }
    if (!Contains(syntax.punctuation, c)) break;
    if (syntax.joined &&
        (i == pos || !IsAlnum(text[i - 1]) || i + 1 == text.size() || !IsAlnum(text[i + 1]))) {
      break;
    }
  }
  if (!unclosed.empty()) i = unclosed.front();
  // Punctuation at the end belongs to the sentence, not to the link.
  while (i > pos && Contains(syntax.punctuation, text[i - 1]) &&
         !Contains(syntax.may_end, text[i - 1])) {
    --i;
  }
  return i;
}

// Returns the end of a host starting at `pos`, or kNone: it needs at least two
// components separated by '.', the last one at least two characters long.
size_t ScanHost(std::string_view text, size_t pos) {
  const size_t end = ScanPart(text, pos, kHost);
  const size_t last_dot = text.substr(pos, end - pos).rfind('.');
  if (last_dot == kNone || end - pos - last_dot - 1 < 2) return kNone;
  return end;
}

// A part introduced by `lead` ('?' or '#'); a lead with nothing valid after
// it is punctuation after the link, as in "Have you seen http://x.org?".
size_t ScanLedPart(std::string_view text, size_t pos, char lead, const PartSyntax& syntax) {
  if (pos == text.size() || text[pos] != lead) return pos;
  const size_t end = ScanPart(text, pos + 1, syntax);
  return end > pos + 1 ? end : pos;
}

// The optional path, query and fragment after the host of a URL or www link.
size_t ScanUrlTail(std::string_view text, size_t pos) {
  size_t end = pos;
  if (end < text.size() && text[end] == '/') end = ScanPart(text, end, kPath);
  end = ScanLedPart(text, end, '?', kQuery);
  return ScanLedPart(text, end, '#', kFragment);
}

Autolink MakeLink(std::string_view text, size_t begin, size_t end, std::string_view prefix) {
  return Autolink{begin, end, std::string(prefix) + std::string(text.substr(begin, end - begin))};
}

std::optional<Autolink> MatchUrl(std::string_view text, size_t pos) {
  for (std::string_view scheme : kSchemes) {
    if (!StartsWithNoCase(text.substr(pos), scheme)) continue;
    const size_t host_end = ScanHost(text, pos + scheme.size());
    if (host_end == kNone) return std::nullopt;
    return MakeLink(text, pos, ScanUrlTail(text, host_end), "");
  }
  return std::nullopt;
}

std::optional<Autolink> MatchWww(std::string_view text, size_t pos) {
  if (!StartsWithNoCase(text.substr(pos), "www.")) return std::nullopt;
  const size_t host_end = ScanHost(text, pos);  // "www" is the host's first component
  if (host_end == kNone) return std::nullopt;
  return MakeLink(text, pos, ScanUrlTail(text, host_end), "http://");
}

std::optional<Autolink> MatchEmail(std::string_view text, size_t pos) {
  const size_t at = ScanPart(text, pos, kUserName);
  if (at == pos || at == text.size() || text[at] != '@') return std::nullopt;
  const size_t host_end = ScanHost(text, at + 1);
  if (host_end == kNone) return std::nullopt;
  return MakeLink(text, pos, host_end, "mailto:");
}

bool ContainsWww(std::string_view text) {
  for (size_t dot = text.find('.', 3); dot != kNone; dot = text.find('.', dot + 1)) {
    if (StartsWithNoCase(text.substr(dot - 3), "www.")) return true;
  }
  return false;
}

std::optional<Autolink> MatchAt(std::string_view text, size_t pos, AutolinkKinds kinds) {
  std::optional<Autolink> link;
  if (kinds.url) link = MatchUrl(text, pos);
  if (!link && kinds.www) link = MatchWww(text, pos);
  if (!link && kinds.email) link = MatchEmail(text, pos);
  return link;
}

}  // namespace

std::vector<Autolink> FindAutolinks(std::string_view text, AutolinkKinds kinds, bool open_start,
                                    bool open_end) {
  std::vector<Autolink> links;
  // Most text holds no link: leave out the kinds whose marker it lacks, in one pass each,
  // rather than trying every kind at every word.
  if (kinds.email && text.find('@') == kNone) kinds.email = false;
  if (kinds.url && text.find("://") == kNone) kinds.url = false;
  if (kinds.www && !ContainsWww(text)) kinds.www = false;
  if (!kinds.any()) return links;
  size_t pos = 0;
  while (pos < text.size()) {
    std::optional<Autolink> link;
    if (OpensAt(text, pos, open_start)) link = MatchAt(text, pos, kinds);
    // A link that runs into other text is no link at all, not a shorter one.
    if (link && ClosesAt(text, link->end, open_end)) {
      pos = link->end;
      links.push_back(std::move(*link));
    } else {
      ++pos;
    }
  }
  return links;
}

}  // namespace portalgen::markdown
