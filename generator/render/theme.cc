#include "render/theme.h"

#include <algorithm>
#include <functional>
#include <regex>

#include <kainjow/mustache.hpp>

#include "base/did_you_mean.h"

namespace portalgen::render {

namespace mustache = kainjow::mustache;

Theme::Theme(Theme&&) noexcept = default;
Theme& Theme::operator=(Theme&&) noexcept = default;
Theme::~Theme() = default;

const std::vector<std::string>& Theme::RequiredTemplates() {
  static const std::vector<std::string> kNames = {"index", "page",  "brief", "event",
                                                  "member", "list", "terms", "404"};
  return kNames;
}

namespace {

constexpr std::string_view kExt = ".mustache";

struct ScannedTag {
  std::string name;
  size_t offset;
  char kind;
};

// Every variable, section and partial tag with its byte offset and kind. Comments and delimiter
// changes are skipped; custom delimiters are not supported by this scan (docs/theming.md).
std::vector<ScannedTag> ScanTags(const std::string& text) {
  std::vector<ScannedTag> tags;
  size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string::npos) {
    size_t start = pos + 2;
    char kind = 0;
    if (start < text.size() && std::string_view("#^/>&{!=").find(text[start]) != std::string_view::npos) {
      if (text[start] == '!' || text[start] == '=') {
        pos = start;
        continue;
      }
      kind = text[start++];
    }
    const size_t end = text.find("}}", start);
    if (end == std::string::npos) break;
    std::string name = text.substr(start, end - start);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t}") + 1);
    tags.push_back({name, pos, kind});
    pos = end + 2;
  }
  return tags;
}

// The value `name` (dotted) names in the innermost context that has it, or null.
const Value* Lookup(const std::vector<const Value*>& stack, const std::string& name) {
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const Value* v = *it;
    size_t start = 0;
    while (v != nullptr && start <= name.size()) {
      const size_t dot = std::min(name.find('.', start), name.size());
      v = v->Find(std::string_view(name).substr(start, dot - start));
      start = dot + 1;
    }
    if (v != nullptr) return &v->Resolved();
  }
  return nullptr;
}

// Whether `tag` can resolve against `view`, following its enclosing sections into their first
// item. Partials are taken at the top level. Used only to pick which use of a missing name to
// point at.
bool Resolves(const Value& view, const std::vector<std::string>& sections,
              const std::string& name) {
  std::vector<const Value*> stack = {&view.Resolved()};
  for (const std::string& section : sections) {
    const Value* v = Lookup(stack, section);
    if (v != nullptr && v->is_list() && !v->list().empty()) v = &v->list()[0].Resolved();
    if (v != nullptr && v->is_object()) stack.push_back(v);
  }
  return name == "." || Lookup(stack, name) != nullptr;
}

// kainjow reports syntax errors as "... at <byte offset>".
Diagnostic SyntaxError(const SourceText& source, const std::string& message) {
  std::smatch m;
  static const std::regex kAt(" at ([0-9]+)$");
  if (std::regex_search(message, m, kAt)) {
    LineCol at = source.Locate(std::stoul(m[1].str()));
    return source.MakeError(at.line, at.col, "template syntax: " + m.prefix().str(),
                            "every {{#section}} needs its {{/section}}, every {{ its }}");
  }
  return source.MakeError(0, 0, "template syntax: " + message);
}

void CollectKeys(const Value& value, std::set<std::string>& out) {
  if (value.is_object()) {
    for (const Member& m : value.object()) {
      out.insert(std::string(m.key.text()));
      CollectKeys(m.value, out);
    }
  } else if (value.is_list()) {
    for (const Value& item : value.list()) CollectKeys(item, out);
  }
}

}  // namespace

std::optional<Theme> Theme::Load(const FileSystem& fs, const std::string& source_dir,
                                 const std::string& name, DiagnosticSink& sink) {
  const std::string themes_dir = JoinPath(source_dir, "themes");
  const std::string dir = JoinPath(themes_dir, name);
  if (!fs.IsDirectory(JoinPath(dir, "templates"))) {
    std::vector<std::string> names;
    if (auto files = fs.ListFiles(themes_dir); files.ok()) {
      for (const std::string& f : *files) {
        std::string rest = f.substr(themes_dir.size() + 1);
        names.push_back(rest.substr(0, rest.find('/')));
      }
    }
    sink.Error("site.toml", 0, 0, "theme '" + name + "' not found in themes/",
               DidYouMean(name, names));
    return std::nullopt;
  }
  Theme theme;
  theme.reported_mu_ = std::make_unique<std::mutex>();
  theme.static_dir_ = JoinPath(dir, "static");
  const std::string templates_dir = JoinPath(dir, "templates");
  const std::string shown_dir = "themes/" + name + "/templates";
  Result<std::vector<std::string>> files = fs.ListFiles(templates_dir);
  if (!files.ok()) {
    sink.Add(FileSystemError(files.status(), templates_dir, shown_dir));
    return std::nullopt;
  }
  bool ok = true;
  std::set<std::string> unreadable;
  for (const std::string& path : *files) {
    if (path.size() < kExt.size() || path.compare(path.size() - kExt.size(), kExt.size(), kExt)) {
      continue;
    }
    std::string rel = path.substr(templates_dir.size() + 1);
    rel.resize(rel.size() - kExt.size());
    const bool partial = rel.rfind("partials/", 0) == 0;
    const std::string key = partial ? rel.substr(9) : rel;
    Result<std::string> text = fs.Read(path);
    if (!text.ok()) {
      Diagnostic d = FileSystemError(text.status(), templates_dir, shown_dir);
      d.message = "cannot read the file: " + d.message;
      sink.Add(std::move(d));
      unreadable.insert(key);  // it is there: not also "no template"
      ok = false;
      continue;
    }
    std::string display = "themes/" + name + "/templates/" + rel + std::string(kExt);
    auto source = std::make_shared<const SourceText>(display, *text);
    mustache::mustache parsed(*text);
    if (!parsed.is_valid()) {
      sink.Add(SyntaxError(*source, parsed.error_message()));
      ok = false;
    }
    File file{source, {}, parsed.is_valid() ? ParseTemplate(*text) : TemplateTree()};
    std::vector<std::string> open;
    for (const ScannedTag& t : ScanTags(*text)) {
      if (t.kind == '/' && !open.empty()) open.pop_back();
      if (t.kind != '/') file.tags.push_back({t.name, t.offset, t.kind, open});
      if (t.kind == '#') open.push_back(t.name);
      if (t.kind == '^') open.push_back("");  // an inverted section adds no context
    }
    (partial ? theme.partials_ : theme.templates_)[key] = std::move(file);
  }
  if (!theme.CheckPartialCycles(sink)) ok = false;
  for (const std::string& required : RequiredTemplates()) {
    if (!theme.Has(required) && !unreadable.count(required)) {
      sink.Error("themes/" + name + "/templates", 0, 0,
                 "theme '" + name + "' has no template '" + required + ".mustache'");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return theme;
}

bool Theme::CheckPartialCycles(DiagnosticSink& sink) const {
  // Depth-first over the partials: a {{> name}} of a partial still on the path closes a circle.
  // Only includes outside every section count: those always recurse. Inside a section the data
  // may end the recursion (a tree of nested lists); the renderer's depth limit stops the rest.
  // The depth is at most the number of partials.
  std::set<std::string> done;
  std::vector<std::string> path;
  bool ok = true;
  std::function<void(const std::string&)> visit = [&](const std::string& key) {
    path.push_back(key);
    const File& file = partials_.at(key);
    for (const Tag& tag : file.tags) {
      if (tag.kind != '>' || !tag.sections.empty() || !partials_.count(tag.name) ||
          done.count(tag.name)) {
        continue;
      }
      auto on_path = std::find(path.begin(), path.end(), tag.name);
      if (on_path == path.end()) {
        visit(tag.name);
        continue;
      }
      std::string circle;
      for (auto it = on_path; it != path.end(); ++it) circle += *it + " -> ";
      const LineCol at = file.source->Locate(tag.offset);
      sink.Add(file.source->MakeError(
          at.line, at.col, "partial '" + tag.name + "' includes itself (" + circle + tag.name + ")",
          "rendering it would never end; remove this {{> " + tag.name + "}}"));
      ok = false;
    }
    path.pop_back();
    done.insert(key);
  };
  for (const auto& [key, file] : partials_) {
    if (!done.count(key)) visit(key);
  }
  return ok;
}

void Theme::ReportUnknown(const std::string& name, const std::string& missing, bool partial,
                          const Value& view, DiagnosticSink& sink) const {
  std::vector<std::string> candidates;
  if (partial) {
    for (const auto& [key, file] : partials_) candidates.push_back(key);
  } else {
    std::set<std::string> keys;
    CollectKeys(view, keys);
    candidates.assign(keys.begin(), keys.end());
  }
  // The message names the place, not the template being rendered, so that a mistake in a
  // partial shared by every template is reported once, the same way on every run.
  const std::string message =
      std::string(partial ? "unknown partial '" : "unknown variable '") + missing + "'";
  // "page.kind_lable": suggest for the last part, and keep the path the author wrote.
  const size_t dot = missing.rfind('.');
  std::string hint;
  if (partial || dot == std::string::npos) {
    hint = DidYouMean(missing, candidates);
  } else if (std::string best = Suggest(missing.substr(dot + 1), candidates); !best.empty()) {
    hint = "did you mean '" + missing.substr(0, dot + 1) + best + "'?";
  }
  Diagnostic d = templates_.at(name).source->MakeError(0, 0, message, hint);
  // Point at the first use that cannot resolve (in the template itself, else in a partial),
  // or at the first use at all when none can be told apart.
  std::vector<const File*> search = {&templates_.at(name)};
  for (const auto& [key, file] : partials_) search.push_back(&file);
  struct Use {
    const File* file = nullptr;
    const Tag* tag = nullptr;
  };
  Use first, unresolved;
  for (const File* file : search) {
    for (const Tag& tag : file->tags) {
      if (tag.name != missing || (tag.kind == '>') != partial) continue;
      if (first.tag == nullptr) first = {file, &tag};
      if (unresolved.tag == nullptr && (partial || !Resolves(view, tag.sections, tag.name))) {
        unresolved = {file, &tag};
      }
    }
  }
  const Use use = unresolved.tag != nullptr ? unresolved : first;
  const File* where = use.file;
  const Tag* which = use.tag;
  if (which != nullptr) {
    LineCol at = where->source->Locate(which->offset);
    d = where->source->MakeError(at.line, at.col, message, hint);
  }
  {
    std::lock_guard<std::mutex> lock(*reported_mu_);
    if (!reported_.insert({d.path + ":" + std::to_string(d.line) + ":" + std::to_string(d.col),
                           missing}).second) {
      return;
    }
  }
  sink.Add(std::move(d));
}

void Theme::ReportTooDeep(const std::string& partial, DiagnosticSink& sink) const {
  const std::string message = "partial '" + partial + "' nests more than " +
                              std::to_string(kMaxPartialDepth) + " partials deep";
  const std::string hint =
      "a partial that includes itself must do so inside a section that "
      "ends, e.g. {{#children}}{{> " +
      partial + "}}{{/children}}";
  Diagnostic d = partials_.at(partial).source->MakeError(0, 0, message, hint);
  {
    std::lock_guard<std::mutex> lock(*reported_mu_);
    if (!reported_.insert({d.path, d.message}).second) return;
  }
  sink.Add(std::move(d));
}

std::optional<std::string> Theme::Render(const std::string& name, const nlohmann::json& view,
                                         DiagnosticSink& sink) const {
  return Render(name, Value::FromJson(view), sink);
}

std::optional<std::string> Theme::Render(const std::string& name, const Value& view,
                                         DiagnosticSink& sink, FragmentMemo* memo) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    sink.Error("themes", 0, 0, "no template '" + name + ".mustache' in the theme");
    return std::nullopt;
  }
  const PartialLookup partials = [this](const std::string& key) -> const TemplateTree* {
    auto found = partials_.find(key);
    return found == partials_.end() ? nullptr : &found->second.tree;
  };
  MissingNames missing;
  std::string too_deep;
  std::string html = RenderTemplate(it->second.tree, view, partials, missing, &too_deep, memo);
  if (!too_deep.empty()) {
    ReportTooDeep(too_deep, sink);
    return std::nullopt;
  }
  if (!missing.empty()) {
    for (const auto& [unknown, partial] : missing) ReportUnknown(name, unknown, partial, view, sink);
    return std::nullopt;
  }
  return html;
}

}  // namespace portalgen::render
