// "Did you mean" suggestions from an edit distance (after ninja's SpellcheckString).
#ifndef PORTALGEN_BASE_DID_YOU_MEAN_H_
#define PORTALGEN_BASE_DID_YOU_MEAN_H_

#include <string>
#include <string_view>
#include <vector>

namespace portalgen {

/// Levenshtein distance with transpositions counted as one edit.
int EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` within a distance that grows with its length,
/// or "" when none is near. Ties go to the first candidate in sorted order.
std::string Suggest(std::string_view word, const std::vector<std::string>& candidates);

/// "did you mean 'x'?" or "" when there is no suggestion.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_DID_YOU_MEAN_H_
