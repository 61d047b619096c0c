#include "base/did_you_mean.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace portalgen {

int EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  // Three rows: previous-previous (for transpositions), previous, current.
  std::vector<int> pp(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      const int cost = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                               std::tolower(static_cast<unsigned char>(b[j - 1]))
                           ? 0
                           : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], pp[j - 2] + 1);
      }
    }
    std::swap(pp, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string Suggest(std::string_view word, const std::vector<std::string>& candidates) {
  // Allow one edit for short words, up to a third of the length for long ones.
  const int limit = std::max(1, static_cast<int>(word.size()) / 3);
  std::vector<std::string> sorted = candidates;
  std::sort(sorted.begin(), sorted.end());
  std::string best;
  int best_distance = std::numeric_limits<int>::max();
  for (const std::string& c : sorted) {
    if (c == word) continue;
    const int d = EditDistance(word, c);
    if (d <= limit && d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string s = Suggest(word, candidates);
  return s.empty() ? std::string() : "did you mean '" + s + "'?";
}

}  // namespace portalgen
