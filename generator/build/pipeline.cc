#include "build/pipeline.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <mutex>

#include "base/cancel.h"
#include "base/hash.h"
#include "base/read_once_file_system.h"
#include "base/paths.h"
#include "base/thread_pool.h"
#include "build/build_cache.h"
#include "build/site_model.h"
#include "build/site_plan.h"
#include "output/publisher.h"

namespace portalgen::build {

namespace {

class StageTimer {
 public:
  explicit StageTimer(BuildResult& result) : result_(result) {}
  void Done(const char* stage) {
    const auto now = std::chrono::steady_clock::now();
    result_.timings.emplace_back(stage, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  BuildResult& result_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

enum class Order { kForward, kBackward };

// Makes files[begin, end) of the plan on the thread pool and hands each to `out` at once: a
// page's view and HTML live only while that page is being made. Threads take files in plan
// order, or from the end backwards.
void MakeFiles(const SitePlan& plan, size_t begin, size_t end, Order order, int jobs,
               DiagnosticSink& diagnostics, FileSink& out) {
  ParallelFor(end - begin, jobs, [&](size_t i) {
    if (CancelRequested()) return;
    const size_t at = order == Order::kForward ? begin + i : end - 1 - i;
    const PlannedFile& file = plan.files()[at];
    std::optional<std::string> bytes = file.make(plan.context(), diagnostics);
    if (bytes) out.Add(at, {file.path, std::move(*bytes)});
  });
}

// The `now` interval in which upcoming-versus-past, hence the output, stays the same.
GenerationFacts NowWindow(const index::Library& lib, int64_t now) {
  GenerationFacts facts{std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()};
  for (index::DocId id : lib.events) {
    const int64_t start = lib.docs[id].event.start.UnixSeconds();
    if (start < now) facts.now_after = std::max(facts.now_after, start);
    else facts.now_until = std::min(facts.now_until, start);
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
};

std::optional<Generation> Run(const FileSystem& fs, const BuildOptions& options,
                              BuildResult& result, FileSink& out) {
  DiagnosticSink sink;
  StageTimer timer(result);
  std::optional<SiteModel> loaded =
      LoadModel(fs, options, sink, [&timer](const char* stage) { timer.Done(stage); });
  result.documents = loaded ? loaded->lib.docs.size() : 0;
  if (!loaded) {
    Stop(sink, result);
    return std::nullopt;
  }
  auto model = std::make_shared<const SiteModel>(std::move(*loaded));
  const SitePlan plan(model, sink);
  if (Stop(sink, result)) return std::nullopt;

  MakeFiles(plan, 0, plan.pages(), Order::kForward, options.jobs, sink, out);
  result.pages = plan.pages();
  timer.Done("pages");
  // Backwards: the plan ends with the search index and the sitemap, the largest files of the
  // site; started first, they run beside the thousands of small feeds instead of after them.
  MakeFiles(plan, plan.pages(), plan.files().size(), Order::kBackward, options.jobs, sink, out);
  timer.Done("feeds");
  if (Stop(sink, result) || CancelRequested()) return std::nullopt;
  return Generation{model, NowWindow(model->lib, options.now)};
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

 private:
  output::Publisher& publisher_;
};

// The options that change what is written (not --jobs, which never does).
uint64_t OptionsKey(const BuildOptions& options) {
  return Hasher().Add(options.base_url).Add(options.drafts ? 1 : 0).Digest();
}

// Same files with the same bytes, whatever their stamps.
bool SameBytes(const InputSet& a, const InputSet& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.first == y.first && x.second.hash == y.second.hash;
  });
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
  std::optional<Generation> g = Run(fs, options, result, sink);
  if (!g) return std::nullopt;
  return g->facts;
}

std::optional<GeneratedSite> Generate(const FileSystem& fs, const BuildOptions& options,
                                      BuildResult& result) {
  Collector collector;
  std::optional<Generation> g = Run(fs, options, result, collector);
  if (!g) return std::nullopt;
  return GeneratedSite{g->model->config, g->model->lib, collector.Take()};
}

BuildResult Build(FileSystem& fs, const BuildOptions& options, bool use_cache) {
  BuildResult result;
  const auto start = std::chrono::steady_clock::now();
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
  if (use_cache) {
    std::string why;
    cache = ReadCache(fs, cache_path, why);
    if (cache && cache->generator != generator) {
      why = "the build cache is from another portalgen binary";
      cache.reset();
    }
    inputs = cache ? ScanInputs(sources, options.source_dir, cache->inputs, options.jobs)
                   : ScanInputs(sources, options.source_dir, {}, options.jobs, &unhashed);
    sources.StopRemembering();
    result.timings.emplace_back(
        "scan", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (cache && cache->options == options_key && SameBytes(cache->inputs, inputs) &&
        options.now > cache->now_after && options.now <= cache->now_until &&
        fs.IsDirectory(options.output_dir)) {
      result.ok = result.up_to_date = true;
      result.files = cache->outputs.size();
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

  output::Publisher publisher(fs, options.output_dir,
                              cache ? std::optional<output::Manifest>(cache->outputs)
                                    : std::nullopt);
  if (Status s = publisher.Begin(); !s.ok()) {
    Fail(result, options.output_dir, "cannot prepare the output: " + s.message(),
         "check that the output folder's parent exists and is writable");
    return result;
  }
  PublisherSink sink(publisher);
  std::optional<GenerationFacts> facts = GenerateTo(sources, options, result, sink);
  if (!facts || CancelRequested()) {
    publisher.Abort();
    result.interrupted = CancelRequested();
    return result;
  }
  const auto commit_start = std::chrono::steady_clock::now();
  Status committed = publisher.Check();
  if (committed.ok()) {
    // The output is about to change: the old cache would describe it wrongly if we stopped here.
    if (use_cache) fs.RemoveAll(cache_path);
    committed = publisher.Commit();
  } else {
    publisher.Abort();
  }
  if (!committed.ok()) {
    Fail(result, options.output_dir, "cannot write the site: " + committed.message(),
         "the previous output was left as it was");
    return result;
  }
  result.files = publisher.manifest().size();
  result.written = publisher.written();
  result.removed = publisher.removed();
  if (use_cache) {
    HashInputs(sources, unhashed, inputs);
    BuildCache next{generator, options_key, facts->now_after, facts->now_until,
                    std::move(inputs), publisher.manifest()};
    if (Status s = WriteCache(fs, cache_path, next); !s.ok()) {
      result.notes.push_back("cannot write the build cache: " + s.message());
    }
  }
  result.timings.emplace_back(
      "commit",
      std::chrono::duration<double>(std::chrono::steady_clock::now() - commit_start).count());
  result.ok = true;
  return result;
}

}  // namespace portalgen::build
