// Atomic publish: write everything into a staging folder beside the output, then swap it in.
// On any failure the previous output stays byte-for-byte as it was.
#ifndef PORTALGEN_OUTPUT_PUBLISHER_H_
#define PORTALGEN_OUTPUT_PUBLISHER_H_

#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/status.h"
#include "output/output_file.h"

namespace portalgen::output {

/// True when `rel` is a safe relative output path (no "..", no absolute path, no '\\').
bool IsSafeOutputPath(const std::string& rel);

/// Writes `files` under a staging folder `<parent>/.<name>.staging`, on up to `jobs` threads
/// (0: one per core; `fs` must take concurrent writes), then renames it to `output_dir` (the
/// old output is moved aside first and removed after the swap).
Status Publish(FileSystem& fs, const std::string& output_dir, const std::vector<OutputFile>& files,
               int jobs = 1);

/// The staging and backup folders Publish uses for `output_dir`.
std::string StagingDir(const std::string& output_dir);
std::string BackupDir(const std::string& output_dir);

}  // namespace portalgen::output

#endif  // PORTALGEN_OUTPUT_PUBLISHER_H_
