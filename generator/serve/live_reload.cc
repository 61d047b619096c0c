#include "serve/live_reload.h"

#include <algorithm>
#include <cctype>

namespace portalgen::serve {

// Kept to one line and dependency-free: it lands in every served page.
std::string_view LiveReloadScript() {
  return "<script>(()=>{const e=new EventSource(\"/__portalgen/events\");"
         "e.addEventListener(\"reload\",()=>location.reload());"
         "e.addEventListener(\"css\",()=>{for(const l of "
         "document.querySelectorAll('link[rel=\"stylesheet\"]')){const u=new URL(l.href);"
         "u.searchParams.set(\"portalgen\",Date.now());l.href=u.href}})})()</script>";
}

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  return std::equal(a.begin(), a.end(), lower.begin(), lower.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == y;
  });
}

// Searched from the end: the closing tag sits near the end of a page, and text inside the
// body (a code sample) may mention "</body>" too.
size_t FindLastBodyEnd(std::string_view html) {
  constexpr std::string_view kBodyEnd = "</body>";
  for (size_t end = html.size(); end >= kBodyEnd.size(); --end) {
    if (EqualsIgnoreCase(html.substr(end - kBodyEnd.size(), kBodyEnd.size()), kBodyEnd)) {
      return end - kBodyEnd.size();
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string InjectBeforeBodyEnd(std::string_view html, std::string_view fragment) {
  size_t at = FindLastBodyEnd(html);
  if (at == std::string_view::npos) at = html.size();
  std::string out;
  out.reserve(html.size() + fragment.size());
  out.append(html.substr(0, at)).append(fragment).append(html.substr(at));
  return out;
}

std::string SseMessage(ReloadKind kind) {
  return std::string("event: ") + (kind == ReloadKind::kCss ? "css" : "reload") + "\ndata: 1\n\n";
}

void ReloadBroadcaster::Publish(ReloadKind kind) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++generation_;
    last_ = kind;
  }
  cv_.notify_all();
}

uint64_t ReloadBroadcaster::generation() const {
  std::lock_guard<std::mutex> lock(mu_);
  return generation_;
}

std::optional<ReloadKind> ReloadBroadcaster::Wait(uint64_t* seen,
                                                  std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, timeout, [&] { return closed_ || generation_ != *seen; });
  if (closed_ || generation_ == *seen) return std::nullopt;
  // Missing a reload is worse than reloading once too often.
  const ReloadKind kind = generation_ - *seen == 1 ? last_ : ReloadKind::kReload;
  *seen = generation_;
  return kind;
}

void ReloadBroadcaster::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
  }
  cv_.notify_all();
}

bool ReloadBroadcaster::closed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return closed_;
}

}  // namespace portalgen::serve
