// Stopping a build on SIGINT or SIGTERM without losing the site: the first signal sets a flag
// that the long loops check; the build then removes its staging files and reports. A second
// signal ends the process at once (the next build removes what is left).
#ifndef PORTALGEN_BASE_CANCEL_H_
#define PORTALGEN_BASE_CANCEL_H_

namespace portalgen {

/// Routes the first SIGINT/SIGTERM to the flag below. Idempotent.
void InstallCancelHandlers();
/// True once a stop was asked for (or RequestCancel() was called).
bool CancelRequested();
/// The signal that asked (SIGINT or SIGTERM), 0 when none or when asked by RequestCancel().
int CancelSignal();
/// For tests and embedders: ask, or forget an earlier request.
void RequestCancel();
void ResetCancel();

}  // namespace portalgen

#endif  // PORTALGEN_BASE_CANCEL_H_
