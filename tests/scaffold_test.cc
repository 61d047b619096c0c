// `portalgen new`: archetypes fill in and escape, and what `new` writes builds at once.
#include <gtest/gtest.h>

#include "scaffold/archetypes.h"
#include "scaffold/new_content.h"
#include "test_util.h"

namespace portalgen::testing {
namespace {

const fs::path kTests = fs::path(PORTALGEN_SOURCE_DIR) / "tests";

TEST(ArchetypeTest, FillsAndEscapesTheTitle) {
  EXPECT_EQ(scaffold::FillArchetype("title = \"{{title}}\"\n# /files/{{slug}}.pdf {{date}}\n",
                                    {"A \"quoted\" \\ title\t", "x", "2026-11-23"}),
            "title = \"A \\\"quoted\\\" \\\\ title\\t\"\n# /files/x.pdf 2026-11-23\n");
  EXPECT_EQ(scaffold::TomlEscape(std::string("a\x01") + "b\n"), "a\\u0001b\\n");
}

TEST(NewContentTest, PathsAndTitles) {
  EXPECT_EQ(scaffold::ContentPath(content::Kind::kEvent, "x"), "content/events/x.md");
  EXPECT_EQ(scaffold::ContentPath(content::Kind::kPage, "x"), "content/x.md");
  EXPECT_EQ(scaffold::TitleFromSlug("my-event-2026"), "My event 2026");
  MemoryFileSystem fs;
  scaffold::NewRequest request{content::Kind::kPage, "briefs", "T", "2026-11-23", "site"};
  EXPECT_EQ(scaffold::CreateContent(fs, request).status().kind(), Status::Kind::kUsage);
  fs.Write("site/archetypes/page.md", "+++\ntitle = \"{{title}}\"\n+++\nOurs.\n");
  request.slug = "about";
  ASSERT_TRUE(scaffold::CreateContent(fs, request).ok());
  EXPECT_EQ(*fs.Read("site/content/about.md"), "+++\ntitle = \"T\"\n+++\nOurs.\n");
}

class NewCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = tmp_.path() / "site";
    CopyTree(kTests / "themes", site_ / "themes");
    WriteFile(site_ / "site.toml", ReadFile(kTests / "check" / "site.toml"));
    WriteFile(site_ / "content" / "members" / "unodc.md",
              "+++\ntitle = \"UNODC\"\nstatus = \"member\"\n+++\n");
  }
  RunResult New(const std::string& args) {
    return RunPortalgen("new " + args + " --date 2026-11-23 --source '" + site_.string() + "'");
  }
  RunResult Build() {
    return RunPortalgen("build --quiet --now 2026-11-23 --source '" + site_.string() +
                        "' --output '" + (tmp_.path() / "out").string() + "'");
  }

  TempDir tmp_;
  fs::path site_;
};

TEST_F(NewCommandTest, EveryKindBuildsAtOnce) {
  for (const char* args : {"event my-event --title 'X'", "brief my-brief --title 'A \"B\" \\ C'",
                           "member my-member", "page my-page --title 'Page'"}) {
    const RunResult r = New(args);
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.err;
    EXPECT_EQ(r.err, "");
  }
  EXPECT_EQ(New("event second").out, (site_ / "content/events/second.md").string() + "\n");
  const RunResult built = Build();
  EXPECT_EQ(built.exit_code, 0) << built.err;
  EXPECT_EQ(built.err, "");
  EXPECT_NE(ReadFile(tmp_.path() / "out/events/my-event/index.html").find("<h1>X</h1>"),
            std::string::npos);
  EXPECT_NE(ReadFile(site_ / "content/events/my-event.md").find("start = 2026-11-23T09:00:00"),
            std::string::npos);
}

TEST_F(NewCommandTest, RefusesAnExistingSlugAndKeepsTheFile) {
  ASSERT_EQ(New("event my-event --title X").exit_code, 0);
  WriteFile(site_ / "content/events/my-event.md", "edited\n");
  const RunResult r = New("event my-event --title Y");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "portalgen new: error: content/events/my-event.md already exists; choose another "
            "slug or edit that file\n");
  EXPECT_EQ(ReadFile(site_ / "content/events/my-event.md"), "edited\n");
}

TEST_F(NewCommandTest, UsageErrors) {
  struct Case {
    const char* args;
    const char* err;
  } cases[] = {
      {"event 'My Event!'",
       "portalgen new: error: 'My Event!' is not a valid slug: use lowercase a-z, 0-9 and '-' "
       "(did you mean 'my-event'?)\n"},
      {"events x",
       "portalgen new: error: unknown kind 'events' (did you mean 'event'?); use event, brief, "
       "member or page\n"},
      {"page topics",
       "portalgen new: error: a page cannot be called 'topics': the generator "
       "writes /topics/ itself\n"},
  };
  for (const Case& c : cases) {
    const RunResult r = New(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_EQ(r.err, c.err);
  }
  EXPECT_EQ(RunPortalgen("new event").exit_code, 2);
  EXPECT_EQ(RunPortalgen("new event x --date 2026-13-01").exit_code, 2);
}

// The ICAT site's own archetypes build as well as the built-in ones.
TEST_F(NewCommandTest, SiteArchetypesBuild) {
  CopyTree(fs::path(PORTALGEN_SOURCE_DIR) / "archetypes", site_ / "archetypes");
  for (const char* kind : {"event", "brief", "member", "page"}) {
    const RunResult r = New(std::string(kind) + " new-" + kind + " --title 'New " + kind + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  const RunResult built = Build();
  EXPECT_EQ(built.exit_code, 0) << built.err;
  EXPECT_EQ(built.err, "");
}

}  // namespace
}  // namespace portalgen::testing
