// Unit tests of generator/index: the Library's orders, every reverse index, and the exact
// reference errors, built from small in-memory documents.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "build/markdown_stage.h"
#include "config/site_config.h"
#include "content/body_reads.h"
#include "content/loader.h"
#include "diagnostic_lines.h"
#include "index/cross_refs.h"
#include "index/library.h"

namespace portalgen::index {
namespace {

using content::Kind;

std::vector<std::string> Messages(const DiagnosticSink& sink) { return testing::FirstLines(sink); }

using Names = std::vector<std::string>;

config::SiteConfig Config() {
  config::SiteConfig c;
  c.title = "T";
  c.priorities = {{1, "evidence-base", "Evidence", ""},
                  {2, "core-drivers", "Drivers", ""},
                  {3, "rights", "Rights", ""}};
  return c;
}

struct File {
  std::string path;    // "content/briefs/x.md"
  std::string fields;  // the front matter between the fences
  std::string body = "";
};

std::string MemberFields(const std::string& title, const std::string& acronym) {
  return "title = \"" + title + "\"\nacronym = \"" + acronym + "\"\nstatus = \"member\"\n";
}

// Loads `files` (load errors go to `load_sink`) and builds the library (errors to `sink`).
Library Build(const std::vector<File>& files, DiagnosticSink& sink,
              DiagnosticSink* load_sink = nullptr) {
  DiagnosticSink local;
  std::vector<content::Document> docs;
  for (const File& f : files) {
    std::optional<content::Document> doc = content::LoadDocument(
        f.path, "+++\n" + f.fields + "+++\n" + f.body, load_sink ? *load_sink : local);
    if (doc) docs.push_back(std::move(*doc));
  }
  if (load_sink == nullptr) {
    EXPECT_EQ(Messages(local), Names{});
  }
  return BuildLibrary(std::move(docs), Config(), sink);
}

std::vector<std::string> Slugs(const Library& lib, const std::vector<DocId>& ids) {
  std::vector<std::string> out;
  for (DocId id : ids) out.push_back(lib.docs[id].slug);
  return out;
}

DocId Id(const Library& lib, Kind kind, const std::string& slug) {
  std::optional<DocId> id = lib.Find(kind, slug);
  EXPECT_TRUE(id.has_value()) << slug;
  return id.value_or(0);
}

// Slugs of the list `map` holds for `key`; empty when the key is absent.
template <typename Map>
Names SlugsAt(const Library& lib, const Map& map, DocId key) {
  auto it = map.find(key);
  return it == map.end() ? Names{} : Slugs(lib, it->second);
}

// A small site that uses every kind of reference.
std::vector<File> Corpus() {
  return {
      {"content/about.md", "title = \"About\"\npriorities = [2]\ntopics = [\"Labour\"]\n"},
      {"content/members/unodc.md", MemberFields("UN Office on Drugs and Crime", "UNODC")},
      {"content/members/iom.md", MemberFields("International Organization for Migration", "IOM")},
      {"content/members/ohchr.md", MemberFields("Office of the High Commissioner", "OHCHR")},
      {"content/members/icmpd.md", MemberFields("Migration Policy Development", "ICMPD")},
      {"content/briefs/b2022.md",
       "title = \"Brief 2022\"\nkind = \"issue-brief\"\ndate = 2022-12-01\n"
       "members = [\"unodc\", \"iom\"]\ntopics = [\"Humanitarian crises\"]\npriorities = [1]\n"},
      {"content/briefs/b2019.md",
       "title = \"Brief 2019\"\nkind = \"other\"\ndate = \"2019-05\"\nmembers = [\"unodc\"]\n"
       "topics = [\"Labour\"]\n"},
      {"content/briefs/bundated.md",
       "title = \"Undated\"\nkind = \"other\"\nundated = true\nmembers = [\"iom\"]\n"},
      {"content/events/e2022.md",
       "title = \"Launch\"\nstart = 2022-10-11T13:30:00+02:00\nmembers = [\"icmpd\"]\n"
       "briefs = [\"b2022\"]\ntopics = [\"Humanitarian Crises\"]\npriorities = [1, 2]\n"
       "[[speakers]]\nname = \"Ana  Pérez\"\nmember = \"ohchr\"\n"
       "[[speakers]]\nname = \"Bo Li\"\nmember = \"unodc\"\n"},
      {"content/events/e2023.md",
       "title = \"Review\"\nstart = 2023-03-01T10:00:00Z\nbriefs = [\"b2019\", \"b2022\"]\n"
       "topics = [\"Labour\"]\n[[speakers]]\nname = \"ana perez\"\n"},
  };
}

class IndexCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    lib_ = Build(Corpus(), sink_);
    AddBodyReferences(lib_, "/");  // completes (and orders) the backlinks
  }
  DocId Member(const std::string& slug) const { return Id(lib_, Kind::kMember, slug); }
  DocId Brief(const std::string& slug) const { return Id(lib_, Kind::kBrief, slug); }
  DocId Event(const std::string& slug) const { return Id(lib_, Kind::kEvent, slug); }
  DocId Page(const std::string& slug) const { return Id(lib_, Kind::kPage, slug); }

  DiagnosticSink sink_;
  Library lib_;
};

TEST_F(IndexCorpusTest, SectionOrders) {
  EXPECT_EQ(Slugs(lib_, lib_.briefs), (Names{"b2022", "b2019", "bundated"}));
  EXPECT_EQ(Slugs(lib_, lib_.events), (Names{"e2023", "e2022"}));
  EXPECT_EQ(Slugs(lib_, lib_.members), (Names{"icmpd", "iom", "ohchr", "unodc"}));
  EXPECT_EQ(Slugs(lib_, lib_.pages), (Names{"about"}));
  EXPECT_FALSE(lib_.home.has_value());
  EXPECT_EQ(lib_.PathOf(Page("about")), "/about/");
  EXPECT_EQ(lib_.PathOf(Brief("b2019")), "/briefs/b2019/");
  EXPECT_EQ(lib_.Slugs(Kind::kEvent), (Names{"e2022", "e2023"}));
}

TEST_F(IndexCorpusTest, OnlyTheTopicSpellingWarning) {
  // b2022 (file order before e2022) spells it first; e2022 line 6: topics = ["Humanitarian..."].
  EXPECT_EQ(Messages(sink_),
            Names{"content/events/e2022.md:6:11: warning: topic 'Humanitarian Crises' is "
                  "spelled 'Humanitarian crises' elsewhere (did you mean 'Humanitarian "
                  "crises'?)"});
}

TEST_F(IndexCorpusTest, MemberBriefs) {
  EXPECT_EQ(SlugsAt(lib_, lib_.member_briefs, Member("unodc")), (Names{"b2022", "b2019"}));
  EXPECT_EQ(SlugsAt(lib_, lib_.member_briefs, Member("iom")), (Names{"b2022", "bundated"}));
  EXPECT_EQ(lib_.member_briefs.count(Member("icmpd")), 0u);
}

TEST_F(IndexCorpusTest, MemberEventsFromOrganisersAndSpeakers) {
  EXPECT_EQ(SlugsAt(lib_, lib_.member_events, Member("icmpd")), Names{"e2022"});  // organiser
  EXPECT_EQ(SlugsAt(lib_, lib_.member_events, Member("ohchr")), Names{"e2022"});  // speaker
  EXPECT_EQ(SlugsAt(lib_, lib_.member_events, Member("unodc")), Names{"e2022"});  // speaker
  EXPECT_EQ(lib_.member_events.count(Member("iom")), 0u);
}

TEST_F(IndexCorpusTest, BriefEventsAndEventBriefs) {
  EXPECT_EQ(SlugsAt(lib_, lib_.brief_events, Brief("b2022")), (Names{"e2023", "e2022"}));
  EXPECT_EQ(SlugsAt(lib_, lib_.brief_events, Brief("b2019")), Names{"e2023"});
  EXPECT_EQ(lib_.brief_events.count(Brief("bundated")), 0u);
  // As written in the event's front matter.
  EXPECT_EQ(SlugsAt(lib_, lib_.event_briefs, Event("e2023")), (Names{"b2019", "b2022"}));
  EXPECT_EQ(SlugsAt(lib_, lib_.event_briefs, Event("e2022")), Names{"b2022"});
}

TEST_F(IndexCorpusTest, TopicsGroupBySlugInSectionOrder) {
  ASSERT_EQ(lib_.topics.size(), 2u);
  const Topic& crises = lib_.topics.at("humanitarian-crises");
  EXPECT_EQ(crises.slug, "humanitarian-crises");
  EXPECT_EQ(crises.label, "Humanitarian crises");
  EXPECT_EQ(Slugs(lib_, crises.docs), (Names{"b2022", "e2022"}));
  const Topic& labour = lib_.topics.at("labour");
  EXPECT_EQ(labour.label, "Labour");
  EXPECT_EQ(Slugs(lib_, labour.docs), (Names{"b2019", "e2023", "about"}));
}

TEST_F(IndexCorpusTest, Priorities) {
  ASSERT_EQ(lib_.priorities.size(), 2u);
  EXPECT_EQ(Slugs(lib_, lib_.priorities.at(1)), (Names{"b2022", "e2022"}));
  EXPECT_EQ(Slugs(lib_, lib_.priorities.at(2)), (Names{"e2022", "about"}));
}

TEST_F(IndexCorpusTest, YearsNewestFirstWithoutUndated) {
  std::vector<int> years;
  for (const auto& [year, ids] : lib_.years) years.push_back(year);
  EXPECT_EQ(years, (std::vector<int>{2019, 2022, 2023}));
  EXPECT_EQ(Slugs(lib_, lib_.years.at(2022)), (Names{"b2022", "e2022"}));  // Dec 1, Oct 11
  EXPECT_EQ(Slugs(lib_, lib_.years.at(2023)), Names{"e2023"});
  EXPECT_EQ(Slugs(lib_, lib_.years.at(2019)), Names{"b2019"});
}

TEST_F(IndexCorpusTest, SpeakersMergeNormalisedNames) {
  ASSERT_EQ(lib_.speakers.size(), 2u);
  const SpeakerEntry& ana = lib_.speakers.at("ana-perez");
  EXPECT_EQ(ana.slug, "ana-perez");
  EXPECT_EQ(ana.name, "Ana  Pérez");  // the spelling of the first file, e2022.md
  ASSERT_EQ(ana.appearances.size(), 2u);
  EXPECT_EQ(ana.appearances[0].event, Event("e2023"));  // newest first
  EXPECT_EQ(ana.appearances[0].index, 0u);
  EXPECT_EQ(ana.appearances[1].event, Event("e2022"));
  const SpeakerEntry& bo = lib_.speakers.at("bo-li");
  ASSERT_EQ(bo.appearances.size(), 1u);
  EXPECT_EQ(bo.appearances[0].index, 1u);
  EXPECT_EQ(lib_.member_speakers.at(Member("ohchr")), Names{"ana-perez"});
  EXPECT_EQ(lib_.member_speakers.at(Member("unodc")), Names{"bo-li"});
  EXPECT_EQ(lib_.member_speakers.count(Member("iom")), 0u);
}

TEST_F(IndexCorpusTest, FrontMatterBacklinksInSectionOrder) {
  EXPECT_EQ(SlugsAt(lib_, lib_.backlinks, Member("unodc")), (Names{"b2022", "b2019", "e2022"}));
  EXPECT_EQ(SlugsAt(lib_, lib_.backlinks, Member("iom")), (Names{"b2022", "bundated"}));
  EXPECT_EQ(SlugsAt(lib_, lib_.backlinks, Member("ohchr")), Names{"e2022"});
  EXPECT_EQ(SlugsAt(lib_, lib_.backlinks, Brief("b2022")), (Names{"e2023", "e2022"}));
  EXPECT_EQ(SlugsAt(lib_, lib_.backlinks, Brief("b2019")), Names{"e2023"});
  EXPECT_EQ(lib_.backlinks.count(Event("e2022")), 0u);
}

TEST_F(IndexCorpusTest, BodyBacklinksFromWikiTargetsAndLinks) {
  markdown::Rendered& about = lib_.docs[Page("about")].rendered;
  about.wiki_targets = {"member:icmpd", "brief:nope", "page:about", "event:e2022"};
  about.links = {"/briefs/bundated/#top", "https://other.org/members/iom/",
                 "/members/iom",          "/events/e2023/?tab=agenda",
                 "mailto:x@y.org",        "/about/"};
  lib_.docs[Brief("b2019")].rendered.links = {"/members/icmpd/"};
  AddBodyReferences(lib_, "/");
  // e2022 names icmpd as organiser in its front matter.
  EXPECT_EQ(SlugsAt(lib_, lib_.backlinks, Member("icmpd")), (Names{"b2019", "e2022", "about"}));
  EXPECT_EQ(SlugsAt(lib_, lib_.backlinks, Event("e2022")), Names{"about"});
  EXPECT_EQ(SlugsAt(lib_, lib_.backlinks, Brief("bundated")), Names{"about"});
  EXPECT_EQ(SlugsAt(lib_, lib_.backlinks, Member("iom")), (Names{"b2022", "bundated", "about"}));
  EXPECT_EQ(SlugsAt(lib_, lib_.backlinks, Event("e2023")), Names{"about"});
  EXPECT_EQ(lib_.backlinks.count(Page("about")), 0u);  // a page does not link itself
}

TEST(IndexBodyRefsTest, LinksCountOnlyUnderTheBasePath) {
  DiagnosticSink sink;
  Library lib =
      Build({{"content/a.md", "title = \"A\"\n"}, {"content/b.md", "title = \"B\"\n"}}, sink);
  lib.docs[0].rendered.links = {"/b/", "/icat/a/"};  // a.md: the first is outside /icat/
  lib.docs[1].rendered.links = {"/icat/a"};
  AddBodyReferences(lib, "/icat/");
  EXPECT_EQ(SlugsAt(lib, lib.backlinks, 0), Names{"b"});
  EXPECT_EQ(lib.backlinks.count(1), 0u);
}

TEST(IndexBodyRefsTest, FromRenderedMarkdown) {
  DiagnosticSink sink;
  Library lib = Build(
      {{"content/members/iom.md", MemberFields("International Organization for Migration", "IOM")},
       {"content/briefs/b.md", "title = \"B\"\nkind = \"other\"\ndate = 2022\n",
        "See [[member:iom]].\n"},
       {"content/about.md", "title = \"About\"\n", "Read [the brief](/briefs/b/).\n"}},
      sink);
  build::RenderMarkdown(lib, Config(), 2, sink);
  AddBodyReferences(lib, "/");
  EXPECT_TRUE(Messages(sink).empty());
  EXPECT_EQ(SlugsAt(lib, lib.backlinks, Id(lib, Kind::kMember, "iom")), Names{"b"});
  EXPECT_EQ(SlugsAt(lib, lib.backlinks, Id(lib, Kind::kBrief, "b")), Names{"about"});
}

TEST(IndexBodyRefsTest, ReleasedPlainTextsAreFreedAndNotReadAgain) {
  DiagnosticSink sink;
  Library lib = Build({{"content/about.md", "title = \"About\"\n", "Some words.\n"}}, sink);
  build::RenderMarkdown(lib, Config(), 1, sink);
  const content::Document& about = lib.docs[Id(lib, Kind::kPage, "about")];
  EXPECT_EQ(content::PlainText(about), "Some words.");
  const uint64_t hash = about.rendered.plain_text_hash;
  build::ReleasePlainTexts(lib);
  EXPECT_EQ(about.rendered.plain_text.capacity(), std::string().capacity());  // its memory went
  EXPECT_EQ(about.rendered.plain_text_hash, hash);  // what the library cache keeps
  EXPECT_THROW(content::PlainText(about), std::logic_error);
}

// The references resolved beside the Markdown (as a build does) come out as BuildLibrary makes
// them, with the errors of both sides, and the bodies a build drops go only after both.
TEST(IndexBodyRefsTest, ReferencesBesideTheMarkdown) {
  const std::vector<File> files = {
      {"content/members/iom.md", MemberFields("International Organization for Migration", "IOM")},
      {"content/briefs/b.md",
       "title = \"B\"\nkind = \"other\"\ndate = 2022\nmembers = [\"iom\", \"iomm\"]\n",
       "See [[member:iom]] and [[member:nope]].\n"},
      {"content/about.md", "title = \"About\"\n", "Read [the brief](/briefs/b/).\n"}};
  for (int jobs : {1, 2}) {
    SCOPED_TRACE(jobs);
    DiagnosticSink sink;
    std::vector<content::Document> docs;
    for (const File& f : files) {
      docs.push_back(*content::LoadDocument(f.path, "+++\n" + f.fields + "+++\n" + f.body, sink));
    }
    Library lib = RegisterDocuments(std::move(docs), sink);
    size_t bodies_beside = 0;
    build::RenderMarkdown(lib, Config(), jobs, sink, /*keep_bodies=*/false, [&] {
      ResolveReferences(lib, Config(), sink);
      for (const content::Document& doc : lib.docs) bodies_beside += !doc.body.empty();
    });
    AddBodyReferences(lib, "/", IndexPaths(lib), jobs);
    EXPECT_EQ(bodies_beside, 2u);  // b's and about's, still there while the references ran
    for (const content::Document& doc : lib.docs) EXPECT_TRUE(doc.body.empty()) << doc.slug;
    EXPECT_FALSE(lib.docs[Id(lib, Kind::kBrief, "b")].rendered.html.empty());
    // Checked by hand: line 5 is the members line ("iomm" at column 19), line 7 the body
    // ("nope" at column 26, after "[[").
    EXPECT_EQ(Messages(sink),
              (Names{"content/briefs/b.md:5:19: error: unknown member 'iomm' (did you mean "
                     "'iom'?)",
                     "content/briefs/b.md:7:26: error: unknown member 'nope' in wiki link"}));
    const std::vector<Diagnostic> errors = sink.Sorted();
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].source_line, "members = [\"iom\", \"iomm\"]");
    EXPECT_EQ(errors[1].source_line, "See [[member:iom]] and [[member:nope]].");
    const DocId iom = Id(lib, Kind::kMember, "iom");
    EXPECT_EQ(SlugsAt(lib, lib.member_briefs, iom), Names{"b"});
    EXPECT_EQ(SlugsAt(lib, lib.backlinks, iom), Names{"b"});
    EXPECT_EQ(SlugsAt(lib, lib.backlinks, Id(lib, Kind::kBrief, "b")), Names{"about"});
  }
}

// ---- Orders ----

TEST(IndexOrderTest, BriefsNewestFirstUndatedLastTiesByTitleThenSlug) {
  auto brief = [](const std::string& slug, const std::string& title, const std::string& date) {
    return File{"content/briefs/" + slug + ".md",
                "title = \"" + title + "\"\nkind = \"other\"\n" + date + "\n"};
  };
  DiagnosticSink sink;
  Library lib = Build(
      {brief("a-undated", "Zebra", "undated = true"), brief("b-old", "Old", "date = \"2019-05\""),
       brief("c-year", "Year", "date = 2022"), brief("d-full", "Beta", "date = 2022-12-01"),
       brief("e-full", "alpha", "date = 2022-12-01"), brief("f-same", "Beta", "date = 2022-12-01"),
       brief("g-month", "Month", "date = \"2022-12\""),
       brief("z-undated", "Aardvark", "undated = true")},
      sink);
  EXPECT_TRUE(Messages(sink).empty());
  EXPECT_EQ(Slugs(lib, lib.briefs), (Names{"e-full", "d-full", "f-same", "g-month", "c-year",
                                           "b-old", "z-undated", "a-undated"}));
}

TEST(IndexOrderTest, EventsNewestFirstByInstantThenTitle) {
  auto event = [](const std::string& slug, const std::string& title, const std::string& start) {
    return File{"content/events/" + slug + ".md",
                "title = \"" + title + "\"\nstart = " + start + "\n"};
  };
  DiagnosticSink sink;
  Library lib = Build(
      {event("a", "A", "2021-01-01T10:00:00Z"), event("b", "Zed", "2022-10-11T13:30:00+02:00"),
       event("c", "Why", "2022-10-11T11:30:00Z"),  // same instant as b
       event("d", "D", "2023-06-01T09:00:00-05:00"),
       event("e", "E", "2023-06-01T10:00:00Z")},  // earlier than d
      sink);
  EXPECT_TRUE(Messages(sink).empty());
  EXPECT_EQ(Slugs(lib, lib.events), (Names{"d", "e", "c", "b", "a"}));
}

TEST(IndexOrderTest, MembersByAcronymElseTitleAndPagesByTitle) {
  DiagnosticSink sink;
  Library lib = Build({{"content/members/zz.md", MemberFields("Zulu", "ABC")},
                       {"content/members/aa.md", MemberFields("Alpha", "XYZ")},
                       {"content/members/mm.md", "title = \"Lima\"\nstatus = \"partner\"\n"},
                       {"content/zoo.md", "title = \"Animals\"\n"},
                       {"content/about.md", "title = \"Who we are\"\n"},
                       {"content/index.md", "title = \"Home\"\n"}},
                      sink);
  EXPECT_TRUE(Messages(sink).empty());
  EXPECT_EQ(Slugs(lib, lib.members), (Names{"zz", "mm", "aa"}));
  EXPECT_EQ(Slugs(lib, lib.pages), (Names{"zoo", "about"}));
  ASSERT_TRUE(lib.home.has_value());
  EXPECT_EQ(lib.docs[*lib.home].source_path, "content/index.md");
  EXPECT_EQ(lib.PathOf(*lib.home), "/");
  EXPECT_FALSE(lib.Find(Kind::kPage, "index").has_value());
}

// ---- Registration errors ----

TEST(IndexLibraryTest, DuplicateSlugs) {
  DiagnosticSink sink;
  Library lib = Build(
      {{"content/briefs/x.md", "title = \"X\"\nkind = \"other\"\ndate = 2022\n"},
       {"content/briefs/a.md", "title = \"A\"\nkind = \"other\"\ndate = 2021\nslug = \"x\"\n"},
       {"content/x.md", "title = \"Page X\"\n"}},  // another kind may share the slug
      sink);
  EXPECT_EQ(Messages(sink),
            Names{"content/briefs/x.md:1:1: error: duplicate brief slug 'x', also used by "
                  "content/briefs/a.md (each file needs its own slug: rename one of them)"});
  EXPECT_EQ(lib.docs[Id(lib, Kind::kBrief, "x")].source_path, "content/briefs/a.md");
  EXPECT_EQ(Slugs(lib, lib.briefs), Names{"x"});
  EXPECT_EQ(Slugs(lib, lib.pages), Names{"x"});
}

TEST(IndexLibraryTest, PageSlugClashingWithReservedPath) {
  DiagnosticSink sink;
  Library lib = Build({{"content/topics.md", "title = \"Topics\"\n"},
                       {"content/about.md", "title = \"About\"\nslug = \"feed\"\n"}},
                      sink);
  EXPECT_EQ(Messages(sink),
            (Names{"content/about.md:1:1: error: page slug 'feed' clashes with /feed/, which "
                   "the generator writes (rename the file or set slug = \"...\")",
                   "content/topics.md:1:1: error: page slug 'topics' clashes with /topics/, "
                   "which the generator writes (rename the file or set slug = \"...\")"}));
  EXPECT_TRUE(lib.pages.empty());
}

// ---- Reference errors ----

TEST(IndexRefsTest, UnknownReferencesWithDidYouMean) {
  DiagnosticSink sink;
  Build(
      {{"content/members/unodc.md", MemberFields("UN Office on Drugs and Crime", "UNODC")},
       {"content/members/iom.md", MemberFields("International Organization for Migration", "IOM")},
       {"content/members/ohchr.md", MemberFields("Office of the High Commissioner", "OHCHR")},
       {"content/briefs/b2022.md",
        "title = \"Brief 2022\"\nkind = \"other\"\ndate = 2022\nmembers = [\"xyz\"]\n"},
       {"content/events/refs.md",
        "title = \"Refs\"\n"              // 2
        "start = 2022-10-11T13:30:00Z\n"  // 3
        "members = [\"unocd\", \"UNODC\", \"International Organization for Migration\"]\n"
        "briefs = [\"b2021\"]\n"                          // 5
        "[[speakers]]\n"                                  // 6
        "name = \"Ana Pérez\"\n"                          // 7
        "member = \"ohcr\"\n"                             // 8
        "[[agenda]]\n"                                    // 9
        "title = \"Opening\"\n"                           // 10
        "speakers = [\"Ana Perez\", \"Ana Pérez\"]\n"}},  // 11
      sink);
  EXPECT_EQ(Messages(sink),
            (Names{
                "content/briefs/b2022.md:5:12: error: unknown member 'xyz'",
                "content/events/refs.md:4:12: error: unknown member 'unocd' (did you mean "
                "'unodc'?)",
                "content/events/refs.md:4:21: error: unknown member 'UNODC' (did you mean "
                "'unodc'?)",
                "content/events/refs.md:4:30: error: unknown member 'International Organization "
                "for Migration' (did you mean 'iom'?)",
                "content/events/refs.md:5:11: error: unknown brief 'b2021' (did you mean "
                "'b2022'?)",
                "content/events/refs.md:8:10: error: unknown member 'ohcr' (did you mean "
                "'ohchr'?)",
                "content/events/refs.md:11:13: error: agenda speaker 'Ana Perez' is not in "
                "[[speakers]] (did you mean 'Ana Pérez'?)",
            }));
}

TEST(IndexRefsTest, AcronymSuggestsTheSlugWhenTheyDiffer) {
  DiagnosticSink sink;
  Library lib = Build({{"content/members/drugs-crime.md", MemberFields("Drugs and Crime", "UNODC")},
                       {"content/briefs/b.md",
                        "title = \"B\"\nkind = \"other\"\ndate = 2022\nmembers = [\"UNODC\"]\n"}},
                      sink);
  EXPECT_EQ(Messages(sink),
            Names{"content/briefs/b.md:5:12: error: unknown member 'UNODC' (did you mean "
                  "'drugs-crime'?)"});
  EXPECT_EQ(SuggestSlug(lib, Kind::kMember, "unodc"), "did you mean 'drugs-crime'?");
  EXPECT_EQ(SuggestSlug(lib, Kind::kMember, "drugs-crim"), "did you mean 'drugs-crime'?");
  EXPECT_EQ(SuggestSlug(lib, Kind::kMember, "zzz"), "");
  EXPECT_TRUE(lib.member_briefs.empty());
}

TEST(IndexRefsTest, AReferenceMadeTwiceCountsOnce) {
  DiagnosticSink sink;
  Library lib = Build(
      {{"content/members/iom.md", MemberFields("International Organization for Migration", "IOM")},
       {"content/briefs/b.md",
        "title = \"B\"\nkind = \"other\"\ndate = 2022\nmembers = [\"iom\", \"iom\"]\n"
        "topics = [\"Labour\", \"Labour\"]\npriorities = [1, 1]\n",
        "[[member:iom]] and [IOM](/members/iom/) and [[member:iom|again]].\n"},
       {"content/events/e.md",
        "title = \"E\"\nstart = 2022-10-11T13:30:00Z\nmembers = [\"iom\"]\n"
        "briefs = [\"b\", \"b\"]\n[[speakers]]\nname = \"Ana\"\nmember = \"iom\"\n"
        "[[speakers]]\nname = \"Bo\"\nmember = \"iom\"\n"}},
      sink);
  build::RenderMarkdown(lib, Config(), 1, sink);
  AddBodyReferences(lib, "/");
  EXPECT_EQ(Messages(sink), Names{});
  const DocId iom = Id(lib, Kind::kMember, "iom");
  const DocId b = Id(lib, Kind::kBrief, "b"), e = Id(lib, Kind::kEvent, "e");
  EXPECT_EQ(SlugsAt(lib, lib.member_briefs, iom), Names{"b"});
  EXPECT_EQ(SlugsAt(lib, lib.member_events, iom), Names{"e"});
  EXPECT_EQ(SlugsAt(lib, lib.event_briefs, e), Names{"b"});
  EXPECT_EQ(SlugsAt(lib, lib.brief_events, b), Names{"e"});
  EXPECT_EQ(Slugs(lib, lib.topics.at("labour").docs), Names{"b"});
  EXPECT_EQ(Slugs(lib, lib.priorities.at(1)), Names{"b"});
  EXPECT_EQ(SlugsAt(lib, lib.backlinks, iom), (Names{"b", "e"}));
  EXPECT_EQ(lib.member_speakers.at(iom), (std::vector<std::string>{"ana", "bo"}));
}

TEST(IndexRefsTest, PriorityNotInSiteToml) {
  DiagnosticSink sink;
  Library lib = Build({{"content/a.md", "title = \"A\"\npriorities = [3, 5]\n"}}, sink);
  EXPECT_EQ(Messages(sink),
            Names{"content/a.md:3:18: error: priority 5 is not defined in site.toml (add a "
                  "[[priorities]] table with number = 5)"});
  EXPECT_EQ(Slugs(lib, lib.priorities.at(3)), Names{"a"});
  EXPECT_EQ(lib.priorities.count(5), 0u);
}

TEST(IndexRefsTest, ReferencesToABrokenDocumentAreNotUnknown) {
  DiagnosticSink load_sink, sink;
  Library lib = Build({{"content/members/broken.md", "title = \"Broken\nstatus = \"member\"\n"},
                       {"content/briefs/bad.md", "title = = \"x\"\n"},
                       {"content/events/e.md",
                        "title = \"E\"\nstart = 2022-10-11T13:30:00Z\nmembers = [\"broken\"]\n"
                        "briefs = [\"bad\"]\n[[speakers]]\nname = \"A\"\nmember = \"broken\"\n"}},
                      sink, &load_sink);
  ASSERT_EQ(load_sink.error_count(), 2);  // the two TOML syntax errors
  EXPECT_TRUE(lib.docs[Id(lib, Kind::kMember, "broken")].broken);
  EXPECT_TRUE(lib.docs[Id(lib, Kind::kBrief, "bad")].broken);
  EXPECT_EQ(Messages(sink), Names{});
}

TEST(IndexSpeakerTest, NormalisedNamesShareOneEntry) {
  EXPECT_EQ(SpeakerSlug("Ana  Pérez"), "ana-perez");
  EXPECT_EQ(SpeakerSlug("ana perez"), "ana-perez");
  EXPECT_EQ(SpeakerSlug("ANA PEREZ"), "ana-perez");
  DiagnosticSink sink;
  Library lib =
      Build({{"content/events/b-later.md",
              "title = \"Later\"\nstart = 2023-01-01T10:00:00Z\n[[speakers]]\nname = \"Bo\"\n"
              "[[speakers]]\nname = \"ANA PEREZ\"\n"},
             {"content/events/c-earlier.md",
              "title = \"Earlier\"\nstart = 2022-01-01T10:00:00Z\n[[speakers]]\nname = \"Ana  "
              "Pérez\"\n"}},
            sink);
  EXPECT_TRUE(Messages(sink).empty());
  ASSERT_EQ(lib.speakers.size(), 2u);
  const SpeakerEntry& ana = lib.speakers.at("ana-perez");
  EXPECT_EQ(ana.name, "ANA PEREZ");  // b-later.md is the first file name
  ASSERT_EQ(ana.appearances.size(), 2u);
  EXPECT_EQ(lib.docs[ana.appearances[0].event].slug, "b-later");  // newest first
  EXPECT_EQ(ana.appearances[0].index, 1u);
  EXPECT_EQ(lib.docs[ana.appearances[1].event].slug, "c-earlier");
  EXPECT_EQ(ana.appearances[1].index, 0u);
}

}  // namespace
}  // namespace portalgen::index
