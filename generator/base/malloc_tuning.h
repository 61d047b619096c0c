// Allocator settings for the portalgen executable, applied by re-executing it once.
//
// A 10,000-page build touches ~440 MB of heap in many small pieces. With glibc's defaults that
// is ~120,000 page faults of 4 KiB and ~36,000 mprotect calls growing the threads' arenas,
// and the two worker threads fault on the same address space. Asking malloc for transparent
// huge pages (`glibc.malloc.hugetlb=1`) and a 64 MiB top pad (`glibc.malloc.top_pad`) cuts
// that to ~1,500 faults and the build's wall time by about a third (bench/README.md). glibc
// reads these tunables only from the environment at start-up, so main() sets them and
// re-executes the same binary once. Malloc tunables already set by the user are left alone.
#ifndef PORTALGEN_BASE_MALLOC_TUNING_H_
#define PORTALGEN_BASE_MALLOC_TUNING_H_

#include <optional>
#include <string>

namespace portalgen {

/// The environment variable that marks a process as already re-executed (any value).
/// Setting it before starting portalgen keeps glibc's default allocator settings.
inline constexpr const char* kMallocTunedVariable = "PORTALGEN_MALLOC_TUNED";

/// The value GLIBC_TUNABLES should have, given its current value (null when unset); nothing
/// when the user already chose malloc settings there.
std::optional<std::string> TunedGlibcTunables(const char* current);

/// Re-executes this program (/proc/self/exe) with the tuned settings, unless it was done
/// already, the user opted out, or this is not glibc. Returns only when nothing was done or
/// the re-exec failed; then the program goes on with the defaults.
void TuneMallocByReexec(char** argv);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_MALLOC_TUNING_H_
