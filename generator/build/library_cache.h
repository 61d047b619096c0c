// The library cache: the last build's index::Library (every document with its front matter
// and links, and the indices), kept beside the build cache so that a build that only
// edits Markdown bodies starts from it instead of parsing and rendering every file again.
//
// It is stored in shards: one for the indices, then, per 64 documents, one for their front
// matter and everything else and one for their links and the hashes of their plain texts (the
// texts themselves are in the output's search index, which the same build wrote: reading them
// from there spares every full build writing them twice); each a binary file named
// by the hash of its bytes in `<parent>/.portalgen-cache/<output>.library/`. A build that edits
// one body reads every front shard but only the text shards of the documents it edits and of
// those the files it makes again show. The body HTML is not kept: it was most of a library's
// bytes (58 of 122 MB at 10,000 documents), and the few bodies a body edit shows again cost
// less to render again from their files (build/incremental.h) than all of them cost to write
// on every full build.
// The build cache lists the shards of its library; a shard is trusted only when its bytes
// still hash to its name and decode completely. Documents keep only the bytes before their
// body (`Document::source`; `body` is empty): enough to compare front matter and to quote it
// in a diagnostic, and to find the body in the file when it must be rendered again.
#ifndef PORTALGEN_BUILD_LIBRARY_CACHE_H_
#define PORTALGEN_BUILD_LIBRARY_CACHE_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/status.h"
#include "build/build_cache.h"
#include "index/library.h"

namespace portalgen::build {

/// Documents per shard (BuildOptions::library_shard_docs; tests use fewer). A library written
/// with one size is read only with the same size.
inline constexpr size_t kShardDocs = 64;

/// Where the library cache of `output_dir` lives.
inline std::string LibraryCacheDir(const std::string& output_dir) {
  return CachePath(output_dir, ".library");
}

/// Writes the shards of `lib` into `dir` and returns their hashes (the index shard first).
/// With `previous` (the shard list of a library with the same documents in the same order and
/// the same indices), only the shards holding the documents in `changed` are written again.
Result<std::vector<uint64_t>> WriteLibraryCache(FileSystem& fs, const std::string& dir,
                                                const index::Library& lib,
                                                const std::vector<uint64_t>* previous,
                                                const std::set<index::DocId>& changed, int jobs,
                                                size_t shard_docs = kShardDocs);

/// The library stored in `shards`, without the documents' HTML and plain text (empty): the
/// text is read by ReadLibraryBodies, for the documents that need it. Nullopt with `why` set
/// when a shard is missing or damaged.
std::optional<index::Library> ReadLibraryCache(const FileSystem& fs, const std::string& dir,
                                               const std::vector<uint64_t>& shards, int jobs,
                                               std::string& why, size_t shard_docs = kShardDocs);

/// For the documents whose plain text `wanted` asks for (content::kBodyPlainText bits, by
/// DocId) and `loaded` does not have yet, reads their text shards: the links and the plain
/// text's hash of every document in them (markdown::Rendered::links, wiki_targets,
/// broken_wiki_links, plain_text_hash: empty until then). With `search_index`, the bytes of the
/// search/index.json the same build wrote, it then takes the wanted texts from there (each
/// must hash to what its shard recorded) and marks them in `loaded` (kBodyFirstParagraph is
/// always there; `wanted`'s other bits are left to the caller). False with `why` set when a
/// shard is missing or damaged, or the search index does not hold the texts the shards expect.
bool ReadLibraryBodies(const FileSystem& fs, const std::string& dir,
                       const std::vector<uint64_t>& shards, const std::vector<uint8_t>& wanted,
                       int jobs, index::Library& lib, std::vector<uint8_t>& loaded,
                       std::string& why, size_t shard_docs = kShardDocs,
                       const std::string* search_index = nullptr);

/// Removes the files of `dir` that `shards` does not list.
void PruneLibraryCache(FileSystem& fs, const std::string& dir, const std::vector<uint64_t>& shards);

}  // namespace portalgen::build

#endif  // PORTALGEN_BUILD_LIBRARY_CACHE_H_
