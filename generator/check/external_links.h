// `check --external`: asks every http(s) URL the site links to whether it still exists, with a
// HEAD request. Bounded: a timeout per request, a fixed number of requests at once, and a cache
// of recent successes so that repeated runs do not ask again. Never used by tests on the
// internet; tests point it at a server on 127.0.0.1.
#ifndef PORTALGEN_CHECK_EXTERNAL_LINKS_H_
#define PORTALGEN_CHECK_EXTERNAL_LINKS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "check/check.h"

namespace portalgen::check {

struct ExternalOptions {
  int timeout_seconds = 10;  // connect and read, each
  int concurrency = 8;       // requests in flight
  std::string cache_path;    // JSON file of recent successes; "" for no cache
  int64_t now = 0;           // seconds since the epoch, to age the cache
  int64_t cache_seconds = 24 * 3600;
};

/// The answer to one request: an HTTP status, or 0 with the reason it failed.
struct UrlStatus {
  int status = 0;
  std::string error;
};

/// HEAD `url` (GET when the server refuses HEAD), following redirects.
UrlStatus FetchStatus(const std::string& url, int timeout_seconds);

/// Checks each URL: 404 and 410 are errors (the page is gone); other failures, which are often
/// passing, are warnings. Each diagnostic is at the place the URL was first seen.
void CheckExternalLinks(FileSystem& fs, const std::vector<ExternalRef>& refs,
                        const ExternalOptions& options, DiagnosticSink& sink);

}  // namespace portalgen::check

#endif  // PORTALGEN_CHECK_EXTERNAL_LINKS_H_
