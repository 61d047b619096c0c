// `portalgen build`: the whole pipeline, published atomically to the output folder.
#include <signal.h>

#include <filesystem>
#include <iomanip>
#include <iostream>

#include "base/cancel.h"
#include "base/file_system.h"
#include "build/pipeline.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace portalgen::cli {

namespace po = boost::program_options;

namespace {

// Files the site no longer has are removed from the output folder, so it must not hold the
// sources.
std::optional<std::string> CheckOutputDir(const std::string& source, const std::string& output) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path src = fs::weakly_canonical(source, ec);
  const fs::path out = fs::weakly_canonical(output, ec);
  if (out.empty() || out == out.root_path()) return "the output folder cannot be '/'";
  auto inside = [](const fs::path& child, const fs::path& parent) {
    auto c = child.begin();
    for (auto p = parent.begin(); p != parent.end(); ++p, ++c) {
      if (c == child.end() || *c != *p) return false;
    }
    return true;
  };
  if (inside(src, out)) return "the output folder '" + output + "' contains the site's sources";
  for (const char* dir : {"content", "themes", "static"}) {
    if (inside(out, src / dir)) {
      return "the output folder '" + output + "' is inside the site's " + dir + "/ folder";
    }
  }
  return std::nullopt;
}

void PrintSummary(const build::BuildResult& r, const build::BuildOptions& o, double seconds,
                  std::ostream& out) {
  if (r.up_to_date) {
    out << "portalgen: " << o.output_dir << "/ is up to date (" << r.files
        << " files; no input changed) in " << std::fixed << std::setprecision(2) << seconds
        << " s\n";
    return;
  }
  if (r.incremental) {
    out << "portalgen: only Markdown bodies changed: rendered " << r.pages
        << " pages again, kept the other files; ";
  } else {
    out << "portalgen: built " << r.pages << " pages, ";
  }
  out << r.files << " files from " << r.documents << " documents into " << o.output_dir
      << "/ (" << r.written << " written, " << r.removed << " removed) in " << std::fixed
      << std::setprecision(2) << seconds << " s\n";
}

}  // namespace

int RunBuild(const std::vector<std::string>& args, Io& io) {
  build::BuildOptions options;
  std::string now;
  po::options_description desc("options");
  desc.add_options()
      ("source,s", po::value(&options.source_dir)->default_value("."), "site folder (site.toml, content/, themes/)")
      ("output,o", po::value(&options.output_dir)->default_value("public"), "output folder; only changed files are written, once the whole build succeeded")
      ("drafts", po::bool_switch(&options.drafts), "include documents with draft = true")
      ("base-url", po::value(&options.base_url), "override site.toml's base_url")
      ("jobs,j", po::value(&options.jobs)->default_value(0), "threads (0: all cores)")
      ("now", po::value(&now), "reference time for upcoming/past events: 2026-11-23, "
                               "2026-11-23T10:00:00Z or epoch seconds (default: "
                               "SOURCE_DATE_EPOCH, else the clock)")
      ("no-cache", "ignore and do not write the build cache (.portalgen-cache/ beside the output)")
      ("quiet,q", "print errors and warnings only")
      ("timings", "print how long each stage took, in wall and CPU time, and the peak memory");
  po::variables_map vm;
  const std::string synopsis =
      "[--source DIR] [--output DIR] [--drafts] [--base-url URL] [--jobs N] [--now T]\n"
      "       [--no-cache] [--quiet] [--timings]";
  if (auto code = ParseOptions("build", synopsis, desc, args, vm, io)) return *code;
  if (options.jobs < 0) {
    io.err << "portalgen build: error: --jobs must be 0 or more\n";
    return kExitUsage;
  }
  std::optional<int64_t> t = ResolveNow("build", vm.count("now") > 0, now, io);
  if (!t) return kExitUsage;
  options.now = *t;
  if (auto problem = CheckOutputDir(options.source_dir, options.output_dir)) {
    io.err << "portalgen build: error: " << *problem << "\n";
    return kExitUsage;
  }
  options.leave_memory_at_exit = io.exits_after;
  const auto start = std::chrono::steady_clock::now();
  RealFileSystem fs;
  InstallCancelHandlers();
  build::BuildResult result = build::Build(fs, options, vm.count("no-cache") == 0);
  io.err << FormatDiagnostics(result.diagnostics);
  if (result.interrupted) {
    io.err << "portalgen: build interrupted; " << options.output_dir << "/ was left unchanged\n";
    return CancelSignal() == SIGTERM ? 128 + SIGTERM : 128 + SIGINT;
  }
  if (!result.ok) {
    io.err << "portalgen: build failed; " << options.output_dir << "/ was left unchanged\n";
    return kExitErrors;
  }
  if (!vm.count("quiet")) {
    for (const std::string& note : result.notes) io.err << "portalgen: note: " << note << "\n";
  }
  if (vm.count("timings")) {
    for (const StageTime& t : result.timings) {
      io.out << "  " << std::left << std::setw(10) << t.stage << std::fixed << std::setprecision(3)
             << t.wall << " s  (cpu " << std::setprecision(2) << t.cpu << " s, peak "
             << t.peak_rss_kib / 1024 << " MiB)\n";
    }
  }
  if (!vm.count("quiet")) {
    PrintSummary(result, options,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                 io.out);
  }
  return kExitOk;
}

}  // namespace portalgen::cli
