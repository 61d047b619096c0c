// `portalgen new <kind> <slug>`: a new brief, event, member or page from an archetype.
#include <cstdio>
#include <ctime>
#include <iostream>

#include "base/did_you_mean.h"
#include "base/file_system.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "scaffold/new_content.h"

namespace portalgen::cli {

namespace po = boost::program_options;

namespace {

constexpr const char* kSynopsis =
    "event|brief|member|page <slug> [--title T] [--date YYYY-MM-DD] [--source DIR]";

// "2026-11-23" for the default date: SOURCE_DATE_EPOCH's day when set, else today (UTC).
std::string Today() {
  const std::time_t now = static_cast<std::time_t>(DefaultNow());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool IsDate(const std::string& text) {
  int y = 0, m = 0, d = 0;
  return text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 &&
         m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

// Like ParseOptions, with the kind and the slug as positional arguments.
std::optional<int> Parse(po::options_description& desc, const std::vector<std::string>& args,
                         po::variables_map& vm, Io& io) {
  po::options_description all;
  all.add(desc).add_options()("kind", po::value<std::string>())("slug", po::value<std::string>());
  po::positional_options_description positional;
  positional.add("kind", 1).add("slug", 1);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    io.err << "portalgen new: error: " << e.what() << "\n"
           << "run 'portalgen new --help' for the options\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    io.out << "usage: portalgen new " << kSynopsis << "\n\n" << desc;
    return kExitOk;
  }
  if (!vm.count("kind") || !vm.count("slug")) {
    io.err << "portalgen new: error: expected a kind and a slug\nusage: portalgen new "
           << kSynopsis << "\n";
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace

int RunNew(const std::vector<std::string>& args, Io& io) {
  scaffold::NewRequest request;
  po::options_description desc("options");
  desc.add_options()
      ("title,t", po::value(&request.title), "the title (default: from the slug)")
      ("date", po::value(&request.date), "date for the archetype: a brief's date, an event's "
                                         "start day (default: today, or SOURCE_DATE_EPOCH's)")
      ("source,s", po::value(&request.source_dir)->default_value("."), "site folder")
      ("help,h", "show this help");
  po::variables_map vm;
  if (auto code = Parse(desc, args, vm, io)) return *code;
  const std::string kind = vm["kind"].as<std::string>();
  std::optional<content::Kind> parsed = scaffold::ParseKind(kind);
  if (!parsed) {
    const std::string hint = DidYouMean(kind, {"brief", "event", "member", "page"});
    io.err << "portalgen new: error: unknown kind '" << kind << "'"
           << (hint.empty() ? "" : " (" + hint + ")") << "; use event, brief, member or page\n";
    return kExitUsage;
  }
  if (request.date.empty()) request.date = Today();
  if (!IsDate(request.date)) {
    io.err << "portalgen new: error: --date '" << request.date << "' is not a date (2026-11-23)\n";
    return kExitUsage;
  }
  request.kind = *parsed;
  request.slug = vm["slug"].as<std::string>();
  RealFileSystem fs;
  Result<std::string> created = scaffold::CreateContent(fs, request);
  if (!created.ok()) {
    io.err << "portalgen new: error: " << created.status().message() << "\n";
    return created.status().kind() == Status::Kind::kUsage ? kExitUsage : kExitErrors;
  }
  io.out << JoinPath(request.source_dir, *created) << "\n";
  return kExitOk;
}

}  // namespace portalgen::cli
