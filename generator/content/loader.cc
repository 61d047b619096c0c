#include "content/loader.h"

#include <algorithm>

#include "base/did_you_mean.h"
#include "base/paths.h"
#include "base/thread_pool.h"
#include "content/schema.h"

namespace portalgen::content {

namespace {

struct Placement {
  Kind kind = Kind::kPage;
  std::string slug;
};

// "content/briefs/x.md" -> {kBrief, "x"}; errors for unknown folders and bad file names.
std::optional<Placement> Place(const SourceText& file, DiagnosticSink& sink) {
  const std::string& rel_path = file.path();
  std::string_view inner = std::string_view(rel_path).substr(std::string_view("content/").size());
  const size_t slash = inner.find('/');
  std::string_view name = slash == std::string_view::npos ? inner : inner.substr(slash + 1);
  Placement p;
  if (slash != std::string_view::npos) {
    const std::string section(inner.substr(0, slash));
    static const std::vector<std::pair<std::string, Kind>> kSections = {
        {"briefs", Kind::kBrief}, {"events", Kind::kEvent}, {"members", Kind::kMember}};
    auto it = std::find_if(kSections.begin(), kSections.end(),
                           [&](const auto& s) { return s.first == section; });
    if (it == kSections.end() || name.find('/') != std::string_view::npos) {
      std::string hint = DidYouMean(section, {"briefs", "events", "members"});
      sink.Add(file.MakeError(1, 1, "unknown content folder 'content/" + section + "/'",
                              hint.empty() ? "content goes in content/, content/briefs/, "
                                             "content/events/ or content/members/"
                                           : hint));
      return std::nullopt;
    }
    p.kind = it->second;
  }
  p.slug = std::string(name.substr(0, name.size() - 3));
  if (!IsValidSlug(p.slug)) {
    sink.Add(file.MakeError(1, 1, "invalid file name '" + std::string(name) + "'",
                            "rename it to '" + Slugify(p.slug) + ".md': lowercase a-z, 0-9 and "
                            "'-' only"));
    return std::nullopt;
  }
  return p;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// What a listing or read failure asks of the author.
std::string FileErrorHint(const Status& status) {
  const std::string& message = status.message();
  if (status.kind() == Status::Kind::kNotFound) {
    return "it was moved or deleted while the site was built; build again";
  }
  if (message.find("symbolic link") != std::string::npos) {
    return "content/ may hold links only to files inside content/; copy the file in instead";
  }
  return "check that the file can be read";
}

}  // namespace

std::optional<Document> LoadDocument(const std::string& rel_path, std::string bytes,
                                     DiagnosticSink& sink, TextBlocks* blocks) {
  std::optional<std::string> text = NormalizeOwnedText(rel_path, std::move(bytes), sink);
  const bool readable = text.has_value();
  auto source = readable && blocks != nullptr
                    ? std::make_shared<const SourceText>(rel_path, blocks->Keep(*text))
                    : std::make_shared<const SourceText>(
                          rel_path, readable ? std::move(*text) : std::string());
  text.reset();                 // its memory is the next file's, in this thread's heap
  DiagnosticSink place_errors;  // a file we cannot read is not also misnamed
  std::optional<Placement> place = Place(*source, readable ? sink : place_errors);
  if (!place) return std::nullopt;
  if (!readable) {
    Document doc;
    doc.kind = place->kind;
    doc.slug = place->slug;
    doc.source_path = rel_path;
    doc.source = std::move(source);
    doc.broken = true;
    return doc;
  }
  return ParseDocument(place->kind, place->slug, std::move(source), sink);
}

std::vector<std::shared_ptr<Document>> LoadSharedContent(const FileSystem& fs,
                                                         const std::string& source_dir,
                                                         const LoadOptions& options,
                                                         DiagnosticSink& sink) {
  const std::string content_dir = JoinPath(source_dir, "content");
  Result<std::vector<std::string>> files = fs.ListFiles(content_dir);
  if (!files.ok()) {
    sink.Add(
        FileSystemError(files.status(), content_dir, "content", FileErrorHint(files.status())));
    return {};
  }
  std::vector<std::string> rel_paths;
  for (const std::string& path : *files) {
    std::string rel = "content" + path.substr(content_dir.size());
    if (!EndsWith(rel, ".md")) {
      sink.Warning(rel, 0, 0, "not a .md file: ignored",
                   "put downloads and images in static/, not content/");
      continue;
    }
    rel_paths.push_back(std::move(rel));
  }
  std::vector<std::shared_ptr<Document>> docs(rel_paths.size());
  TextBlocks blocks;  // each document's source keeps its block alive (base/text_blocks.h)
  ParallelFor(rel_paths.size(), options.jobs, [&](size_t i) {
    Result<std::string> bytes = fs.Read(JoinPath(source_dir, rel_paths[i]));
    if (!bytes.ok()) {
      Diagnostic d =
          FileSystemError(bytes.status(), content_dir, "content", FileErrorHint(bytes.status()));
      d.path = rel_paths[i];
      d.message = "cannot read the file: " + d.message;
      sink.Add(std::move(d));
      return;
    }
    std::optional<Document> doc = LoadDocument(rel_paths[i], std::move(*bytes), sink, &blocks);
    if (doc && (options.drafts || !doc->draft)) {
      docs[i] = std::make_shared<Document>(std::move(*doc));
    }
  });
  // Unreadable files and drafts leave empty places; file order stays.
  docs.erase(std::remove(docs.begin(), docs.end(), nullptr), docs.end());
  return docs;
}

std::vector<Document> LoadContent(const FileSystem& fs, const std::string& source_dir,
                                  const LoadOptions& options, DiagnosticSink& sink) {
  std::vector<Document> docs;
  for (std::shared_ptr<Document>& doc : LoadSharedContent(fs, source_dir, options, sink)) {
    docs.push_back(std::move(*doc));
  }
  return docs;
}

}  // namespace portalgen::content
