// Differential test: for every example of the spec files, our renderer and
// md4c's own md_html() must produce identical bytes when our additions are
// switched off (no heading ids, unsafe mode) and the parser flags are the same.
#include <gtest/gtest.h>

#include <string>

#include "markdown/markdown.h"
#include "spec_file.h"

namespace portalgen::markdown {
namespace {

std::string ReferenceHtml(const std::string& markdown, unsigned flags) {
  return spec::RewriteWikiLinks(spec::Md4cHtml(markdown, flags));
}

std::string OurHtml(const std::string& markdown, unsigned flags) {
  Options options;
  options.unsafe = true;
  options.heading_ids = false;
  options.parser_flags_override = flags;
  if (flags & MD_FLAG_WIKILINKS) options.wiki_resolver = spec::WikiTestResolver;
  return Render(markdown, options).html;
}

// Runs one example with `flags`; returns false (and reports) on a difference.
bool SameAsMd4c(const spec::SpecFile& file, const spec::Example& example, unsigned flags) {
  const std::string expected = ReferenceHtml(example.markdown, flags);
  const std::string actual = OurHtml(example.markdown, flags);
  EXPECT_EQ(expected, actual) << file.file << " example " << example.number << " (line "
                              << example.line << ", flags 0x" << std::hex << flags << ")\n"
                              << "markdown:\n"
                              << example.markdown;
  return expected == actual;
}

TEST(MarkdownDifferentialTest, EveryExampleMatchesMd4cHtml) {
  for (const spec::SpecFile& file : spec::kSpecFiles) {
    const auto examples = spec::ReadSpecFile(spec::SpecDir() + "/" + std::string(file.file));
    ASSERT_FALSE(examples.empty()) << file.file;
    int same = 0;
    for (const spec::Example& example : examples) {
      const std::optional<unsigned> flags = spec::ParserFlags(example);
      ASSERT_TRUE(flags.has_value()) << file.file << " example " << example.number;
      // Once with the example's own flags, once in the site's dialect (plus
      // wiki links, which the site turns on with a resolver).
      const bool own = SameAsMd4c(file, example, *flags);
      const bool site =
          SameAsMd4c(file, example, spec::kGithubFlags | (*flags & MD_FLAG_WIKILINKS));
      same += own && site;
    }
    std::cout << file.name << ": " << same << "/" << examples.size() << " identical to md_html()\n";
  }
}

// md4c's regressions.txt comes from a newer md4c; we run the examples whose
// flags md4c 0.4.8 has (not footnotes or admonitions) with those flags.
TEST(MarkdownDifferentialTest, RegressionExamplesMatchMd4cHtml) {
  // Example 49 nests an image in an image's alt text. md4c-html 0.4.8 closes
  // the outer <img> at the inner one: the outer image gets the inner title and
  // the rest of the alt text lands outside the tag. Newer md4c fixed that (the
  // example pins the fix); we render it the fixed way, on purpose.
  constexpr int kMd4cHtmlBug = 49;
  const spec::SpecFile file = {"regressions", "regressions.txt"};
  const auto examples = spec::ReadSpecFile(spec::SpecDir() + "/" + std::string(file.file));
  ASSERT_FALSE(examples.empty());
  int run = 0;
  for (const spec::Example& example : examples) {
    const std::optional<unsigned> flags = spec::ParserFlags(example);
    if (!flags || example.number == kMd4cHtmlBug) continue;
    SameAsMd4c(file, example, *flags);
    ++run;
  }
  std::cout << file.name << ": " << run << "/" << examples.size() << " compared with md_html()\n";
}

}  // namespace
}  // namespace portalgen::markdown
