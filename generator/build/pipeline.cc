#include "build/pipeline.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

#include "base/cancel.h"
#include "base/hash.h"
#include "base/paths.h"
#include "base/read_once_file_system.h"
#include "base/stage_clock.h"
#include "base/thread_pool.h"
#include "build/build_cache.h"
#include "build/incremental.h"
#include "build/library_cache.h"
#include "build/markdown_stage.h"
#include "build/site_model.h"
#include "build/site_plan.h"
#include "feeds/search_index.h"
#include "output/publisher.h"

namespace portalgen::build {

namespace {

class StageTimer {
 public:
  explicit StageTimer(BuildResult& result) : result_(result) {}
  void Done(const char* stage) { clock_.Done(stage, result_.timings); }

 private:
  BuildResult& result_;
  StageClock clock_;
};

// The body reads of the files a build made, by plan position, in the build cache's form.
class ReadLog {
 public:
  explicit ReadLog(const SitePlan& plan)
      : encoder_(plan.model().lib), by_file_(plan.files().size()), made_(plan.files().size()) {}
  // Called once per position, from any thread.
  void Set(size_t at, const content::BodyReads& reads) {
    by_file_[at] = encoder_.Encode(reads);
    made_[at] = 1;
  }
  bool made(size_t at) const { return made_[at] != 0; }
  std::vector<uint64_t>& at(size_t i) { return by_file_[i]; }

 private:
  BodyReadEncoder encoder_;
  std::vector<std::vector<uint64_t>> by_file_;
  std::vector<char> made_;  // not vector<bool>: threads set neighbouring slots
};

// Makes the plan's files at positions `which`, in that order, on the thread pool, and hands
// each to `out` at once: a page's view and HTML live only while that page is being made. With
// `log`, each file's body reads are recorded there.
void MakeFiles(const SitePlan& plan, const std::vector<size_t>& which, int jobs,
               DiagnosticSink& diagnostics, FileSink& out, ReadLog* log,
               const std::function<void(size_t at)>& made = nullptr) {
  ParallelFor(which.size(), jobs, [&](size_t i) {
    if (CancelRequested()) return;
    const size_t at = which[i];
    const PlannedFile& file = plan.files()[at];
    content::BodyReads reads;
    std::optional<std::string> bytes;
    {
      content::BodyReadScope scope(log ? &reads : nullptr);
      if (file.make_in_pieces) {
        out.AddInPieces(at, file.path,
                        [&](const PutPiece& put) { file.make_in_pieces(plan.context(), put); });
      } else {
        bytes = file.make(plan.context(), diagnostics);
      }
    }
    if (log) log->Set(at, reads);
    if (bytes) out.Add(at, {file.path, std::move(*bytes)});
    if (made) made(at);
  });
}

// Positions [begin, end), forwards or backwards.
std::vector<size_t> Positions(size_t begin, size_t end, bool backwards = false) {
  std::vector<size_t> out(end - begin);
  for (size_t i = 0; i < out.size(); ++i) out[i] = backwards ? end - 1 - i : begin + i;
  return out;
}

// The `now` interval in which upcoming-versus-past, hence the output, stays the same.
GenerationFacts NowWindow(const index::Library& lib, int64_t now) {
  GenerationFacts facts{std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()};
  for (index::DocId id : lib.events) {
    const int64_t start = lib.docs[id].event.start.UnixSeconds();
    if (start < now)
      facts.now_after = std::max(facts.now_after, start);
    else
      facts.now_until = std::min(facts.now_until, start);
  }
  return facts;
}

bool Stop(const DiagnosticSink& sink, BuildResult& result) {
  result.diagnostics = sink.Sorted();
  return sink.has_errors();
}

struct Generation {
  std::shared_ptr<const SiteModel> model;
  GenerationFacts facts;
  // The plan's files with the body reads of those made (with a read log), for the build cache.
  std::shared_ptr<const SitePlan> plan;
  std::shared_ptr<ReadLog> reads;
};

// Called with the site model as soon as it is complete, before anything is planned or made.
using ModelReady = std::function<void(const std::shared_ptr<const SiteModel>&)>;

std::optional<Generation> Run(const FileSystem& fs, const BuildOptions& options,
                              BuildResult& result, FileSink& out, bool record_reads,
                              const ModelReady& model_ready = nullptr) {
  DiagnosticSink sink;
  StageTimer timer(result);
  std::optional<SiteModel> loaded =
      LoadModel(fs, options, sink, [&timer](const char* stage) { timer.Done(stage); });
  result.documents = loaded ? loaded->lib.docs.size() : 0;
  if (!loaded) {
    Stop(sink, result);
    return std::nullopt;
  }
  // Shared read-only with the plan and the library cache; `owned` only frees what the build
  // is done with (ReleasePlainTexts).
  auto owned = std::make_shared<SiteModel>(std::move(*loaded));
  std::shared_ptr<const SiteModel> model = owned;
  if (model_ready) model_ready(model);
  auto plan = std::make_shared<const SitePlan>(model, sink);
  if (Stop(sink, result)) return std::nullopt;
  auto log = record_reads ? std::make_shared<ReadLog>(*plan) : nullptr;
  timer.Done("plan");
  out.Expect(*plan, options.jobs);
  timer.Done("folders");

  // The search index, the largest file (45 MB at 10,000 pages), is made first, beside the
  // first pages: made with the feeds, its bytes were alive at once with every memoised feed
  // entry, and the build's peak memory was ~40 MB higher. It is the only reader of the plain
  // texts: once it is made, a build frees them (the library cache written beside reads only
  // their hashes), and the pages' own memos take their memory.
  std::vector<size_t> pages = Positions(0, plan->pages());
  std::vector<size_t> others = Positions(plan->pages(), plan->files().size(), true);
  const std::optional<size_t> index = plan->Find(feeds::kSearchIndexPath);
  if (index) {
    others.erase(std::remove(others.begin(), others.end(), *index), others.end());
    pages.insert(pages.begin(), *index);
  }
  std::function<void(size_t)> made;
  if (!options.keep_bodies && index) {
    made = [&lib = owned->lib, index](size_t at) {
      if (at == *index) ReleasePlainTexts(lib);
    };
  } else if (!options.keep_bodies) {
    ReleasePlainTexts(owned->lib);
  }
  MakeFiles(*plan, pages, options.jobs, sink, out, log.get(), made);
  result.pages = plan->pages();
  // The pages' recorded card texts (~30 MB at 10,000 pages) serve no feed: their memory goes
  // to the feeds' own memos instead of adding to the build's peak.
  plan->context().memo->fragments.Clear();
  timer.Done("pages");
  // Backwards: the plan ends with the sitemap, the largest of the other files; started first,
  // it runs beside the thousands of small feeds instead of after them.
  MakeFiles(*plan, others, options.jobs, sink, out, log.get());
  timer.Done("feeds");
  if (Stop(sink, result) || CancelRequested()) return std::nullopt;
  return Generation{model, NowWindow(model->lib, options.now), plan, log};
}

// Keeps every file, in pipeline order: for check, serve and tests.
class Collector : public FileSink {
 public:
  void Add(size_t order, output::OutputFile file) override {
    std::lock_guard<std::mutex> lock(mu_);
    files_.emplace_back(order, std::move(file));
  }
  std::vector<output::OutputFile> Take() {
    std::sort(files_.begin(), files_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<output::OutputFile> out;
    out.reserve(files_.size());
    for (auto& [order, file] : files_) out.push_back(std::move(file));
    return out;
  }

 private:
  std::mutex mu_;
  std::vector<std::pair<size_t, output::OutputFile>> files_;
};

class PublisherSink : public FileSink {
 public:
  explicit PublisherSink(output::Publisher& publisher) : publisher_(publisher) {}
  void Add(size_t, output::OutputFile file) override { publisher_.Add(file); }
  void AddInPieces(size_t, const std::string& path, const PieceSource& source) override {
    publisher_.AddInPieces(path, source);
  }
  void Expect(const SitePlan& plan, int jobs) override {
    std::vector<std::string> paths;
    paths.reserve(plan.files().size());
    for (const PlannedFile& file : plan.files()) paths.push_back(file.path);
    publisher_.PrepareFolders(paths, jobs);
  }

 private:
  output::Publisher& publisher_;
};

// The options that change what is written (not --jobs, which never does).
uint64_t OptionsKey(const BuildOptions& options) {
  return Hasher().Add(options.base_url).Add(options.drafts ? 1 : 0).Digest();
}

void Fail(BuildResult& result, const std::string& path, const std::string& message,
          const std::string& hint) {
  result.diagnostics.push_back({Diagnostic::Severity::kError, path, 0, 0, message, hint, {}});
}

// Fills in the hashes the scan left to the build: from the build's reads, else by reading.
void HashInputs(const ReadOnceFileSystem& sources, const std::vector<std::string>& unhashed,
                InputSet& inputs) {
  for (const std::string& path : unhashed) {
    std::optional<uint64_t> hash = sources.HashOf(path);
    if (!hash) {
      Result<std::string> bytes = sources.Read(path);
      if (bytes.ok()) hash = Hash64(bytes.value());
    }
    if (hash) {
      inputs[path].hash = *hash;
    } else {
      inputs.erase(path);  // gone meanwhile: the next build sees it as changed
    }
  }
}

}  // namespace

std::optional<GenerationFacts> GenerateTo(const FileSystem& fs, const BuildOptions& options,
                                          BuildResult& result, FileSink& sink) {
  std::optional<Generation> g = Run(fs, options, result, sink, false);
  if (!g) return std::nullopt;
  return g->facts;
}

std::optional<GeneratedSite> Generate(const FileSystem& fs, const BuildOptions& options,
                                      BuildResult& result) {
  Collector collector;
  std::optional<Generation> g = Run(fs, options, result, collector, false);
  if (!g) return std::nullopt;
  return GeneratedSite{g->model->config, g->model->lib, collector.Take()};
}

namespace {

// The warnings of a build that edited the files `changed`: the last build's for every other
// file, and this one's (any file: site.toml and the theme were loaded again), each once.
std::vector<Diagnostic> WarningsAfterEdit(const std::vector<Diagnostic>& last,
                                          const std::vector<std::string>& changed,
                                          const std::string& source_dir,
                                          const DiagnosticSink& now) {
  std::vector<Diagnostic> out = now.Sorted();
  const auto key = [](const Diagnostic& d) { return std::tie(d.path, d.line, d.col, d.message); };
  const auto before = [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); };
  const std::set<std::string> edited(changed.begin(), changed.end());
  const size_t made_now = out.size();
  for (const Diagnostic& d : last) {
    if (edited.count(JoinPath(source_dir, d.path))) continue;
    const auto [first, end] = std::equal_range(out.begin(), out.begin() + made_now, d, before);
    if (std::find(first, end, d) == end) out.push_back(d);
  }
  SortDiagnostics(out);
  return out;
}

// A build from the last one's library, making again only the files that read an edited body
// (build/incremental.h). Nullopt when that does not apply or failed; then the publisher holds
// nothing and the caller builds everything, which reports any error in full.
std::optional<Generation> RunIncremental(const FileSystem& fs, const BuildOptions& options,
                                         const BuildCache& cache,
                                         const std::vector<std::string>& changed,
                                         BuildResult& result, output::Publisher& publisher,
                                         BodyChanges& changes) {
  if (cache.library.empty()) return std::nullopt;
  BuildResult attempt;  // its timings count only if it succeeds
  StageTimer timer(attempt);
  DiagnosticSink sink;
  EditRefusal refusal;
  std::optional<EditedModel> edited =
      ModelWithEditedBodies(fs, options, cache, changed, sink, refusal);
  if (!edited) {
    if (refusal.damaged_cache) result.notes.push_back(refusal.why + ": building everything");
    return std::nullopt;
  }
  timer.Done("load");
  auto plan = std::make_shared<const SitePlan>(edited->model, sink);
  std::optional<std::vector<size_t>> remake = FilesToRemake(*plan, cache, edited->remake);
  if (sink.has_errors() || !remake) return std::nullopt;
  timer.Done("plan");

  auto log = std::make_shared<ReadLog>(*plan);
  PublisherSink out(publisher);
  MakeFiles(*plan, *remake, options.jobs, sink, out, log.get());
  const bool all_loaded = std::all_of(remake->begin(), remake->end(), [&](size_t i) {
    return BodiesLoaded(log->at(i), edited->loaded);
  });
  if (!all_loaded) {
    result.notes.push_back(
        "an edited body shows where the build cache did not expect it: "
        "building everything");
  }
  if (!all_loaded || sink.has_errors() || CancelRequested()) {
    publisher.Abort();
    return std::nullopt;
  }
  for (size_t i = 0; i < plan->files().size(); ++i) {
    if (!log->made(i)) publisher.Keep(plan->files()[i].path);
  }
  timer.Done("remake");
  result.diagnostics = WarningsAfterEdit(cache.warnings, changed, options.source_dir, sink);
  result.documents = edited->model->lib.docs.size();
  result.pages =
      std::count_if(remake->begin(), remake->end(), [&](size_t i) { return i < plan->pages(); });
  result.incremental = true;
  result.timings.insert(result.timings.end(), attempt.timings.begin(), attempt.timings.end());
  changes = std::move(edited->changes);
  return Generation{edited->model, NowWindow(edited->model->lib, options.now), plan, log};
}

// The body reads of every file of `g`: the last cache's (taken from it), with those of the
// files made now.
std::map<std::string, std::vector<uint64_t>> BodyReadsAfter(const Generation& g, BuildCache* last) {
  std::map<std::string, std::vector<uint64_t>> reads;
  if (last) reads = std::move(last->body_reads);
  const std::vector<PlannedFile>& files = g.plan->files();
  for (size_t i = 0; i < files.size(); ++i) {
    if (!g.reads->made(i)) continue;  // kept as it was, with its reads
    if (g.reads->at(i).empty()) {
      reads.erase(files[i].path);
    } else {
      reads[files[i].path] = std::move(g.reads->at(i));
    }
  }
  return reads;
}

// Keeps `value` alive until the process ends, when `leave` is set (BuildOptions::
// leave_memory_at_exit); otherwise lets it go now. Parked values stay reachable from a static
// pointer, so leak checkers (LeakSanitizer) do not count them as leaks.
void Park(std::shared_ptr<void> value) {
  static auto* parked = new std::vector<std::shared_ptr<void>>();  // never deleted
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  parked->push_back(std::move(value));
}
template <typename T>
void LeaveAtExit(bool leave, T&& value) {
  if (leave) Park(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

// A publisher for the output, begun; null after reporting why it cannot start.
std::unique_ptr<output::Publisher> StartPublisher(FileSystem& fs, const BuildOptions& options,
                                                  const std::optional<BuildCache>& cache,
                                                  BuildResult& result) {
  auto publisher = std::make_unique<output::Publisher>(
      fs, options.output_dir,
      cache ? std::optional<output::Manifest>(cache->outputs) : std::nullopt);
  if (Status s = publisher->Begin(); !s.ok()) {
    Fail(result, options.output_dir, "cannot prepare the output: " + s.message(),
         "check that the output folder's parent exists and is writable");
    return nullptr;
  }
  return publisher;
}

// Writes the library cache of `model` (build/library_cache.h) on a thread of its own: its
// shards depend only on the model. A full build starts it as soon as the model is complete, so
// that it runs while the plan is made on one core (the other would wait) instead of at the
// end; an incremental build, after its files. `previous` is the shard list of the cache an
// incremental build started from, updated where `changes` say; else null. Shards written for a
// build that then fails are not listed by any cache: the next build that saves one prunes them.
class LibraryCacheWrite {
 public:
  LibraryCacheWrite(FileSystem& fs, const BuildOptions& options,
                    std::shared_ptr<const SiteModel> model, const std::vector<uint64_t>* previous,
                    const BodyChanges& changes)
      : dir_(LibraryCacheDir(options.output_dir)) {
    std::set<index::DocId> changed;
    for (const auto& [id, parts] : changes) changed.insert(id);
    auto write = [this, &fs, &options, model = std::move(model), previous,
                  changed = std::move(changed)] {
      shards_ = WriteLibraryCache(fs, dir_, model->lib, previous, changed, options.jobs,
                                  options.library_shard_docs);
    };
    if (options.jobs == 1) {
      write();
    } else {
      thread_ = std::jthread(std::move(write));
    }
  }
  LibraryCacheWrite(const LibraryCacheWrite&) = delete;  // the thread refers to this object
  LibraryCacheWrite& operator=(const LibraryCacheWrite&) = delete;
  const std::string& dir() const { return dir_; }
  /// The shards' hashes, once written.
  Result<std::vector<uint64_t>>& Wait() {
    if (thread_.joinable()) thread_.join();
    return shards_;
  }

 private:
  std::string dir_;
  Result<std::vector<uint64_t>> shards_ = Status::Io("not written");
  std::jthread thread_;
};

// Writes the build cache `next`, with the library shards `library` wrote, and prunes the
// library cache's folder to them.
void SaveCache(FileSystem& fs, const BuildOptions& options, LibraryCacheWrite& library,
               BuildCache& next, BuildResult& result) {
  if (Result<std::vector<uint64_t>>& shards = library.Wait(); shards.ok()) {
    next.library = std::move(shards.value());
  } else {
    result.notes.push_back("cannot write the library cache: " + shards.status().message());
  }
  if (Status s = WriteCache(fs, CachePath(options.output_dir), next); !s.ok()) {
    result.notes.push_back("cannot write the build cache: " + s.message());
    return;
  }
  PruneLibraryCache(fs, library.dir(), next.library);
}

}  // namespace

BuildResult Build(FileSystem& fs, const BuildOptions& options, bool use_cache) {
  BuildResult result;
  StageClock clock;
  const std::string cache_path = CachePath(options.output_dir);
  // Reading our own executable costs a few milliseconds: only when the cache is in use.
  const uint64_t generator = use_cache ? GeneratorFingerprint(fs) : 0;
  const uint64_t options_key = OptionsKey(options);
  std::optional<BuildCache> cache;
  InputSet inputs;
  // Each input is read once: the scan reads the changed inputs it must hash and the build gets
  // those bytes; without a cache there is nothing to compare with, so the scan only stamps
  // and the hashes come from the build's own reads (`unhashed`, filled after it).
  ReadOnceFileSystem sources(fs);
  std::vector<std::string> unhashed;
  // The cache describes the output for these options and `now`: the inputs that changed since
  // (none: nothing to do), or nullopt when files were added or removed.
  bool cache_fits = false;
  std::optional<std::vector<std::string>> changed;
  if (use_cache) {
    std::string why;
    cache = ReadCache(fs, cache_path, why);
    if (cache && cache->generator != generator) {
      why = "the build cache is from another portalgen binary";
      cache.reset();
    }
    inputs = cache ? ScanInputs(sources, options.source_dir, cache->inputs, options.jobs)
                   : ScanInputs(sources, options.source_dir, {}, options.jobs, &unhashed);
    clock.Done("scan", result.timings);
    cache_fits = cache && cache->options == options_key && options.now > cache->now_after &&
                 options.now <= cache->now_until && fs.IsDirectory(options.output_dir);
    if (cache_fits) changed = ChangedInputs(cache->inputs, inputs);
    if (changed && changed->empty()) {
      result.ok = result.up_to_date = true;
      result.files = cache->outputs.size();
      result.diagnostics = cache->warnings;
      if (cache->inputs != inputs) {  // touched, not changed: remember the new stamps
        cache->inputs = std::move(inputs);
        WriteCache(fs, cache_path, *cache);
      }
      return result;
    }
    if (!cache && fs.IsDirectory(options.output_dir)) {
      result.notes.push_back(why + ": comparing every file with the output");
    }
  }
  // Only the scan's reads are handed over again (once each); the build's own reads are not
  // kept, so without a cache nothing is remembered at all.
  sources.StopRemembering();

  std::unique_ptr<output::Publisher> publisher = StartPublisher(fs, options, cache, result);
  if (!publisher) return result;
  std::optional<Generation> g;
  BodyChanges changes;
  std::optional<LibraryCacheWrite> library;  // written beside the build (see the class)
  if (changed) {
    g = RunIncremental(sources, options, *cache, *changed, result, *publisher, changes);
    if (!g) publisher = StartPublisher(fs, options, cache, result);  // a clean start
    if (!publisher) return result;
  }
  if (!g) {
    PublisherSink sink(*publisher);
    BuildOptions run = options;
    run.keep_bodies = false;  // nothing after the Markdown stage of a build reads them
    const auto write_library = [&](const std::shared_ptr<const SiteModel>& model) {
      library.emplace(fs, options, model, nullptr, BodyChanges{});
    };
    g = Run(sources, run, result, sink, use_cache, use_cache ? ModelReady(write_library) : nullptr);
  }
  if (!g || CancelRequested()) {
    publisher->Abort();
    result.interrupted = CancelRequested();
    return result;
  }
  clock.Restart();
  Status committed = publisher->Check();
  if (committed.ok()) {
    // The output is about to change: the old cache would describe it wrongly if we stopped here.
    if (use_cache) fs.RemoveAll(cache_path);
    committed = publisher->Commit();
  } else {
    publisher->Abort();
  }
  if (!committed.ok()) {
    Fail(result, options.output_dir, "cannot write the site: " + committed.message(),
         "the previous output was left as it was");
    return result;
  }
  result.files = publisher->manifest().size();
  result.written = publisher->written();
  result.removed = publisher->removed();
  if (use_cache) {
    BuildCache* last = result.incremental ? &*cache : nullptr;
    if (!library) library.emplace(fs, options, g->model, last ? &last->library : nullptr, changes);
    HashInputs(sources, unhashed, inputs);
    BuildCache next{generator,          options_key,       g->facts.now_after,
                    g->facts.now_until, std::move(inputs), publisher->TakeManifest()};
    for (const Diagnostic& d : result.diagnostics) {
      if (d.severity == Diagnostic::Severity::kWarning) next.warnings.push_back(d);
    }
    next.body_reads = BodyReadsAfter(*g, last);
    SaveCache(fs, options, *library, next, result);
    LeaveAtExit(options.leave_memory_at_exit, std::move(next));  // 20,000 paths: ~10 ms to free
  }
  clock.Done("commit", result.timings);
  result.ok = true;
  LeaveAtExit(options.leave_memory_at_exit, std::move(g));
  LeaveAtExit(options.leave_memory_at_exit, std::move(cache));
  LeaveAtExit(options.leave_memory_at_exit, std::move(publisher));
  return result;
}

}  // namespace portalgen::build
