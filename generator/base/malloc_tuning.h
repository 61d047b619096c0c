// Allocator settings for the portalgen executable, applied by re-executing it once.
//
// A 10,000-page build touches ~440 MB of heap in many small pieces. With glibc's defaults that
// is ~120,000 page faults of 4 KiB and ~36,000 mprotect calls growing the threads' arenas,
// and the two worker threads fault on the same address space. Asking malloc for transparent
// huge pages (`glibc.malloc.hugetlb=1`) and a 64 MiB top pad (`glibc.malloc.top_pad`) cuts
// that to ~1,500 faults and the build's wall time by about a third (bench/README.md). glibc
// reads these tunables only from the environment at start-up, so the executable sets them and
// re-executes the same binary once, before the shared libraries' initialisers run, for the
// commands that build a site. Malloc tunables already set by the user are left alone.
#ifndef PORTALGEN_BASE_MALLOC_TUNING_H_
#define PORTALGEN_BASE_MALLOC_TUNING_H_

#include <optional>
#include <string>
#include <vector>

namespace portalgen {

/// The environment variable that marks a process as already re-executed (any value).
/// Setting it before starting portalgen keeps glibc's default allocator settings.
inline constexpr const char* kMallocTunedVariable = "PORTALGEN_MALLOC_TUNED";

/// True for the commands that load a whole site (build, check, serve), the only ones the
/// tuning pays for: `new`, `markdown` and `--version` would only pay the re-exec.
bool BuildsASite(int argc, const char* const* argv);

/// The value GLIBC_TUNABLES should have, given its current value (null when unset); nothing
/// when the user already chose malloc settings there.
std::optional<std::string> TunedGlibcTunables(const char* current);

/// The environment `envp` (null-terminated, as main() gets it) with the tuned GLIBC_TUNABLES
/// and the marker; nothing when it has the marker or its own malloc tunables.
std::optional<std::vector<std::string>> TunedEnvironment(const char* const* envp);

/// For a command that builds a site, re-executes this program (/proc/self/exe) with the tuned
/// environment, unless it has the marker, its own malloc tunables, or this is not glibc. Returns
/// only when nothing was done or the re-exec failed; then the program goes on with glibc's
/// defaults. It reads only `envp`, never getenv(): main.cc calls it from .preinit_array, before
/// libc sets `environ`.
void TuneMallocByReexec(int argc, char** argv, char** envp);

}  // namespace portalgen

#endif  // PORTALGEN_BASE_MALLOC_TUNING_H_
