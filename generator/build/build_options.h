// What a build is asked to do: where the site is, where it goes, and the few switches that
// change what it contains.
#ifndef PORTALGEN_BUILD_BUILD_OPTIONS_H_
#define PORTALGEN_BUILD_BUILD_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace portalgen::build {

struct BuildOptions {
  std::string source_dir = ".";
  std::string output_dir = "public";
  bool drafts = false;
  std::string base_url;  // overrides site.toml's base_url when set
  int jobs = 0;          // 0: all cores
  int64_t now = 0;       // seconds since the epoch: upcoming vs past events
  // The process ends right after this build (the `build` command): Build() leaves its site
  // model, plan and caches to the operating system instead of freeing them piece by piece,
  // which takes ~0.1 s at 10,000 documents (as compilers do: clang's -disable-free).
  bool leave_memory_at_exit = false;
  // Documents keep their Markdown after rendering it: `check` locates problems in bodies with
  // it; Build() does not need it and lets it go (build/markdown_stage.h).
  bool keep_bodies = true;
  // Documents per shard of the library cache (build/library_cache.h); tests make it small so
  // that small sites have several shards.
  size_t library_shard_docs = 64;
};

}  // namespace portalgen::build

#endif  // PORTALGEN_BUILD_BUILD_OPTIONS_H_
