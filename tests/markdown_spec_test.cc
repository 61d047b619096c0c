// Conformance: the CommonMark spec and md4c's extension spec files, run through
// `portalgen markdown --unsafe` the way a user would, compared after HTML
// normalisation (which also strips our heading ids). Plus our own extensions
// in tests/markdown_spec.txt, run through the library in the default, safe mode
// and compared byte for byte.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <string>

#include "html_normalize.h"
#include "markdown/markdown.h"
#include "spec_file.h"

namespace portalgen::markdown {
namespace {

// Renders one example's Markdown; swappable so the same checks can run
// through the CLI or the library.
using ExampleRenderer = std::function<std::string(const spec::Example&)>;

// The site's dialect, through the executable: one process per example.
std::string RenderWithCli(const spec::Example& example) {
  const std::string input =
      ::testing::TempDir() + "markdown_spec_" + std::to_string(example.number) + ".md";
  std::ofstream(input, std::ios::binary) << example.markdown;
  const std::string command = "'" PORTALGEN_BIN "' markdown --unsafe < '" + input + "'";
  std::string html;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) html.append(buffer, n);
    const int status = pclose(pipe);
    EXPECT_EQ(status, 0) << command;
  } else {
    ADD_FAILURE() << "cannot run " << command;
  }
  std::remove(input.c_str());
  return html;
}

// The library with exactly the parser flags the example names. Used where the
// CLI cannot go: the CLI offers only the site's dialect (GitHub flags), and
// wiki links, which it resolves against a site that the spec does not have.
std::string RenderWithLibrary(const spec::Example& example) {
  const std::optional<unsigned> flags = spec::ParserFlags(example);
  EXPECT_TRUE(flags.has_value()) << "unknown flag in example " << example.number;
  Options options;
  options.unsafe = true;
  options.parser_flags_override = flags.value_or(0);
  if (options.parser_flags_override.value() & MD_FLAG_WIKILINKS) {
    options.wiki_resolver = spec::WikiTestResolver;
  }
  return Render(example.markdown, options).html;
}

// The site's dialect through the library: what the CLI runs, without the
// process. Set PORTALGEN_SPEC_RENDERER=library to use it while no CLI is built.
std::string RenderSiteDialectWithLibrary(const spec::Example& example) {
  Options options;
  options.unsafe = true;
  options.parser_flags_override = spec::kGithubFlags;
  return Render(example.markdown, options).html;
}

ExampleRenderer SiteDialectRenderer() {
  const char* choice = std::getenv("PORTALGEN_SPEC_RENDERER");
  if (choice != nullptr && std::string_view(choice) == "library") {
    return RenderSiteDialectWithLibrary;
  }
  return RenderWithCli;
}

// "spec.txt:NNN" -> reason, from tests/markdown_known_failures.txt.
std::map<std::string, std::string> ReadKnownFailures() {
  std::ifstream in(PORTALGEN_SOURCE_DIR "/tests/markdown_known_failures.txt");
  std::map<std::string, std::string> known;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.find(' ');
    known[line.substr(0, space)] = space == std::string::npos ? "" : line.substr(space + 1);
  }
  return known;
}

struct FileResult {
  int passed = 0;
  int total = 0;
};

// A known failure must be md4c's doing: with the same parser flags, our
// renderer must give exactly what md_html() gives.
void ExpectSameAsMd4c(const std::string& key, const spec::Example& example, unsigned flags) {
  Options options;
  options.unsafe = true;
  options.heading_ids = false;
  options.parser_flags_override = flags;
  if (flags & MD_FLAG_WIKILINKS) options.wiki_resolver = spec::WikiTestResolver;
  EXPECT_EQ(spec::RewriteWikiLinks(spec::Md4cHtml(example.markdown, flags)),
            Render(example.markdown, options).html)
      << key << " is listed as md4c's failure, but our HTML differs from md_html()";
}

// Runs every example of `file`, checking each against the known failures.
// In the site dialect examples go through SiteDialectRenderer() (the CLI);
// otherwise through the library with each example's own flags.
FileResult RunSpecFile(const spec::SpecFile& file, bool site_dialect,
                       const std::map<std::string, std::string>& known_failures) {
  const auto examples = spec::ReadSpecFile(spec::SpecDir() + "/" + std::string(file.file));
  EXPECT_FALSE(examples.empty()) << "cannot read " << file.file;
  const ExampleRenderer render = site_dialect ? SiteDialectRenderer() : RenderWithLibrary;
  FileResult result;
  for (const spec::Example& example : examples) {
    const std::string expected = spec::RewriteWikiLinks(example.html);
    const std::string actual = render(example);
    const bool passed =
        spec::HtmlNormalizer::Normalize(expected) == spec::HtmlNormalizer::Normalize(actual);
    const std::string key = std::string(file.name) + ":" + std::to_string(example.number);
    const bool listed = known_failures.count(key) > 0;
    EXPECT_TRUE(passed || listed) << key << " (line " << example.line << ") fails\nmarkdown:\n"
                                  << example.markdown << "expected:\n"
                                  << expected << "actual:\n"
                                  << actual;
    EXPECT_FALSE(passed && listed) << key << " passes now: remove it from the known failures";
    if (listed) {
      ExpectSameAsMd4c(key, example,
                       site_dialect ? spec::kGithubFlags : spec::ParserFlags(example).value_or(0));
    }
    result.passed += passed;
    ++result.total;
  }
  std::cout << file.name << ": " << result.passed << "/" << result.total << " passed\n";
  return result;
}

TEST(MarkdownSpecTest, ConformsToCommonMarkAndMd4cExtensions) {
  // One clear message instead of 652 failures when the CLI is not there yet.
  spec::Example probe;
  probe.markdown = "# Probe\n";
  ASSERT_NE(std::string::npos, SiteDialectRenderer()(probe).find("<h1"))
      << PORTALGEN_BIN " markdown --unsafe does not render Markdown; set "
      << "PORTALGEN_SPEC_RENDERER=library to test the library alone";
  const auto known_failures = ReadKnownFailures();
  ASSERT_FALSE(known_failures.empty()) << "cannot read tests/markdown_known_failures.txt";
  for (const spec::SpecFile& file : spec::kSpecFiles) {
    // CommonMark goes through the CLI, in the site's dialect. Extension
    // examples name their own flags (a table example must not turn on
    // autolinks, a wiki link needs a resolver), which only the library honours.
    const bool is_commonmark = file.name == "spec.txt";
    const FileResult result = RunSpecFile(file, is_commonmark, known_failures);
    if (is_commonmark) {
      EXPECT_GE(result.passed, 645) << file.name;
    }
  }
}

// tests/markdown_spec.txt: our own behaviour in the default options (safe,
// heading ids). The flag "--wiki" adds a resolver that knows one member.
std::optional<WikiLink> ResolveMember(std::string_view target) {
  if (target != "member:unodc") return std::nullopt;
  return WikiLink{std::string(target), "/members/unodc/", "UNODC"};
}

TEST(MarkdownSpecTest, OwnExtensions) {
  const auto examples = spec::ReadSpecFile(PORTALGEN_SOURCE_DIR "/tests/markdown_spec.txt");
  ASSERT_FALSE(examples.empty());
  for (const spec::Example& example : examples) {
    Options options;
    for (const std::string& flag : example.flags) {
      ASSERT_EQ(flag, "--wiki") << "example " << example.number;
      options.wiki_resolver = ResolveMember;
    }
    EXPECT_EQ(example.html, Render(example.markdown, options).html)
        << "tests/markdown_spec.txt example " << example.number << " (line " << example.line
        << ")\nmarkdown:\n"
        << example.markdown;
  }
  std::cout << "markdown_spec.txt: " << examples.size() << " examples\n";
}

}  // namespace
}  // namespace portalgen::markdown
