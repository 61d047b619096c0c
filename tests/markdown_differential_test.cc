// Differential test: for every example of the spec files, our renderer and
// md4c's own md_html() must produce identical bytes when our additions are
// switched off (no heading ids, unsafe mode) and the parser flags are the same.
// The one deliberate exception is listed in kNewerAutolinkRules.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

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

// We recognise permissive autolinks ourselves, by the rules of
// spec-permissive-autolinks.txt (md4c 0.5.x); md4c 0.4.8's md_html() applies
// older boundary rules. These examples, each checked by hand against that
// file, are where the two disagree; with any permissive autolink flag they
// may differ from md_html(), but only in where the <a> tags are.
struct DeliberateDifference {
  std::string_view file;  // SpecFile::name
  int example;
  std::string_view reason;
};

constexpr DeliberateDifference kNewerAutolinkRules[] = {
    {"autolink", 3, "':' is no boundary: md4c 0.4.8 links the e-mail in \":john.doe@example.com\""},
    {"autolink", 4, "'{' is a boundary: md4c 0.4.8 leaves \"{www.example.com\" unlinked"},
    {"autolink", 5,
     "a closing '}' is no part of a link: md4c 0.4.8 links \"www.example.com}\" with the '}'"},
    {"autolink", 8,
     "an unmatched '*' is no boundary: md4c 0.4.8 links the e-mail in \"*john.doe@example.com\" "
     "and \"john.doe@example.com*\""},
};

const DeliberateDifference* FindDeliberateDifference(std::string_view file, int example) {
  for (const DeliberateDifference& difference : kNewerAutolinkRules) {
    if (difference.file == file && difference.example == example) return &difference;
  }
  return nullptr;
}

// `html` without its <a ...> and </a> tags.
std::string WithoutAnchors(std::string html) {
  for (size_t at = html.find("<a "); at != std::string::npos; at = html.find("<a ", at)) {
    const size_t end = html.find('>', at);
    if (end == std::string::npos) break;
    html.erase(at, end + 1 - at);
  }
  for (size_t at = html.find("</a>"); at != std::string::npos; at = html.find("</a>", at)) {
    html.erase(at, 4);
  }
  return html;
}

// Runs one example with `flags`; returns false (and reports) on a difference.
// A `deliberate` difference is reported only if it is more than the anchors.
bool SameAsMd4c(const spec::SpecFile& file, const spec::Example& example, unsigned flags,
                const DeliberateDifference* deliberate = nullptr) {
  const std::string expected = ReferenceHtml(example.markdown, flags);
  const std::string actual = OurHtml(example.markdown, flags);
  const bool may_differ = deliberate != nullptr && (flags & MD_FLAG_PERMISSIVEAUTOLINKS) != 0;
  EXPECT_EQ(may_differ ? WithoutAnchors(expected) : expected,
            may_differ ? WithoutAnchors(actual) : actual)
      << file.file << " example " << example.number << " (line " << example.line << ", flags 0x"
      << std::hex << flags << ")\n"
      << "markdown:\n"
      << example.markdown;
  return expected == actual;
}

TEST(MarkdownDifferentialTest, EveryExampleMatchesMd4cHtml) {
  size_t deliberate_total = 0;
  for (const spec::SpecFile& file : spec::kSpecFiles) {
    const auto examples = spec::ReadSpecFile(spec::SpecDir() + "/" + std::string(file.file));
    ASSERT_FALSE(examples.empty()) << file.file;
    int same = 0;
    int deliberate_count = 0;
    for (const spec::Example& example : examples) {
      const std::optional<unsigned> flags = spec::ParserFlags(example);
      ASSERT_TRUE(flags.has_value()) << file.file << " example " << example.number;
      const DeliberateDifference* deliberate = FindDeliberateDifference(file.name, example.number);
      // Once with the example's own flags, once in the site's dialect (plus
      // wiki links, which the site turns on with a resolver).
      const bool own = SameAsMd4c(file, example, *flags, deliberate);
      const bool site =
          SameAsMd4c(file, example, spec::kGithubFlags | (*flags & MD_FLAG_WIKILINKS), deliberate);
      same += own && site;
      if (deliberate != nullptr) {
        ++deliberate_count;
        EXPECT_FALSE(own && site) << file.name << ":" << example.number
                                  << " is identical to md_html() now: remove it from "
                                  << "kNewerAutolinkRules (" << deliberate->reason << ")";
      }
    }
    std::cout << file.name << ": " << same << "/" << examples.size() << " identical to md_html()";
    if (deliberate_count > 0) std::cout << ", " << deliberate_count << " deliberately not";
    std::cout << "\n";
    deliberate_total += deliberate_count;
  }
  EXPECT_EQ(std::size(kNewerAutolinkRules), deliberate_total)
      << "kNewerAutolinkRules names an example that does not exist";
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
