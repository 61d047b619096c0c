#include "index/cross_refs.h"

#include <algorithm>
#include <set>

#include "base/did_you_mean.h"
#include "base/paths.h"
#include "base/utf8.h"
#include "index/taxonomies.h"

namespace portalgen::index {

using content::Document;
using content::Kind;
using content::Ref;

std::string SuggestSlug(const Library& lib, Kind kind, const std::string& word) {
  // Candidates are names a person might type; each maps back to its slug.
  std::vector<std::string> names;
  std::map<std::string, std::string> slug_of;
  for (const auto& [key, id] : lib.by_slug) {
    if (key.first != kind) continue;
    const Document& doc = lib.docs[id];
    for (const std::string& name :
         {key.second, FoldForMatch(doc.member.acronym), FoldForMatch(doc.title)}) {
      if (name.empty() || slug_of.count(name)) continue;
      names.push_back(name);
      slug_of[name] = key.second;
    }
  }
  const std::string folded = FoldForMatch(word);
  if (slug_of.count(folded)) return "did you mean '" + slug_of[folded] + "'?";
  const std::string best = Suggest(folded, names);
  return best.empty() ? std::string() : "did you mean '" + slug_of[best] + "'?";
}

namespace {

class Resolver {
 public:
  Resolver(Library& lib, const config::SiteConfig& config, DiagnosticSink& sink)
      : lib_(lib), config_(config), sink_(sink) {}

  void Run() {
    for (DocId id : lib_.briefs) ResolveBrief(id);
    for (DocId id : lib_.events) ResolveEvent(id);
    for (DocId id = 0; id < lib_.docs.size(); ++id) {
      if (!lib_.docs[id].broken) ResolveTags(id);
    }
  }

 private:
  // Returns the target, or reports "unknown <kind> '<slug>'" at the reference.
  std::optional<DocId> Lookup(const Document& from, Kind kind, const Ref& ref) {
    if (auto id = lib_.Find(kind, ref.value)) return id;
    sink_.Add(from.source->MakeError(ref.line, ref.col,
                                     "unknown " + std::string(content::KindName(kind)) + " '" +
                                         ref.value + "'",
                                     SuggestSlug(lib_, kind, ref.value)));
    return std::nullopt;
  }

  // Adds `id` unless it is the list's last entry. Documents are resolved one at a time and only
  // ever add themselves, so a document met twice in one (a member named twice, or as organiser
  // and through a speaker) is the last: no search, which made a member of 100 000 briefs
  // quadratic.
  static void AddOnce(std::vector<DocId>& list, DocId id) {
    if (list.empty() || list.back() != id) list.push_back(id);
  }

  void ResolveBrief(DocId id) {
    for (const Ref& ref : lib_.docs[id].brief.members) {
      if (auto m = Lookup(lib_.docs[id], Kind::kMember, ref)) AddOnce(lib_.member_briefs[*m], id);
    }
  }

  void ResolveEvent(DocId id) {
    const Document& doc = lib_.docs[id];
    for (const Ref& ref : doc.event.members) {
      if (auto m = Lookup(doc, Kind::kMember, ref)) AddOnce(lib_.member_events[*m], id);
    }
    std::set<DocId> briefs;  // this event's, each once
    for (const Ref& ref : doc.event.briefs) {
      if (auto b = Lookup(doc, Kind::kBrief, ref); b && briefs.insert(*b).second) {
        AddOnce(lib_.brief_events[*b], id);
        lib_.event_briefs[id].push_back(*b);
      }
    }
    std::vector<std::string> names;
    for (const content::Speaker& sp : doc.event.speakers) {
      names.push_back(sp.name);
      if (sp.member.value.empty()) continue;
      if (auto m = Lookup(doc, Kind::kMember, sp.member)) AddOnce(lib_.member_events[*m], id);
    }
    const std::set<std::string> known(names.begin(), names.end());
    for (const content::AgendaItem& item : doc.event.agenda) {
      for (const Ref& who : item.speakers) {
        if (known.count(who.value)) continue;
        sink_.Add(doc.source->MakeError(who.line, who.col,
                                        "agenda speaker '" + who.value +
                                            "' is not in [[speakers]]",
                                        DidYouMean(who.value, names)));
      }
    }
  }

  void ResolveTags(DocId id) {
    const Document& doc = lib_.docs[id];
    for (const Ref& topic : doc.topics) {
      const std::string slug = Slugify(topic.value);
      auto [it, inserted] = lib_.topics.try_emplace(slug, Topic{slug, topic.value, {}});
      if (!inserted && it->second.label != topic.value) {
        sink_.Add(doc.source->MakeWarning(topic.line, topic.col,
                                          "topic '" + topic.value + "' is spelled '" +
                                              it->second.label + "' elsewhere",
                                          "did you mean '" + it->second.label + "'?"));
      }
      AddOnce(it->second.docs, id);
    }
    for (const auto& p : doc.priorities) {
      const bool known = std::any_of(config_.priorities.begin(), config_.priorities.end(),
                                     [&](const config::Priority& c) { return c.number == p.value; });
      if (!known) {
        sink_.Add(doc.source->MakeError(p.line, p.col,
                                        "priority " + std::to_string(p.value) +
                                            " is not defined in site.toml",
                                        "add a [[priorities]] table with number = " +
                                            std::to_string(p.value)));
        continue;
      }
      AddOnce(lib_.priorities[p.value], id);
    }
  }

  Library& lib_;
  const config::SiteConfig& config_;
  DiagnosticSink& sink_;
};

void SortTagLists(Library& lib) {
  const std::vector<size_t> rank = SectionRanks(lib);
  for (auto& [slug, topic] : lib.topics) SortBySectionOrder(rank, topic.docs);
  for (auto& [n, ids] : lib.priorities) SortBySectionOrder(rank, ids);
  for (auto& [m, ids] : lib.member_events) SortBySectionOrder(rank, ids);
}

}  // namespace

void ResolveReferences(Library& lib, const config::SiteConfig& config, DiagnosticSink& sink) {
  Resolver(lib, config, sink).Run();
  SortTagLists(lib);
  BuildTaxonomies(lib);
}

}  // namespace portalgen::index
