// The theme's static/ then the site's static/, copied verbatim (the site's file wins).
#ifndef PORTALGEN_OUTPUT_STATIC_COPIER_H_
#define PORTALGEN_OUTPUT_STATIC_COPIER_H_

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "output/output_file.h"

namespace portalgen::output {

/// Each file's `origin` is its path relative to `source_dir` (the site's folder), as
/// diagnostics name files.
std::vector<OutputFile> CollectStaticFiles(const FileSystem& fs, const std::string& theme_static,
                                           const std::string& site_static, DiagnosticSink& sink,
                                           const std::string& source_dir = "");

}  // namespace portalgen::output

#endif  // PORTALGEN_OUTPUT_STATIC_COPIER_H_
