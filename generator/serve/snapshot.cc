#include "serve/snapshot.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

#include "base/diagnostics.h"

namespace portalgen::serve {

namespace {

struct TypeByExtension {
  std::string_view extension;
  std::string_view content_type;
};

// Text types carry a charset: every text file we produce is UTF-8.
constexpr std::array<TypeByExtension, 15> kTypes = {{
    {"html", "text/html; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"json", "application/json"},
    {"xml", "application/xml"},
    {"ics", "text/calendar; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"webp", "image/webp"},
    {"pdf", "application/pdf"},
    {"woff2", "font/woff2"},
    {"txt", "text/plain; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
}};

constexpr std::string_view kBinary = "application/octet-stream";

}  // namespace

std::string_view ContentTypeFor(std::string_view path) {
  const size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return kBinary;
  std::string extension(name.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const TypeByExtension& t : kTypes) {
    if (t.extension == extension) return t.content_type;
  }
  return kBinary;
}

bool IsHtml(std::string_view content_type) { return content_type.starts_with("text/html"); }

Snapshot::Snapshot(std::shared_ptr<const build::SitePlan> plan,
                   std::shared_ptr<const build::SiteModel> model)
    : plan_(std::move(plan)),
      model_(std::move(model)),
      ctx_(std::make_unique<view::ViewContext>(
          view::ViewContext{model_->config, model_->lib, model_->options.now})),
      size_(plan_->files().size()),
      made_(size_) {}

Snapshot::Snapshot(std::vector<output::OutputFile> files) : made_(files.size()) {
  files_index_.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) files_index_.insert_or_assign(files[i].path, i);
  files_ = std::move(files);
  size_ = files_.size();
}

SnapshotEntry Snapshot::Make(size_t i) const {
  if (!plan_) return SnapshotEntry{files_[i].bytes, ContentTypeFor(files_[i].path), {}};
  const build::PlannedFile& file = plan_->files()[i];
  DiagnosticSink sink;
  std::optional<std::string> bytes = file.make(*ctx_, sink);
  SnapshotEntry entry{bytes ? std::move(*bytes) : "", ContentTypeFor(file.path), {}};
  if (!bytes) entry.error = FormatDiagnostics(sink.Sorted());
  return entry;
}

const SnapshotEntry* Snapshot::Find(const std::string& key) const {
  std::optional<size_t> i;
  if (plan_) {
    i = plan_->Find(key);
  } else if (auto it = files_index_.find(key); it != files_index_.end()) {
    i = it->second;
  }
  if (!i) return nullptr;
  return &made_.Get(*i, [&] { return Make(*i); });
}

std::shared_ptr<const ServeState> StateHolder::Get() const {
  std::lock_guard<std::mutex> lock(mu_);
  return state_;
}

void StateHolder::Set(std::shared_ptr<const ServeState> state) {
  std::lock_guard<std::mutex> lock(mu_);
  state_ = std::move(state);
}

}  // namespace portalgen::serve
