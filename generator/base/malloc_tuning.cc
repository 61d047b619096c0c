#include "base/malloc_tuning.h"

#include <stdlib.h>
#include <unistd.h>

#include <string_view>

namespace portalgen {

namespace {
constexpr std::string_view kTuned = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864";
}  // namespace

std::optional<std::string> TunedGlibcTunables(const char* current) {
  std::string value = current ? current : "";
  if (value.find("glibc.malloc.") != std::string::npos) return std::nullopt;
  if (!value.empty()) value += ':';
  value += kTuned;
  return value;
}

void TuneMallocByReexec(char** argv) {
#ifdef __GLIBC__
  if (getenv(kMallocTunedVariable) != nullptr) return;
  const char* old = getenv("GLIBC_TUNABLES");
  std::optional<std::string> tuned = TunedGlibcTunables(old);
  if (!tuned) return;
  std::optional<std::string> saved;
  if (old) saved = old;
  setenv(kMallocTunedVariable, "1", 1);
  setenv("GLIBC_TUNABLES", tuned->c_str(), 1);
  execv("/proc/self/exe", argv);
  // Not re-executed (no /proc, say): go on with the defaults and leave the environment as it was.
  if (saved) {
    setenv("GLIBC_TUNABLES", saved->c_str(), 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
  unsetenv(kMallocTunedVariable);
#else
  (void)argv;
#endif
}

}  // namespace portalgen
