// Atom 1.0 (RFC 4287). Entry ids are the absolute page URLs: stable while base_url is.
#include "base/paths.h"
#include "content/body_reads.h"
#include "feeds/feed_writers.h"
#include "feeds/xml_text.h"
#include "view/view_context.h"

namespace portalgen::feeds {

namespace {

void MakeEntry(const view::ViewContext& ctx, const FeedEntry& e, std::string& out) {
  const content::Document& doc = ctx.lib.docs[e.id];
  const std::string url = ctx.AbsoluteUrl(ctx.lib.PathOf(e.id));
  const std::string date = Rfc3339(e.date);
  out += "  <entry>\n    <title>" + XmlEscape(doc.title) + "</title>\n";
  out += "    <id>" + XmlEscape(url) + "</id>\n";
  out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(url) + "\"/>\n";
  out += "    <published>" + date + "</published>\n    <updated>" + date + "</updated>\n";
  const std::string scheme = ctx.AbsoluteUrl("/topics/");
  for (const content::Ref& topic : doc.topics) {
    out += "    <category term=\"" + Slugify(topic.value) + "\" scheme=\"" + XmlEscape(scheme) +
           "\" label=\"" + XmlEscape(topic.value) + "\"/>\n";
  }
  const std::string summary = view::SummaryOf(doc);
  if (!summary.empty()) out += "    <summary type=\"text\">" + XmlEscape(summary) + "</summary>\n";
  out += "    <content type=\"html\">";
  AppendXmlCdata(AbsoluteHtml(content::BodyHtml(doc), Origin(ctx.config.base_url), url), out);
  out += "</content>\n  </entry>\n";
}

// A document's <entry> is the same in every feed that lists it (its date comes from the
// document too): made once per build.
void AppendEntry(const view::ViewContext& ctx, const FeedEntry& e, std::string& out) {
  out += ctx.memo->atom_entries.Get(e.id, [&] {
    std::string entry;
    MakeEntry(ctx, e, entry);
    return entry;
  });
}

}  // namespace

std::string FeedAuthor(const config::SiteConfig& config) {
  return config.author_name.empty() ? config.title : config.author_name;
}

std::string AtomFeed(const view::ViewContext& ctx, const FeedSpec& spec) {
  const config::SiteConfig& c = ctx.config;
  const std::vector<FeedEntry> entries = SelectEntries(ctx.lib, spec.ids, c.feeds_limit);
  const std::string self = ctx.AbsoluteUrl(spec.path);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out +=
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + XmlEscape(c.language) + "\">\n";
  out += "  <title>" + XmlEscape(spec.title) + "</title>\n";
  if (!c.description.empty()) out += "  <subtitle>" + XmlEscape(c.description) + "</subtitle>\n";
  out += "  <id>" + XmlEscape(self) + "</id>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + XmlEscape(self) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
         XmlEscape(ctx.AbsoluteUrl(spec.page_path)) + "\"/>\n";
  out += "  <updated>" + Rfc3339(entries.empty() ? EmptyFeedDate() : entries.front().date) +
         "</updated>\n";
  out += "  <author>\n    <name>" + XmlEscape(FeedAuthor(c)) + "</name>\n";
  if (!c.author_email.empty()) out += "    <email>" + XmlEscape(c.author_email) + "</email>\n";
  out += "  </author>\n  <generator>portalgen</generator>\n";
  for (const FeedEntry& e : entries) AppendEntry(ctx, e, out);
  out += "</feed>\n";
  return out;
}

}  // namespace portalgen::feeds
