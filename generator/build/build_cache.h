// The build cache: what the last successful build read and wrote, kept beside the output in
// `<parent>/.portalgen-cache/<output name>.build`. It lets `portalgen build` stop at once when
// no input changed, and write only the files whose bytes changed when some did.
//
// It is a hint, never trusted blindly: a cache that is missing, unreadable, truncated, from
// another generator binary or for other options is ignored (with a note) and the build
// compares its files with the output's bytes instead.
#ifndef PORTALGEN_BUILD_BUILD_CACHE_H_
#define PORTALGEN_BUILD_BUILD_CACHE_H_

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "output/publisher.h"

namespace portalgen::build {

/// One input file: its stamp (to skip re-reading it) and the hash of its bytes.
struct InputEntry {
  FileStamp stamp;
  uint64_t hash = 0;
  bool operator==(const InputEntry&) const = default;
};
using InputSet = std::map<std::string, InputEntry>;  // by path

/// One entry of BuildCache::body_reads: a document (DocId) and the content::BodyPart bits read.
inline uint64_t BodyRead(size_t doc, uint8_t parts) { return (uint64_t{doc} << 3) | parts; }
inline size_t BodyReadDoc(uint64_t read) { return static_cast<size_t>(read >> 3); }
inline uint8_t BodyReadParts(uint64_t read) { return static_cast<uint8_t>(read & 7); }

struct BuildCache {
  uint64_t generator = 0;  // hash of the portalgen binary that wrote it
  uint64_t options = 0;    // hash of the build options that shape the output
  // The output is the same for every `now` in (now_after, now_until]: between two event starts.
  int64_t now_after = std::numeric_limits<int64_t>::min();
  int64_t now_until = std::numeric_limits<int64_t>::max();
  InputSet inputs;
  output::Manifest outputs;
  /// Output path -> the Markdown bodies it read (BodyRead()), sorted by DocId. Files that read no
  /// body are not listed.
  std::map<std::string, std::vector<uint64_t>> body_reads;
  /// The shards of the library cache (build/library_cache.h); empty when there is none.
  std::vector<uint64_t> library;
  /// The warnings of that build, sorted: a build that changes nothing reports them again, as
  /// a build without the cache would (inputs unchanged, so the warnings too).
  std::vector<Diagnostic> warnings;
};

/// Where the cache of `output_dir` lives: `<parent>/.portalgen-cache/<name><suffix>`; other
/// suffixes name the build cache's companions (the library cache's ".library" folder).
std::string CachePath(const std::string& output_dir, std::string_view suffix = ".build");

/// The cache at `path`; nullopt with `why` set when there is none or it cannot be trusted.
std::optional<BuildCache> ReadCache(const FileSystem& fs, const std::string& path,
                                    std::string& why);
Status WriteCache(FileSystem& fs, const std::string& path, const BuildCache& cache);

/// Every input of a site (site.toml, content/, static/, themes/) with stamps and hashes. Files
/// whose stamp matches `known` keep its hash; others are read and hashed, on `jobs` threads;
/// or, with `unhashed`, listed there with hash 0 for the caller to hash when it reads them.
InputSet ScanInputs(const FileSystem& fs, const std::string& source_dir, const InputSet& known,
                    int jobs, std::vector<std::string>* unhashed = nullptr);

/// Hash of the running generator: of its GNU build ID, else of its executable's bytes (the
/// version when unreadable).
uint64_t GeneratorFingerprint(const FileSystem& fs);

}  // namespace portalgen::build

#endif  // PORTALGEN_BUILD_BUILD_CACHE_H_
