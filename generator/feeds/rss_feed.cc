// RSS 2.0 (RSS Board specification) with an atom:link rel="self", as feed validators advise.
#include "base/paths.h"
#include "content/body_reads.h"
#include "feeds/feed_writers.h"
#include "feeds/xml_text.h"

namespace portalgen::feeds {

namespace {

void AppendItem(const view::ViewContext& ctx, const FeedEntry& e, std::string& out) {
  const content::Document& doc = ctx.lib.docs[e.id];
  const std::string url = XmlEscape(ctx.AbsoluteUrl(ctx.lib.PathOf(e.id)));
  out += "    <item>\n      <title>" + XmlEscape(doc.title) + "</title>\n";
  out += "      <link>" + url + "</link>\n";
  out += "      <guid isPermaLink=\"true\">" + url + "</guid>\n";
  out += "      <pubDate>" + Rfc822(e.date) + "</pubDate>\n";
  for (const content::Ref& topic : doc.topics) {
    out += "      <category>" + XmlEscape(topic.value) + "</category>\n";
  }
  const std::string html = AbsoluteHtml(content::BodyHtml(doc), Origin(ctx.config.base_url),
                                        ctx.AbsoluteUrl(ctx.lib.PathOf(e.id)));
  out += "      <description>";
  AppendXmlCdata(html, out);
  out += "</description>\n    </item>\n";
}

}  // namespace

std::string RssFeed(const view::ViewContext& ctx, const FeedSpec& spec) {
  const config::SiteConfig& c = ctx.config;
  const std::vector<FeedEntry> entries = SelectEntries(ctx.lib, spec.ids, c.feeds_limit);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n  <channel>\n";
  out += "    <title>" + XmlEscape(spec.title) + "</title>\n";
  out += "    <link>" + XmlEscape(ctx.AbsoluteUrl(spec.page_path)) + "</link>\n";
  out += "    <description>" + XmlEscape(c.description.empty() ? c.title : c.description) +
         "</description>\n";
  out += "    <language>" + XmlEscape(c.language) + "</language>\n";
  out += "    <atom:link rel=\"self\" type=\"application/rss+xml\" href=\"" +
         XmlEscape(ctx.AbsoluteUrl(spec.path)) + "\"/>\n";
  out += "    <lastBuildDate>" + Rfc822(entries.empty() ? EmptyFeedDate() : entries.front().date) +
         "</lastBuildDate>\n";
  // RSS wants an e-mail address first in managingEditor; without one the element is left out.
  if (!c.author_email.empty()) {
    out += "    <managingEditor>" + XmlEscape(c.author_email + " (" + FeedAuthor(c) + ")") +
           "</managingEditor>\n";
  }
  out += "    <generator>portalgen</generator>\n";
  for (const FeedEntry& e : entries) AppendItem(ctx, e, out);
  out += "  </channel>\n</rss>\n";
  return out;
}

}  // namespace portalgen::feeds
