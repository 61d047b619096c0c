// A theme: themes/<name>/templates/*.mustache, templates/partials/*.mustache and static/.
// Loaded and syntax-checked once; rendering is strict: a name the view model does not have,
// or a partial the theme does not have, is an error at the template's file and line.
#ifndef PORTALGEN_RENDER_THEME_H_
#define PORTALGEN_RENDER_THEME_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/source_map.h"
#include "render/template_tree.h"

namespace portalgen::render {

class Theme {
 public:
  /// Loads `<source_dir>/themes/<name>/`. Reports an unknown theme (with did-you-mean),
  /// missing required templates and Mustache syntax errors.
  static std::optional<Theme> Load(const FileSystem& fs, const std::string& source_dir,
                                   const std::string& name, DiagnosticSink& sink);

  /// Renders template `name` ("event") with `view`. Returns nullopt after reporting unknown
  /// variables or partials (each template/name pair once per Theme). `memo`, when given, keeps
  /// and reuses the text of list items shared between views (fragment_memo.h).
  std::optional<std::string> Render(const std::string& name, const Value& view,
                                    DiagnosticSink& sink, FragmentMemo* memo = nullptr) const;
  /// The same with a json view (converted by Value::FromJson).
  std::optional<std::string> Render(const std::string& name, const nlohmann::json& view,
                                    DiagnosticSink& sink) const;

  bool Has(const std::string& name) const { return templates_.count(name) > 0; }
  /// The theme's static folder ("<source>/themes/<name>/static").
  const std::string& static_dir() const { return static_dir_; }

  /// Templates every theme must provide.
  static const std::vector<std::string>& RequiredTemplates();

  Theme(Theme&&) noexcept;
  Theme& operator=(Theme&&) noexcept;
  ~Theme();

 private:
  Theme() = default;
  struct Tag {
    std::string name;
    size_t offset = 0;
    char kind = 0;                      // 0 variable, '#' '^' '/' '>' '&' '{'
    std::vector<std::string> sections;  // names of the {{#sections}} it sits in, outermost first
  };
  struct File {
    std::shared_ptr<const SourceText> source;
    std::vector<Tag> tags;  // every {{name}}, section and partial tag, in order
    TemplateTree tree;      // parsed once at load, rendered for every page
  };
  /// Reports (once) a partial that nested deeper than kMaxPartialDepth.
  void ReportTooDeep(const std::string& partial, DiagnosticSink& sink) const;
  void ReportUnknown(const std::string& name, const std::string& missing, bool partial,
                     const Value& view, DiagnosticSink& sink) const;
  // Reports every partial that includes itself, directly or through others (rendering it
  // would never end), at the {{> name}} tag that closes the circle. Returns false if any.
  bool CheckPartialCycles(DiagnosticSink& sink) const;

  std::map<std::string, File> templates_;
  std::map<std::string, File> partials_;
  std::string static_dir_;
  mutable std::unique_ptr<std::mutex> reported_mu_;
  mutable std::set<std::pair<std::string, std::string>> reported_;
};

}  // namespace portalgen::render

#endif  // PORTALGEN_RENDER_THEME_H_
