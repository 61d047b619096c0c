// `portalgen check`: the build's validation plus link, anchor, file, alt text, summary and
// orphan checks, over the site generated in memory; nothing is written. Exit 1 on errors.
#include <iostream>

#include "base/file_system.h"
#include "build/pipeline.h"
#include "check/check.h"
#include "check/external_links.h"
#include "check/report.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace portalgen::cli {

namespace po = boost::program_options;

namespace {

struct CheckFlags {
  std::string format = "text";
  bool external = false;
  check::ExternalOptions external_options;
};

void Print(const std::vector<Diagnostic>& ds, const std::string& format, Io& io) {
  if (format == "json") {
    io.out << check::FormatJson(ds);
    return;
  }
  if (format == "github") {
    io.out << check::FormatGithub(ds);
    int errors = 0;
    for (const Diagnostic& d : ds) errors += d.severity == Diagnostic::Severity::kError;
    io.err << "portalgen check: " << errors << " error" << (errors == 1 ? "" : "s") << ", "
           << ds.size() - errors << " warning" << (ds.size() - errors == 1 ? "" : "s") << "\n";
    return;
  }
  io.err << FormatDiagnostics(ds);
}

// Generate, then the checks that need the whole site, then (if asked) the internet.
std::vector<Diagnostic> RunChecks(const build::BuildOptions& options, const CheckFlags& flags) {
  RealFileSystem fs;
  build::BuildResult result;
  std::optional<build::GeneratedSite> site = build::Generate(fs, options, result);
  if (!site) return result.diagnostics;
  DiagnosticSink sink;
  for (const Diagnostic& d : result.diagnostics) sink.Add(d);
  std::vector<check::ExternalRef> external = check::CheckSite(*site, sink);
  if (flags.external) check::CheckExternalLinks(fs, external, flags.external_options, sink);
  return sink.Sorted();
}

}  // namespace

int RunCheck(const std::vector<std::string>& args, Io& io) {
  build::BuildOptions options;
  CheckFlags flags;
  std::string cache;
  po::options_description desc("options");
  desc.add_options()
      ("source,s", po::value(&options.source_dir)->default_value("."), "site folder (site.toml, content/, themes/)")
      ("format", po::value(&flags.format)->default_value("text"), "text, github (workflow annotations) or json")
      ("external", po::bool_switch(&flags.external), "also check http(s) links with HEAD requests")
      ("timeout", po::value(&flags.external_options.timeout_seconds)->default_value(10), "seconds per external request")
      ("concurrency", po::value(&flags.external_options.concurrency)->default_value(8), "external requests at once")
      ("cache", po::value(&cache), "external link cache file (default: <source>/.portalgen-links.json)")
      ("base-url", po::value(&options.base_url), "override site.toml's base_url")
      ("drafts", po::bool_switch(&options.drafts), "include documents with draft = true")
      ("jobs,j", po::value(&options.jobs)->default_value(0), "threads (0: all cores)");
  po::variables_map vm;
  const std::string synopsis =
      "[--source DIR] [--format text|github|json] [--external] [--base-url URL] [--drafts]";
  if (auto code = ParseOptions("check", synopsis, desc, args, vm, io)) return *code;
  if (flags.format != "text" && flags.format != "github" && flags.format != "json") {
    io.err << "portalgen check: error: --format '" << flags.format
           << "' is not one of text, github, json\n";
    return kExitUsage;
  }
  if (flags.external_options.timeout_seconds <= 0 || flags.external_options.concurrency <= 0) {
    io.err << "portalgen check: error: --timeout and --concurrency must be 1 or more\n";
    return kExitUsage;
  }
  options.now = DefaultNow();
  flags.external_options.now = options.now;
  flags.external_options.cache_path =
      vm.count("cache") ? cache : JoinPath(options.source_dir, ".portalgen-links.json");
  const std::vector<Diagnostic> ds = RunChecks(options, flags);
  Print(ds, flags.format, io);
  for (const Diagnostic& d : ds) {
    if (d.severity == Diagnostic::Severity::kError) return kExitErrors;
  }
  return kExitOk;
}

}  // namespace portalgen::cli
