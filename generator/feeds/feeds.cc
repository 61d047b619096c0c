#include "feeds/feeds.h"

#include <map>
#include <memory>
#include <set>

#include "base/paths.h"
#include "feeds/calendar.h"
#include "feeds/feed_writers.h"
#include "feeds/search_index.h"
#include "feeds/search_script.h"
#include "feeds/site_files.h"

namespace portalgen::feeds {

namespace {

std::vector<index::DocId> Concat(const std::vector<index::DocId>& a,
                                 const std::vector<index::DocId>& b) {
  std::vector<index::DocId> out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

std::vector<index::DocId> Lookup(const std::map<index::DocId, std::vector<index::DocId>>& m,
                                 index::DocId key) {
  auto it = m.find(key);
  return it == m.end() ? std::vector<index::DocId>{} : it->second;
}

// The whole site, its two dated sections, and every topic, priority and member.
std::vector<FeedSpec> AtomFeedSpecs(const view::ViewContext& ctx) {
  const index::Library& lib = ctx.lib;
  const std::string& site = ctx.config.title;
  std::vector<FeedSpec> specs = {
      {"/feed.xml", "/", site, Concat(lib.briefs, lib.events)},
      {"/briefs/feed.xml", "/briefs/", site + ": Publications", lib.briefs},
      {"/events/feed.xml", "/events/", site + ": Events", lib.events}};
  for (const auto& [slug, topic] : lib.topics) {
    const std::string path = view::ViewContext::TopicPath(slug);
    specs.push_back({path + "feed.xml", path, site + ": " + topic.label, topic.docs});
  }
  for (const config::Priority& p : ctx.config.priorities) {
    auto it = lib.priorities.find(p.number);
    const std::string path = ctx.PriorityPath(p.number);
    specs.push_back({path + "feed.xml", path,
                     site + ": Priority " + std::to_string(p.number) + ", " + p.title,
                     it == lib.priorities.end() ? std::vector<index::DocId>{} : it->second});
  }
  for (index::DocId id : lib.members) {
    const content::Document& doc = lib.docs[id];
    const std::string path = lib.PathOf(id);
    specs.push_back({path + "feed.xml", path,
                     site + ": " + (doc.member.acronym.empty() ? doc.title : doc.member.acronym),
                     Concat(Lookup(lib.member_briefs, id), Lookup(lib.member_events, id))});
  }
  return specs;
}

}  // namespace

std::vector<FileJob> FeedJobs(const view::ViewContext& ctx,
                              const std::vector<std::string>& page_paths) {
  std::vector<FileJob> jobs;
  auto specs = std::make_shared<const std::vector<FeedSpec>>(AtomFeedSpecs(ctx));
  for (size_t i = 0; i < specs->size(); ++i) {
    const std::string file = OutputFileFor((*specs)[i].path);
    jobs.push_back({file, [specs, i, file](const view::ViewContext& ctx) {
                      return output::OutputFile{file, AtomFeed(ctx, (*specs)[i])};
                    }});
  }
  jobs.push_back({"rss.xml", [specs](const view::ViewContext& ctx) {
                    FeedSpec site = specs->front();
                    site.path = "/rss.xml";
                    return output::OutputFile{"rss.xml", RssFeed(ctx, site)};
                  }});
  jobs.push_back({"feed.json", [specs](const view::ViewContext& ctx) {
                    FeedSpec site = specs->front();
                    site.path = "/feed.json";
                    return output::OutputFile{"feed.json", JsonFeed(ctx, site)};
                  }});
  for (FileJob& job : CalendarJobs(ctx)) jobs.push_back(std::move(job));
  jobs.push_back({"sitemap.xml", [&page_paths](const view::ViewContext& ctx) { return Sitemap(ctx, page_paths); }});
  jobs.push_back({"robots.txt", [](const view::ViewContext& ctx) { return Robots(ctx); }});
  jobs.push_back(
      {kSearchIndexPath, [](const view::ViewContext& ctx) { return SearchIndex(ctx); },
       [](const view::ViewContext& ctx, const PutPiece& put) { WriteSearchIndex(ctx, put); }});
  jobs.push_back({"search/search.js", [](const view::ViewContext&) { return SearchScript(); }});
  return jobs;
}

std::vector<output::OutputFile> WriteAll(const view::ViewContext& ctx,
                                         const std::vector<std::string>& page_paths,
                                         DiagnosticSink& sink) {
  std::vector<output::OutputFile> files;
  for (const FileJob& job : FeedJobs(ctx, page_paths)) files.push_back(job.make(ctx));
  std::set<std::string> taken;
  for (const std::string& p : page_paths) taken.insert(OutputFileFor(p));
  for (const output::OutputFile& f : files) taken.insert(f.path);
  const auto is_taken = [&taken](const std::string& file) { return taken.count(file) > 0; };
  for (output::OutputFile& f : AliasPages(ctx, is_taken, sink)) files.push_back(std::move(f));
  return files;
}

}  // namespace portalgen::feeds
