#include "check/external_links.h"

#include <httplib.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/thread_pool.h"

namespace portalgen::check {

namespace {

using nlohmann::json;

// "https://host:8080/a?b#c" -> {"https://host:8080", "/a?b"}.
std::pair<std::string, std::string> SplitUrl(const std::string& url) {
  const size_t host = url.find("://") + 3;
  const size_t path = url.find_first_of("/?#", host);
  if (path == std::string::npos) return {url, "/"};
  std::string rest = url.substr(path);
  rest = rest.substr(0, rest.find('#'));
  if (rest.empty() || rest.front() != '/') rest = "/" + rest;
  return {url.substr(0, path), rest};
}

json ReadCache(const FileSystem& fs, const std::string& path) {
  if (path.empty()) return json::object();
  Result<std::string> text = fs.Read(path);
  if (!text.ok()) return json::object();
  json cache = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  return cache.is_object() ? cache : json::object();
}

bool CachedOk(const json& cache, const std::string& url, const ExternalOptions& options) {
  auto it = cache.find(url);
  if (it == cache.end() || !it->is_object()) return false;
  const int64_t checked = it->value("checked", int64_t{0});
  return it->value("status", 0) > 0 && it->value("status", 0) < 400 &&
         options.now - checked < options.cache_seconds;
}

void Report(const ExternalRef& ref, const UrlStatus& result, DiagnosticSink& sink) {
  Diagnostic d = ref.where;
  d.hint.clear();
  if (result.status == 404 || result.status == 410) {
    d.severity = Diagnostic::Severity::kError;
    d.message =
        "external link '" + ref.url + "' is gone (HTTP " + std::to_string(result.status) + ")";
    d.hint = "update or remove the link";
  } else if (result.status == 0) {
    d.severity = Diagnostic::Severity::kWarning;
    d.message = "external link '" + ref.url + "' could not be reached: " + result.error;
  } else {
    d.severity = Diagnostic::Severity::kWarning;
    d.message = "external link '" + ref.url + "' answered HTTP " + std::to_string(result.status);
  }
  sink.Add(std::move(d));
}

}  // namespace

UrlStatus FetchStatus(const std::string& url, int timeout_seconds) {
  const auto [origin, path] = SplitUrl(url);
  httplib::Client client(origin);
  if (!client.is_valid()) return {0, "not a valid URL"};
  client.set_connection_timeout(timeout_seconds);
  client.set_read_timeout(timeout_seconds);
  client.set_write_timeout(timeout_seconds);
  client.set_follow_location(true);
  httplib::Result res = client.Head(path);
  // Some servers answer HEAD with 403, 405 or 501 although GET works.
  if (res && (res->status == 403 || res->status == 405 || res->status == 501)) {
    res = client.Get(path);
  }
  if (!res) return {0, httplib::to_string(res.error())};
  return {res->status, ""};
}

void CheckExternalLinks(FileSystem& fs, const std::vector<ExternalRef>& refs,
                        const ExternalOptions& options, DiagnosticSink& sink) {
  json cache = ReadCache(fs, options.cache_path);
  std::vector<const ExternalRef*> todo;
  for (const ExternalRef& ref : refs) {
    if (!CachedOk(cache, ref.url, options)) todo.push_back(&ref);
  }
  std::vector<UrlStatus> results(todo.size());
  ParallelFor(todo.size(), std::max(1, options.concurrency),
              [&](size_t i) { results[i] = FetchStatus(todo[i]->url, options.timeout_seconds); });
  for (size_t i = 0; i < todo.size(); ++i) {
    if (results[i].status > 0 && results[i].status < 400) {
      cache[todo[i]->url] = {{"status", results[i].status}, {"checked", options.now}};
    } else {
      cache.erase(todo[i]->url);
      Report(*todo[i], results[i], sink);
    }
  }
  if (options.cache_path.empty()) return;
  Status written = fs.Write(options.cache_path, cache.dump(1) + "\n");
  if (!written.ok()) {
    sink.Warning(options.cache_path, 0, 0, "cannot write the link cache: " + written.message());
  }
}

}  // namespace portalgen::check
