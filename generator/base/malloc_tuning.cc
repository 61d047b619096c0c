#include "base/malloc_tuning.h"

#include <unistd.h>

#include <string_view>

namespace portalgen {

namespace {
constexpr std::string_view kTuned = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864";
constexpr std::string_view kTunables = "GLIBC_TUNABLES=";
}  // namespace

bool BuildsASite(int argc, const char* const* argv) {
  if (argc < 2) return false;
  const std::string_view command(argv[1]);
  return command == "build" || command == "check" || command == "serve";
}

std::optional<std::string> TunedGlibcTunables(const char* current) {
  std::string value = current ? current : "";
  if (value.find("glibc.malloc.") != std::string::npos) return std::nullopt;
  if (!value.empty()) value += ':';
  value += kTuned;
  return value;
}

std::optional<std::vector<std::string>> TunedEnvironment(const char* const* envp) {
  const std::string marker = std::string(kMallocTunedVariable) + "=";
  std::vector<std::string> env;
  const char* tunables = nullptr;
  for (const char* const* e = envp; e && *e; ++e) {
    const std::string_view entry(*e);
    if (entry.starts_with(marker)) return std::nullopt;
    if (entry.starts_with(kTunables)) {
      tunables = *e + kTunables.size();
    } else {
      env.emplace_back(entry);
    }
  }
  std::optional<std::string> tuned = TunedGlibcTunables(tunables);
  if (!tuned) return std::nullopt;
  env.push_back(std::string(kTunables) + *tuned);
  env.push_back(marker + "1");
  return env;
}

void TuneMallocByReexec(int argc, char** argv, char** envp) {
#ifdef __GLIBC__
  if (!BuildsASite(argc, argv)) return;
  std::optional<std::vector<std::string>> env = TunedEnvironment(envp);
  if (!env) return;
  std::vector<char*> pointers;
  pointers.reserve(env->size() + 1);
  for (std::string& entry : *env) pointers.push_back(entry.data());
  pointers.push_back(nullptr);
  execve("/proc/self/exe", argv, pointers.data());
  // Not re-executed (no /proc, say): go on with glibc's defaults.
#else
  (void)argc;
  (void)argv;
  (void)envp;
#endif
}

}  // namespace portalgen
