// One machine-readable output file, made on demand.
#ifndef PORTALGEN_FEEDS_FILE_JOB_H_
#define PORTALGEN_FEEDS_FILE_JOB_H_

#include <functional>
#include <string>

#include "base/file_system.h"
#include "output/output_file.h"
#include "view/view_context.h"

namespace portalgen::feeds {

/// Its path is known before its bytes, so that `serve` can answer for a file it has not made
/// yet. Jobs are independent and may run on any thread. Like view::PageSpec, a job planned from
/// one context may be made with another whose library has the same front matter.
struct FileJob {
  std::string path;  // the output file, as make() names it
  std::function<output::OutputFile(const view::ViewContext&)> make;
  /// Optional, for a file too large to hold at once: make()'s bytes, handed to `put` piece by
  /// piece as they are made (build::PlannedFile::make_in_pieces).
  std::function<void(const view::ViewContext&, const PutPiece& put)> make_in_pieces;
};

}  // namespace portalgen::feeds

#endif  // PORTALGEN_FEEDS_FILE_JOB_H_
