// Target "front_matter": the raw bytes of one content file (or of site.toml) through the loader:
// UTF-8 check, front-matter split, TOML, schema validation; then the cross-reference and time
// zone checks against two fixed documents, and the diagnostics formatted as the CLI prints them.
#ifndef PORTALGEN_FUZZ_FRONT_MATTER_TARGET_H_
#define PORTALGEN_FUZZ_FRONT_MATTER_TARGET_H_

#include <cstdint>
#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "config/site_config.h"
#include "content/loader.h"
#include "fuzz_input.h"
#include "index/library.h"
#include "tz/zones.h"

namespace portalgen::fuzz {

/// Input: one byte choosing the file (page, brief, event, member, site.toml), then its bytes.
inline void FrontMatterTarget(const uint8_t* data, size_t size) {
  static const char* const kPaths[] = {"content/about.md", "content/briefs/fuzz.md",
                                       "content/events/fuzz.md", "content/members/fuzz.md",
                                       "site.toml"};
  FuzzInput in(data, size);
  const std::string path = kPaths[in.Byte() % 5];
  MemoryFileSystem fs;
  fs.Write("site/" + path, in.Rest());
  DiagnosticSink sink;
  if (path == "site.toml") {
    config::LoadSiteConfig(fs, "site", sink);
  } else {
    fs.Write("site/content/members/alpha.md",
             "+++\ntitle = \"Alpha\"\nacronym = \"ALPHA\"\nstatus = \"member\"\n+++\n");
    fs.Write("site/content/briefs/first.md",
             "+++\ntitle = \"First\"\nkind = \"annual-report\"\ndate = 2022-05-20\n+++\nText.\n");
    config::SiteConfig config;
    config.priorities = {{1, "evidence", "Evidence", ""}};
    index::Library lib =
        index::BuildLibrary(content::LoadContent(fs, "site", {true, 1}, sink), config, sink);
    tz::CheckEventZones(lib, sink);
  }
  FormatDiagnostics(sink.Sorted());
}

}  // namespace portalgen::fuzz

#endif  // PORTALGEN_FUZZ_FRONT_MATTER_TARGET_H_
