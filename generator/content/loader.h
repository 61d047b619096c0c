// Walks content/ through the FileSystem and turns every .md file into a Document.
#ifndef PORTALGEN_CONTENT_LOADER_H_
#define PORTALGEN_CONTENT_LOADER_H_

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/text_blocks.h"
#include "content/document.h"

namespace portalgen::content {

struct LoadOptions {
  bool drafts = false;  // keep documents with draft = true
  int jobs = 0;         // threads; 0 = all cores
};

/// Loads `<source_dir>/content/**.md` in file-name order. Diagnostics name paths relative to
/// `source_dir` ("content/events/x.md"). Files with errors are still returned where their
/// front matter parsed, so later stages can report their own errors too.
std::vector<Document> LoadContent(const FileSystem& fs, const std::string& source_dir,
                                  const LoadOptions& options, DiagnosticSink& sink);

/// LoadContent, each document made on the heap by the thread that loaded it: what the index
/// stage keeps (index::DocList), without moving ~1.5 KB per document on one thread afterwards.
std::vector<std::shared_ptr<Document>> LoadSharedContent(const FileSystem& fs,
                                                         const std::string& source_dir,
                                                         const LoadOptions& options,
                                                         DiagnosticSink& sink);

/// Loads one file's bytes as a Document of the kind its path implies. `rel_path` is relative
/// to the site root ("content/briefs/x.md"). The document keeps `bytes`, normalised, as its
/// source text: copied into `blocks` when given (as LoadSharedContent does), else as they are.
std::optional<Document> LoadDocument(const std::string& rel_path, std::string bytes,
                                     DiagnosticSink& sink, TextBlocks* blocks = nullptr);

}  // namespace portalgen::content

#endif  // PORTALGEN_CONTENT_LOADER_H_
