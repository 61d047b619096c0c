// Publishing the built site without ever showing a half-built one, and writing only what
// changed. Files arrive one by one (from several threads); each is compared with what the
// output already holds (by the hash in the previous manifest, or by its bytes when there is
// no trusted manifest); only new or changed files are written, into a staging folder beside
// the output. Commit() then moves them into place and removes files the site no longer has.
// Until Commit(), the output is untouched: a failed or interrupted build calls Abort() and
// leaves it byte for byte as it was.
#ifndef PORTALGEN_OUTPUT_PUBLISHER_H_
#define PORTALGEN_OUTPUT_PUBLISHER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/file_system.h"
#include "base/status.h"
#include "output/output_file.h"

namespace portalgen::output {

/// Every file of a published site: path (relative to the output folder) -> content hash.
using Manifest = std::map<std::string, uint64_t>;

/// True when `rel` is a safe relative output path (no "..", no absolute path, no '\\').
bool IsSafeOutputPath(const std::string& rel);

class Publisher {
 public:
  /// `previous` is the manifest of what `output_dir` holds now, when the build cache is
  /// trusted; without it, files are compared with the output's bytes.
  Publisher(FileSystem& fs, std::string output_dir, std::optional<Manifest> previous);

  /// Removes leftovers of an interrupted run. Call once, before Add().
  Status Begin();
  /// Makes, on `jobs` threads, the staging folders of the files at `paths` that Add() will
  /// write, when every file will be written (a fresh output); otherwise does nothing. Each
  /// thread makes all the folders of one parent (every page folder under "events/", say): two
  /// threads making folders in one parent wait for each other (Linux locks the parent for
  /// each mkdir), and threads making pages in plan order would always do so. Errors are left
  /// for Add(), which makes a folder that is still missing.
  void PrepareFolders(const std::vector<std::string>& paths, int jobs);
  /// Takes one file of the new site. Thread-safe. Errors are kept for Commit().
  void Add(const OutputFile& file);
  /// Add() of a file whose bytes `source` makes piece by piece: each piece is hashed and
  /// written into staging as it comes, so that the whole file is never held in memory (the
  /// search index: 45 MB at 10,000 documents). An unchanged file is found by its hash alone.
  void AddInPieces(const std::string& path, const PieceSource& source);
  /// Keeps the output's file at `path` as the previous manifest has it, without making it
  /// again: for builds that know the file cannot have changed. False when the previous
  /// manifest does not list it.
  bool Keep(const std::string& path);
  /// The first problem among the files added (by path), or a path added twice; Ok otherwise.
  Status Check() const;
  /// Puts the new site in place. On error the output is left as it was, when it can be.
  Status Commit();
  /// Drops everything staged; the output stays as it was.
  void Abort();

  /// After Commit(): the manifest of the output, and how many files were written / removed.
  const Manifest& manifest() const { return next_; }
  /// The manifest, moved out: manifest() is empty afterwards.
  Manifest TakeManifest() { return std::move(next_); }
  size_t written() const { return staged_.size(); }
  size_t removed() const { return removed_; }

 private:
  /// Whether the output already holds the file at `path` with the bytes of hash `hash`
  /// (`bytes`, when the caller has them whole).
  bool Unchanged(const std::string& path, uint64_t hash, const std::string* bytes) const;
  /// The staging folder of the file at `path`, made once.
  Status StagingFolderFor(const std::string& path);
  Status Stage(const OutputFile& file);
  /// Enters the file at `path` in the new manifest, with what became of it.
  void Record(const std::string& path, uint64_t hash, bool staged, Status written);
  /// A path that is not IsSafeOutputPath() is an error, kept for Commit().
  bool Refuse(const std::string& path);
  /// The writer into the staging folder, made (with the folder) on first use.
  FolderWriter& Staging();
  Status CommitInPlace();

  FileSystem& fs_;
  std::string output_dir_;
  std::string staging_;
  std::optional<Manifest> previous_;
  bool fresh_ = false;  // no output yet: the staging folder becomes the output

  mutable std::mutex mu_;
  Manifest next_;
  std::vector<std::string> staged_;          // paths written into staging
  std::mutex folders_mu_;
  std::unique_ptr<FolderWriter> staging_writer_;  // under folders_mu_
  std::unordered_set<std::string> folders_;       // staging folders made so far, relative
  std::map<std::string, Status> errors_;     // by path, so the first one reported is stable
  std::map<std::string, int> clashes_;       // paths added more than once
  size_t removed_ = 0;
};

/// Publishes a complete list of files (no previous manifest): the convenience form.
Status Publish(FileSystem& fs, const std::string& output_dir, const std::vector<OutputFile>& files,
               int jobs = 1);

/// The staging folder Publisher uses for `output_dir`: `<parent>/.<name>.staging`.
std::string StagingDir(const std::string& output_dir);

}  // namespace portalgen::output

#endif  // PORTALGEN_OUTPUT_PUBLISHER_H_
