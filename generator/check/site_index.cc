#include "check/site_index.h"

#include <cctype>

#include "base/did_you_mean.h"
#include "base/paths.h"
#include "base/utf8.h"

namespace portalgen::check {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexDigitValue(s[i + 1]) >= 0 &&
        HexDigitValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexDigitValue(s[i + 1]) * 16 + HexDigitValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Resolves "." and ".." in an absolute path; nullopt when ".." would climb above the root.
std::optional<std::string> RemoveDotSegments(std::string_view path) {
  std::vector<std::string> parts;
  size_t start = 1;
  bool trailing_slash = false;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    trailing_slash = part.empty() || part == "." || part == "..";
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.emplace_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += "/" + p;
  if (out.empty() || trailing_slash) out += "/";
  return out;
}

// "https://x.org/icat/" -> "https://x.org"; "" for a base URL without a host.
std::string OriginOf(std::string_view base_url) {
  const size_t scheme = base_url.find("://");
  if (scheme == std::string_view::npos) return "";
  const size_t slash = base_url.find('/', scheme + 3);
  return std::string(base_url.substr(0, slash));
}

bool LooksLikeFile(std::string_view site_path) {
  const std::string_view last = site_path.substr(site_path.rfind('/') + 1);
  return last.find('.') != std::string_view::npos;
}

}  // namespace

std::string SitePathOf(std::string_view file) {
  if (file == "index.html") return "/";
  if (EndsWith(file, "/index.html")) return "/" + std::string(file.substr(0, file.size() - 10));
  return "/" + std::string(file);
}

bool HasScheme(std::string_view href) {
  if (href.substr(0, 2) == "//") return true;
  const size_t colon = href.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    const char c = href[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return std::isalpha(static_cast<unsigned char>(href[0]));
}

SiteIndex::SiteIndex(const std::vector<output::OutputFile>& files, std::string base_url)
    : base_url_(std::move(base_url)), base_path_(BasePath(base_url_)) {
  for (const output::OutputFile& f : files) {
    files_.insert(f.path);
    site_paths_.push_back(SitePathOf(f.path));
    if (!EndsWith(f.path, ".html")) continue;
    std::vector<HtmlTag> tags = ScanTags(f.bytes);
    std::set<std::string>& ids = ids_[f.path];
    for (const HtmlTag& tag : tags) {
      if (const std::string* id = tag.Find("id")) ids.insert(*id);
      if (const std::string* name = tag.Find("name"); name && tag.name == "a") ids.insert(*name);
    }
    tags_[f.path] = std::move(tags);
  }
}

std::optional<std::string> SiteIndex::FileFor(std::string_view site_path) const {
  if (site_path.empty() || site_path.front() != '/') return std::nullopt;
  std::string rel(site_path.substr(1));
  if (rel.empty() || rel.back() == '/') {
    rel += "index.html";
  } else if (!files_.count(rel)) {
    rel += "/index.html";  // hosts redirect "/about" to "/about/"
  }
  if (files_.count(rel)) return rel;
  return std::nullopt;
}

const std::set<std::string>* SiteIndex::IdsOn(const std::string& file) const {
  auto it = ids_.find(file);
  return it == ids_.end() ? nullptr : &it->second;
}

const std::vector<HtmlTag>& SiteIndex::TagsOf(const std::string& file) const {
  static const std::vector<HtmlTag> kNone;
  auto it = tags_.find(file);
  return it == tags_.end() ? kNone : it->second;
}

std::vector<std::string> SiteIndex::Pages() const {
  std::vector<std::string> pages;
  for (const auto& [file, tags] : tags_) pages.push_back(file);
  return pages;
}

std::optional<InternalLink> SiteIndex::Internal(std::string_view href, std::string_view page_path,
                                                LinkProblem* problem) const {
  std::string url(href);
  const std::string origin = OriginOf(base_url_);
  if (!origin.empty() && url.rfind(origin + "/", 0) == 0) url = url.substr(origin.size());
  if (url.empty() || HasScheme(url)) return std::nullopt;
  InternalLink link;
  const size_t hash = url.find('#');
  if (hash != std::string::npos) {
    link.fragment = PercentDecode(std::string_view(url).substr(hash + 1));
    url.resize(hash);
  }
  if (const size_t query = url.find('?'); query != std::string::npos) url.resize(query);
  if (url.empty()) return link;
  if (url.front() == '/') {
    if (url + "/" == base_path_) url += "/";
    if (url.rfind(base_path_, 0) != 0) {
      *problem = {
          "link '" + std::string(href) + "' is outside the site's base path '" + base_path_ + "'",
          "write it as '" + base_path_ + url.substr(1) + "'"};
      return std::nullopt;
    }
    url = url.substr(base_path_.size() - 1);
  } else {
    url = std::string(page_path.substr(0, page_path.rfind('/') + 1)) + url;
  }
  std::optional<std::string> path = RemoveDotSegments(PercentDecode(url));
  if (!path) {
    *problem = {"link '" + std::string(href) + "' climbs above the site's root", ""};
    return std::nullopt;
  }
  link.site_path = std::move(*path);
  return link;
}

std::optional<LinkProblem> SiteIndex::Check(std::string_view href, const InternalLink& link,
                                            std::string_view page_path) const {
  const bool same_page = link.site_path.empty();
  const std::string target = same_page ? std::string(page_path) : link.site_path;
  const std::optional<std::string> file = FileFor(target);
  if (!file) {
    const std::string suggestion = Suggest(target, site_paths_);
    LinkProblem p;
    p.message = "broken link '" + std::string(href) + "': " +
                (LooksLikeFile(target) ? "no file '" + target + "' in static/ or the theme"
                                       : "no page at '" + target + "'");
    if (!suggestion.empty()) p.hint = "did you mean '" + base_path_ + suggestion.substr(1) + "'?";
    return p;
  }
  const std::set<std::string>* ids = IdsOn(*file);
  if (link.fragment.empty() || link.fragment == "top" || !ids || ids->count(link.fragment)) {
    return std::nullopt;
  }
  return LinkProblem{"broken anchor '#" + link.fragment + "': no id '" + link.fragment + "' on " +
                         (same_page ? "this page" : "'" + target + "'"),
                     DidYouMean(link.fragment, {ids->begin(), ids->end()})};
}

}  // namespace portalgen::check
