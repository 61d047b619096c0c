// Slugs, URLs and output paths: the only place that turns names into paths.
#ifndef PORTALGEN_BASE_PATHS_H_
#define PORTALGEN_BASE_PATHS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace portalgen {

/// The longest slug: a slug names a folder of the output, and file systems refuse names
/// longer than 255 bytes.
inline constexpr size_t kMaxSlugLength = 200;

/// True for a non-empty slug of lowercase a-z, 0-9 and '-' (no leading or trailing '-'), at
/// most kMaxSlugLength characters long.
bool IsValidSlug(std::string_view slug);

/// Turns a free label ("Humanitarian crises") into a slug ("humanitarian-crises").
/// Latin accents are folded; other characters separate words; the slug is cut at
/// kMaxSlugLength. Never empty: a label with no Latin letter or digit gets "x", followed by a
/// hash of the label ("x-5d41402a") when it has characters beyond Latin-1, so that two names
/// in another script (Arabic, Cyrillic, Chinese...) stay apart.
std::string Slugify(std::string_view text);

/// True when `url_path` ("/briefs/x/") is a site path that cannot leave the output folder:
/// starts with '/', has no "..", "\\", NUL or "//" and no scheme.
bool IsSafeSitePath(std::string_view url_path);

/// Site path ("/briefs/x/") -> output file ("briefs/x/index.html"); a path ending in a
/// file name ("/feed.xml") is kept as it is. Requires IsSafeSitePath.
std::string OutputFileFor(std::string_view url_path);

/// base_url "https://x.org/icat/" + site path "/briefs/" -> "https://x.org/icat/briefs/".
std::string AbsoluteUrl(std::string_view base_url, std::string_view url_path);

/// The path part of a base URL ("https://x.org/icat/" -> "/icat/"; none -> "/").
std::string BasePath(std::string_view base_url);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_PATHS_H_
