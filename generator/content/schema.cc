#include "content/schema.h"

#include "base/paths.h"
#include "base/url_filter.h"
#include "content/front_matter.h"

namespace portalgen::content {

namespace {

void ReadPriorities(tomlx::Reader& r, Document& doc) {
  const toml::node* node = r.Node("priorities");
  if (!r.Ints("priorities")) return;
  for (const toml::node& item : *node->as_array()) {
    const int value = static_cast<int>(item.as_integer()->get());
    if (value < 1 || value > 6) {
      r.Error(&item, "priority " + std::to_string(value) + " does not exist",
              "ICAT priorities are numbered 1 to 6 (see site.toml)");
      continue;
    }
    const LineCol at = tomlx::Where(r.origin(), &item);
    doc.priorities.push_back({value, at.line, at.col});
  }
}

// Located values need file lines, so translate a node's TOML line through the reader's origin.
Ref MakeRef(const tomlx::Reader& r, const toml::node& item, std::string value) {
  const LineCol at = tomlx::Where(r.origin(), &item);
  return {std::move(value), at.line, at.col};
}

}  // namespace

const std::vector<std::string>& CommonKeys() {
  static const std::vector<std::string> kKeys = {"title",  "summary",    "draft",  "topics",
                                                 "slug",   "priorities", "aliases"};
  return kKeys;
}

std::vector<Ref> ReadRefs(tomlx::Reader& r, std::string_view key) {
  std::vector<Ref> out;
  if (!r.Strings(key)) return out;
  for (const toml::node& item : *r.Node(key)->as_array()) {
    out.push_back(MakeRef(r, item, item.as_string()->get()));
  }
  return out;
}

std::string ReadUrl(tomlx::Reader& r, std::string_view key) {
  std::string url = r.String(key).value_or("");
  if (!IsDangerousUrl(url)) return url;
  r.Error(r.Node(key), "unsafe URL in '" + std::string(key) + "'",
          "javascript:, vbscript: and data: links are refused; use an https:// address or a "
          "site path such as /files/report.pdf");
  return "";
}

void ReadCommon(tomlx::Reader& r, Document& doc) {
  doc.title = r.RequiredString("title");
  doc.summary = r.String("summary").value_or("");
  doc.draft = r.Bool("draft").value_or(false);
  if (auto slug = r.String("slug")) {
    if (IsValidSlug(*slug)) {
      doc.slug = *slug;
    } else {
      r.Error(r.Node("slug"), "invalid slug '" + *slug + "'",
              "use lowercase a-z, 0-9 and '-' only, e.g. '" + Slugify(*slug) + "'");
    }
  }
  doc.topics = ReadRefs(r, "topics");
  for (const Ref& topic : doc.topics) {
    if (topic.value.find_first_not_of(" \t") == std::string::npos) {
      r.Error(r.Node("topics"), "empty topic");
    }
  }
  ReadPriorities(r, doc);
  doc.aliases = ReadRefs(r, "aliases");
  for (size_t i = 0; i < doc.aliases.size(); ++i) {
    const std::string& alias = doc.aliases[i].value;
    if (!IsSafeSitePath(alias)) {
      r.Error(r.Node("aliases")->as_array()->get(i), "invalid alias '" + alias + "'",
              "an alias is a site path such as \"/old/path/\" without '..' or a scheme");
    }
  }
}

Document ParseDocument(Kind kind, std::string slug,
                                      std::shared_ptr<const SourceText> source,
                                      DiagnosticSink& sink) {
  Document doc;
  doc.kind = kind;
  doc.slug = std::move(slug);
  doc.source_path = source->path();
  doc.source = source;
  doc.broken = true;
  std::optional<SplitFile> split = SplitFrontMatter(*source, sink);
  if (!split) return doc;
  const tomlx::Origin origin{source.get(), split->front_matter_line};
  std::optional<toml::table> table = tomlx::Parse(split->front_matter, origin, sink);
  if (!table) return doc;

  doc.broken = false;
  doc.body = split->body;
  doc.body_line = split->body_line;
  if (table->empty()) {
    sink.Add(source->MakeError(1, 1, "front matter is empty", "add at least title = \"...\""));
    doc.broken = true;
    return doc;
  }
  tomlx::Reader reader(*table, origin, sink, "");
  ReadCommon(reader, doc);
  switch (kind) {
    case Kind::kBrief: ReadBrief(reader, doc); break;
    case Kind::kEvent: ReadEvent(reader, doc, sink); break;
    case Kind::kMember: ReadMember(reader, doc); break;
    case Kind::kPage: reader.WarnUnknownKeys(CommonKeys()); break;
  }
  return doc;
}

}  // namespace portalgen::content
