#include "cli/options.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "content/document.h"

namespace portalgen::cli {

namespace po = boost::program_options;

std::optional<int> ParseOptions(const std::string& command, const std::string& synopsis,
                                po::options_description& desc,
                                const std::vector<std::string>& args, po::variables_map& vm,
                                Io& io) {
  desc.add_options()("help,h", "show this help");
  try {
    po::store(po::command_line_parser(args).options(desc).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    io.err << "portalgen " << command << ": error: " << e.what() << "\n"
           << "run 'portalgen " << command << " --help' for the options\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    io.out << "usage: portalgen " << command << " " << synopsis << "\n\n" << desc;
    return kExitOk;
  }
  return std::nullopt;
}

std::optional<int64_t> ParseNow(const std::string& text) {
  content::OffsetDateTime t;
  char tail[8] = {0};
  int n = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%7s", &t.year, &t.month, &t.day,
                      &t.hour, &t.minute, &t.second, tail);
  if (n == 7 && std::string(tail) == "Z") return t.UnixSeconds();
  if (n == 3 && text.size() == 10) return t.UnixSeconds();
  char* end = nullptr;
  const long long seconds = std::strtoll(text.c_str(), &end, 10);
  if (!text.empty() && end && *end == '\0') return seconds;
  return std::nullopt;
}

int64_t DefaultNow() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    if (auto seconds = ParseNow(epoch)) return *seconds;
  }
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<int64_t> ResolveNow(const std::string& command, bool given, const std::string& text,
                                  Io& io) {
  if (!given) return DefaultNow();
  std::optional<int64_t> t = ParseNow(text);
  if (!t) {
    io.err << "portalgen " << command << ": error: --now '" << text
           << "' is not a date (2026-11-23), a UTC time (2026-11-23T10:00:00Z) or seconds\n";
  }
  return t;
}

}  // namespace portalgen::cli
