// A small site built in memory for the feeds, calendar, tz and sitemap tests: site.toml and
// content files as strings, run through load, index and Markdown like the real pipeline.
#ifndef PORTALGEN_TESTS_FEEDS_FIXTURE_H_
#define PORTALGEN_TESTS_FEEDS_FIXTURE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "build/markdown_stage.h"
#include "config/site_config.h"
#include "content/loader.h"
#include "index/library.h"
#include "view/view_context.h"

namespace portalgen::testing {

inline const char* const kFixtureConfig = R"(title = "Test Portal"
base_url = "https://example.org/portal/"
description = "Feeds & more"

[author]
name = "Test Secretariat"
email = "test@example.org"

[[priorities]]
number = 1
title = "Evidence"
)";

/// The Vienna side event of the brief: times written in Europe/Vienna summer time.
inline const char* const kViennaEvent = R"(+++
title = "Beyond the short term"
start = 2022-10-11T13:30:00+02:00
end = 2022-10-11T14:05:00+02:00
timezone = "Europe/Vienna"
venue = "Room 1, Hofburg"
city = "Vienna"
contact = "events@example.org"
members = ["alpha"]
other_organizers = ["A Foundation"]
topics = ["Migration", "Labour; rights"]
+++
Side event on [partners](/portal/members/alpha/) and [more](#more).
)";

struct Site {
  config::SiteConfig config;
  index::Library lib;
  DiagnosticSink sink;
  std::unique_ptr<view::ViewContext> ctx;
};

/// Builds a site from `files` (path -> text, e.g. "content/events/x.md"); `now` is the context's.
inline std::unique_ptr<Site> BuildSite(const std::map<std::string, std::string>& files,
                                       int64_t now = 0,
                                       const std::string& config_text = kFixtureConfig) {
  auto site = std::make_unique<Site>();
  site->config = *config::ParseSiteConfig("site.toml", config_text, site->sink);
  std::vector<content::Document> docs;
  for (const auto& [path, text] : files) {
    if (auto doc = content::LoadDocument(path, text, site->sink)) docs.push_back(std::move(*doc));
  }
  site->lib = index::BuildLibrary(std::move(docs), site->config, site->sink);
  build::RenderMarkdown(site->lib, site->config, 1, site->sink);
  site->ctx = std::make_unique<view::ViewContext>(view::ViewContext{site->config, site->lib, now});
  return site;
}

/// `text` with every diagnostic formatted, for failure messages.
inline std::string Diagnostics(const DiagnosticSink& sink) {
  return FormatDiagnostics(sink.Sorted());
}

}  // namespace portalgen::testing

#endif  // PORTALGEN_TESTS_FEEDS_FIXTURE_H_
