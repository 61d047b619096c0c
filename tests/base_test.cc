// Unit tests of generator/base: diagnostics, source map, suggestions, paths, file systems.
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <climits>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "base/decimal.h"
#include "base/diagnostics.h"
#include "base/did_you_mean.h"
#include "base/file_system.h"
#include "base/hash.h"
#include "base/malloc_tuning.h"
#include "base/once_slots.h"
#include "base/paths.h"
#include "base/read_once_file_system.h"
#include "base/source_map.h"
#include "base/text_blocks.h"
#include "base/toml_reader.h"
#include "base/utf8.h"
#include "test_util.h"

namespace portalgen {
namespace {

TEST(DiagnosticsTest, FormatsPathLineColSourceAndCaret) {
  SourceText file("content/events/x.md", "+++\nmembers = [\"icmdp\", \"icat\"]\n+++\n");
  Diagnostic d = file.MakeError(2, 13, "unknown member 'icmdp'", "did you mean 'icmpd'?");
  EXPECT_EQ(FormatDiagnostic(d),
            "content/events/x.md:2:13: error: unknown member 'icmdp' (did you mean 'icmpd'?)\n"
            "members = [\"icmdp\", \"icat\"]\n"
            "            ^\n");
}

TEST(DiagnosticsTest, CaretCountsCodePointsNotBytes) {
  SourceText file("a.md", "title = \"Café\" x\n");
  Diagnostic d = file.MakeError(1, 16, "boom");
  EXPECT_EQ(FormatDiagnostic(d), "a.md:1:16: error: boom\ntitle = \"Café\" x\n               ^\n");
}

TEST(DiagnosticsTest, ControlCharactersAreNotSentToTheTerminal) {
  // An ESC sequence in a file name, a message or a quoted line would act on the terminal.
  SourceText file("content/a\x1B[2J.md", "title = \"\x1B]0;x\x07\" \x7F\tx\n");
  Diagnostic d = file.MakeError(1, 20, "invalid slug '\x1B[31m'", "use \r");
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(FormatDiagnostic(d), "content/a" + fffd + "[2J.md:1:20: error: invalid slug '" + fffd +
                                     "[31m' (use " + fffd + ")\ntitle = \"" + fffd + "]0;x" + fffd +
                                     "\" " + fffd + "\tx\n" + std::string(18, ' ') + "\t^\n");
}

TEST(DiagnosticsTest, LongLinesAreQuotedAroundTheColumn) {
  const std::string line = std::string(1000, '[') + "x" + std::string(1000, ']');
  SourceText file("a.md", "a = " + line + "\n");
  const std::string out = FormatDiagnostic(file.MakeError(1, 1005, "too deep"));
  // 500 characters of the line, 250 before the column, "..." at both cuts.
  EXPECT_EQ(out, "a.md:1:1005: error: too deep\n..." + std::string(250, '[') + "x" +
                     std::string(249, ']') + "...\n" + std::string(253, ' ') + "^\n");
  // Near the start only the end is cut.
  const std::string start = FormatDiagnostic(file.MakeError(1, 3, "x"));
  EXPECT_EQ(start.substr(start.find('\n') + 1, 8), "a = [[[[");
  EXPECT_EQ(start.substr(start.find("...\n"), 6), "...\n  ");
}

TEST(DiagnosticsTest, SummaryCountsErrorsAndWarningsSortedByPlace) {
  DiagnosticSink sink;
  sink.Warning("b.md", 3, 1, "w");
  sink.Error("a.md", 9, 2, "e2");
  sink.Error("a.md", 2, 5, "e1");
  EXPECT_EQ(sink.error_count(), 2);
  EXPECT_EQ(sink.warning_count(), 1);
  EXPECT_EQ(FormatDiagnostics(sink.Sorted()),
            "a.md:2:5: error: e1\na.md:9:2: error: e2\nb.md:3:1: warning: w\n"
            "2 errors, 1 warning\n");
}

TEST(SourceTextTest, LocatesOffsets) {
  SourceText file("f", "ab\ncdé\n\nx");
  EXPECT_EQ(file.Locate(0).line, 1);
  EXPECT_EQ(file.Locate(4).line, 2);
  EXPECT_EQ(file.Locate(4).col, 2);
  EXPECT_EQ(file.Locate(7).col, 4);  // after the two-byte é
  EXPECT_EQ(file.Line(2), "cdé");
  EXPECT_EQ(file.Line(3), "");
  EXPECT_EQ(file.Line(4), "x");
  EXPECT_EQ(file.Line(5), "");
}

TEST(SourceTextTest, CopiesShareTheTextAndOutliveTheOriginal) {
  auto original = std::make_unique<SourceText>("f", std::string(100, 'a') + "\nb");
  SourceText copy = *original;
  original.reset();
  EXPECT_EQ(copy.text(), std::string(100, 'a') + "\nb");
  EXPECT_EQ(copy.Line(2), "b");
  TextBlocks blocks;
  SourceText kept("g", blocks.Keep("x\ny\n"));
  EXPECT_EQ(kept.Line(2), "y");
  EXPECT_EQ(kept.Locate(2).line, 2);
}

// Whether the page holding `p` is mapped in this process (mincore fails with ENOMEM when not).
bool Mapped(const char* p) {
  const auto page = reinterpret_cast<uintptr_t>(p) & ~uintptr_t{4095};
  unsigned char resident = 0;
  return mincore(reinterpret_cast<void*>(page), 4096, &resident) == 0;
}

TEST(TextBlocksTest, KeepsCopiesInAlignedBlocksFreedWithTheirLastText) {
  auto blocks = std::make_unique<TextBlocks>();
  std::string first_text(1000, 'f');
  KeptText first = blocks->Keep(first_text);
  first_text.assign(1000, 'g');  // a copy: the original can change
  EXPECT_EQ(first.text, std::string(1000, 'f'));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(first.text.data()) % TextBlocks::kBlockSize, 0u);
  // Enough texts to fill the first block and start a second one.
  std::vector<KeptText> more;
  for (int i = 0; i < 700; ++i) more.push_back(blocks->Keep(std::string(4000, 'a' + i % 26)));
  for (int i = 0; i < 700; ++i) EXPECT_EQ(more[i].text, std::string(4000, 'a' + i % 26)) << i;
  const char* in_first = first.text.data();
  const char* in_last = more.back().text.data();
  ASSERT_NE(reinterpret_cast<uintptr_t>(in_first) / TextBlocks::kBlockSize,
            reinterpret_cast<uintptr_t>(in_last) / TextBlocks::kBlockSize);
  // A text too large to share a block gets memory of its own, still a copy.
  const std::string large(TextBlocks::kBlockSize, 'L');
  KeptText own = blocks->Keep(large);
  EXPECT_EQ(own.text, large);
  EXPECT_NE(own.text.data(), large.data());

  blocks.reset();  // the blocks stay while texts in them are held
  EXPECT_TRUE(Mapped(in_first));
  first = {};
  for (KeptText& k : more) {
    if (reinterpret_cast<uintptr_t>(k.text.data()) / TextBlocks::kBlockSize ==
        reinterpret_cast<uintptr_t>(in_first) / TextBlocks::kBlockSize) {
      k = {};
    }
  }
  EXPECT_FALSE(Mapped(in_first));  // its last text was released: the block went back
  EXPECT_TRUE(Mapped(in_last));
  more.clear();
  EXPECT_FALSE(Mapped(in_last));
}

TEST(TextBlocksTest, ThreadsKeepTextsAtOnce) {
  TextBlocks blocks;
  std::vector<std::vector<KeptText>> kept(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) kept[t].push_back(blocks.Keep(std::to_string(t * 100000 + i)));
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < 4; ++t) {
    for (int i = 0; i < 2000; ++i) EXPECT_EQ(kept[t][i].text, std::to_string(t * 100000 + i));
  }
}

TEST(Hash64StreamTest, PiecesHashAsTheirBytesDo) {
  std::string bytes;
  uint64_t x = 88172645463325252ULL;  // xorshift: any bytes, the same on every run
  for (int i = 0; i < 300; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    bytes += static_cast<char>(x & 0xFF);
  }
  for (size_t size : {0, 1, 7, 31, 32, 33, 64, 100, 300}) {
    const std::string_view whole = std::string_view(bytes).substr(0, size);
    for (size_t step : {1, 3, 8, 31, 32, 33, 1000}) {
      Hash64Stream stream;
      for (size_t at = 0; at < whole.size(); at += step) stream.Add(whole.substr(at, step));
      EXPECT_EQ(stream.Digest(), Hash64(whole)) << size << " in pieces of " << step;
    }
    Hash64Stream with_empty;
    with_empty.Add("").Add(whole).Add("");
    EXPECT_EQ(with_empty.Digest(), Hash64(whole)) << size;
  }
  EXPECT_NE(Hash64Stream().Add("ab").Digest(), Hash64Stream().Add("ba").Digest());
}

TEST(TomlReaderTest, WhereIsWhereDiagnosticsPoint) {
  // Front matter from line 2 of the file (after the fence): TOML line 2 is file line 3.
  SourceText file("content/briefs/x.md",
                  "+++\ntitle = \"T\"\ntopics = [\"a\", \"é\", \"c\"]\n+++\n");
  const tomlx::Origin origin{&file, 2};
  DiagnosticSink sink;
  std::optional<toml::table> table =
      tomlx::Parse("title = \"T\"\ntopics = [\"a\", \"é\", \"c\"]\n", origin, sink);
  ASSERT_TRUE(table.has_value());
  const toml::node& third = *(*table)["topics"].as_array()->get(2);
  const LineCol at = tomlx::Where(origin, &third);
  EXPECT_EQ(at.line, 3);
  EXPECT_EQ(at.col, 21);  // code points: the é counts once
  const Diagnostic d = tomlx::At(origin, &third, "m");
  EXPECT_EQ(d.line, at.line);
  EXPECT_EQ(d.col, at.col);
  // A node without a position (made by the program) and no node point at the opening fence.
  const toml::value<int64_t> made(1);
  EXPECT_EQ(tomlx::Where(origin, &made).line, 1);
  EXPECT_EQ(tomlx::Where(origin, nullptr).line, 1);
  EXPECT_EQ(tomlx::At(origin, nullptr, "m").line, 1);
}

TEST(NormalizeTextTest, DropsBomAndCrlf) {
  DiagnosticSink sink;
  EXPECT_EQ(NormalizeText("f", "\xEF\xBB\xBF+++\r\nx\r\n", sink).value(), "+++\nx\n");
  EXPECT_EQ(NormalizeText("f", "a\r\r\n\r\n\rb\r", sink).value(), "a\r\n\n\rb\r");
  EXPECT_EQ(NormalizeText("f", "no carriage return", sink).value(), "no carriage return");
  EXPECT_FALSE(sink.has_errors());
}

TEST(NormalizeTextTest, ReportsFirstInvalidByte) {
  DiagnosticSink sink;
  EXPECT_FALSE(NormalizeText("f.md", "ok\nab\xFF", sink).has_value());
  auto ds = sink.Sorted();
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].line, 2);
  EXPECT_EQ(ds[0].col, 3);
  EXPECT_EQ(ds[0].message, "invalid UTF-8 (byte 0xFF)");
}

// The loader's variant gives a clean file's own buffer back, and otherwise does what
// NormalizeText() does.
TEST(NormalizeTextTest, OwnedTextIsKeptWhenClean) {
  DiagnosticSink sink;
  std::string clean(200, 'x');  // longer than the small-string buffer, so it has its own block
  const char* block = clean.data();
  std::optional<std::string> kept = NormalizeOwnedText("f", std::move(clean), sink);
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->data(), block);
  EXPECT_EQ(*kept, std::string(200, 'x'));
  EXPECT_EQ(NormalizeOwnedText("f", "\xEF\xBB\xBF+++\r\nx\r\n", sink).value(), "+++\nx\n");
  EXPECT_EQ(NormalizeOwnedText("f", "a\r\r\n\rb", sink).value(), "a\r\n\rb");
  EXPECT_FALSE(sink.has_errors());
  EXPECT_FALSE(NormalizeOwnedText("f.md", "ok\nab\xFF", sink).has_value());
  ASSERT_EQ(sink.Sorted().size(), 1u);
  EXPECT_EQ(sink.Sorted()[0].line, 2);
}

TEST(Utf8Test, RejectsOverlongAndSurrogates) {
  EXPECT_EQ(FindInvalidUtf8("h\xC3\xA9llo"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(FindInvalidUtf8("ab\xE2\x82"), 2u);        // truncated
  // Long ASCII runs are skipped a word at a time: the first bad byte is still found exactly.
  const std::string ascii(37, 'a');
  EXPECT_EQ(FindInvalidUtf8(ascii), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8(ascii + "\xFF"), 37u);
  EXPECT_EQ(FindInvalidUtf8(ascii + "\xC3\xA9" + ascii + "\xED\xA0\x80" + ascii), 76u);
  EXPECT_EQ(FindInvalidUtf8(std::string(16, 'a') + "\xE2\x82"), 16u);
  EXPECT_EQ(FoldForMatch("Zoé ÁLVAREZ"), "zoe alvarez");
}

TEST(DidYouMeanTest, SuggestsNearNamesOnly) {
  const std::vector<std::string> slugs = {"unodc", "icmpd", "iom", "unhcr"};
  EXPECT_EQ(Suggest("unocd", slugs), "unodc");
  EXPECT_EQ(Suggest("icmdp", slugs), "icmpd");
  EXPECT_EQ(Suggest("xyz", slugs), "");
  EXPECT_EQ(DidYouMean("ion", slugs), "did you mean 'iom'?");
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("ab", "ba"), 1);
}

TEST(PathsTest, Slugs) {
  EXPECT_TRUE(IsValidSlug("issue-brief-12"));
  for (const char* bad : {"", "-a", "a-", "A", "a b", "a/b", "..", "a_b", "é"}) {
    EXPECT_FALSE(IsValidSlug(bad)) << bad;
  }
  EXPECT_EQ(Slugify("Humanitarian crises"), "humanitarian-crises");
  EXPECT_EQ(Slugify("  Côte d'Ivoire!  "), "cote-d-ivoire");
  EXPECT_EQ(Slugify("!!!"), "x");
  // Names in other scripts stay apart; the hash is stable.
  EXPECT_EQ(Slugify("مرحبا"), Slugify("مرحبا"));
  EXPECT_NE(Slugify("مرحبا"), Slugify("سلام"));
  EXPECT_EQ(Slugify("Иван Петров").rfind("x-", 0), 0u);
  EXPECT_EQ(Slugify("Иван Петров").size(), 10u);
  // Slugs name output folders: cut at kMaxSlugLength, never ending in a dash.
  EXPECT_EQ(Slugify(std::string(10000, 'a')), std::string(kMaxSlugLength, 'a'));
  std::string words;
  for (int i = 0; i < 100; ++i) words += "abc ";
  EXPECT_EQ(Slugify(words).size(), 199u);  // "abc-" * 49 + "abc"
  EXPECT_TRUE(IsValidSlug(std::string(kMaxSlugLength, 'a')));
  EXPECT_FALSE(IsValidSlug(std::string(kMaxSlugLength + 1, 'a')));
}

TEST(PathsTest, SitePathsStayInside) {
  EXPECT_TRUE(IsSafeSitePath("/old/path/"));
  for (const char* bad : {"old", "/../x", "/a/../../b", "//evil.org/", "/a\\b", "javascript:x",
                          "/a:b"}) {
    EXPECT_FALSE(IsSafeSitePath(bad)) << bad;
  }
  EXPECT_EQ(OutputFileFor("/"), "index.html");
  EXPECT_EQ(OutputFileFor("/briefs/x/"), "briefs/x/index.html");
  EXPECT_EQ(OutputFileFor("/old/page"), "old/page/index.html");
  EXPECT_EQ(OutputFileFor("/feed.xml"), "feed.xml");
  EXPECT_EQ(AbsoluteUrl("https://x.org/icat/", "/briefs/"), "https://x.org/icat/briefs/");
  EXPECT_EQ(BasePath("https://x.org/icat"), "/icat/");
  EXPECT_EQ(BasePath("https://x.org"), "/");
}

TEST(MemoryFileSystemTest, WriteListRenameRemove) {
  MemoryFileSystem fs;
  ASSERT_TRUE(fs.Write("out/a/index.html", "A").ok());
  ASSERT_TRUE(fs.Write("out/b.css", "B").ok());
  ASSERT_TRUE(fs.Write("outside.txt", "C").ok());
  EXPECT_EQ(*fs.ListFiles("out"), (std::vector<std::string>{"out/a/index.html", "out/b.css"}));
  EXPECT_TRUE(fs.IsDirectory("out/a"));
  EXPECT_FALSE(fs.IsDirectory("ou"));
  ASSERT_TRUE(fs.Rename("out", "old").ok());
  EXPECT_EQ(*fs.Read("old/b.css"), "B");
  EXPECT_FALSE(fs.IsFile("out/b.css"));
  ASSERT_TRUE(fs.RemoveAll("old").ok());
  EXPECT_EQ(fs.Snapshot().size(), 1u);
  EXPECT_EQ(fs.Read("missing").status().kind(), Status::Kind::kNotFound);
}

TEST(MemoryFileSystemTest, SimulatedDiskFull) {
  MemoryFileSystem fs;
  fs.FailWritesUnder("out");
  Status s = fs.Write("out/x.html", "x");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "out/x.html: No space left on device");
}

TEST(RealFileSystemTest, ReadsWholeFilesAndTellsWhyNot) {
  testing::TempDir tmp;
  const std::string dir = tmp.path().string();
  RealFileSystem fs;
  std::string big(300000, 'x');
  big[123456] = '\0';  // bytes, not text
  ASSERT_TRUE(fs.Write(dir + "/a/big.bin", big).ok());
  ASSERT_TRUE(fs.Write(dir + "/empty.md", "").ok());
  EXPECT_EQ(fs.Read(dir + "/a/big.bin").value(), big);
  EXPECT_EQ(fs.Read(dir + "/empty.md").value(), "");

  EXPECT_EQ(fs.Read(dir + "/none.md").status().kind(), Status::Kind::kNotFound);
  EXPECT_EQ(fs.Read(dir + "/empty.md/x").status().kind(), Status::Kind::kNotFound);
  const Status folder = fs.Read(dir + "/a").status();
  EXPECT_EQ(folder.kind(), Status::Kind::kIo);
  EXPECT_EQ(folder.message(), dir + "/a: not a regular file");
  ASSERT_EQ(::mkfifo((dir + "/fifo").c_str(), 0600), 0);
  EXPECT_EQ(fs.Read(dir + "/fifo").status().message(), dir + "/fifo: not a regular file");
}

TEST(RealFileSystemTest, MakeFoldersMakesParentsAndAcceptsExistingFolders) {
  testing::TempDir tmp;
  const std::string dir = tmp.path().string();
  RealFileSystem fs;
  ASSERT_TRUE(fs.MakeFolders(dir + "/a/b/c").ok());
  EXPECT_TRUE(fs.IsDirectory(dir + "/a/b/c"));
  EXPECT_TRUE(fs.MakeFolders(dir + "/a/b/c").ok());  // there already
  EXPECT_TRUE(fs.MakeFolders(dir + "/a/b/d").ok());  // one mkdir
  ASSERT_TRUE(fs.Write(dir + "/a/file", "x").ok());
  EXPECT_FALSE(fs.MakeFolders(dir + "/a/file/e").ok());
}

// The writer under a folder (the publisher's staging folder) writes relative to the folder it
// opened, and reports problems with the whole path, as Write() does.
TEST(RealFileSystemTest, WriterUnderWritesRelativeToItsFolder) {
  testing::TempDir tmp;
  const std::string dir = tmp.path().string() + "/out/.staging";  // made by WriterUnder
  RealFileSystem fs;
  std::unique_ptr<FolderWriter> w = fs.WriterUnder(dir);
  ASSERT_TRUE(w->MakeFolders("events").ok());
  ASSERT_TRUE(w->MakeFolders("events/x").ok());
  EXPECT_TRUE(w->MakeFolders("events/x").ok());  // there already
  ASSERT_TRUE(w->Write("events/x/index.html", "page").ok());
  ASSERT_TRUE(w->Write("index.html", "home").ok());
  ASSERT_TRUE(w->Write("a/b/c/feed.xml", "made with its folders").ok());
  ASSERT_TRUE(w->MakeFolders("d/e/f").ok());  // parents made too
  EXPECT_EQ(fs.Read(dir + "/events/x/index.html").value(), "page");
  EXPECT_EQ(fs.Read(dir + "/index.html").value(), "home");
  EXPECT_EQ(fs.Read(dir + "/a/b/c/feed.xml").value(), "made with its folders");
  EXPECT_TRUE(fs.IsDirectory(dir + "/d/e/f"));
  // The folder is held open: renaming it does not change where the writer writes.
  ASSERT_TRUE(fs.Rename(tmp.path().string() + "/out", tmp.path().string() + "/moved").ok());
  ASSERT_TRUE(w->Write("late.txt", "x").ok());
  EXPECT_TRUE(fs.IsFile(tmp.path().string() + "/moved/.staging/late.txt"));
  const std::string moved = tmp.path().string() + "/moved/.staging";
  const Status s = fs.WriterUnder(moved)->Write("index.html/x", "x");  // a file in the way
  EXPECT_EQ(s.kind(), Status::Kind::kIo);
  EXPECT_NE(s.message().find(moved + "/index.html"), std::string::npos) << s.message();
  // A folder that cannot be made: every write fails, naming the path.
  const Status blocked = fs.WriterUnder(moved + "/index.html/y")->Write("z.txt", "x");
  EXPECT_EQ(blocked.kind(), Status::Kind::kIo);
  EXPECT_NE(blocked.message().find(moved + "/index.html/y"), std::string::npos)
      << blocked.message();
}

// A source of `pieces` that counts how often it ran.
PieceSource CountedPieces(std::vector<std::string> pieces, int& runs) {
  return [pieces = std::move(pieces), &runs](const PutPiece& put) {
    ++runs;
    for (const std::string& piece : pieces) put(piece);
  };
}

TEST(RealFileSystemTest, WriterWritesPiecesAsTheyCome) {
  testing::TempDir tmp;
  const std::string dir = tmp.path().string() + "/out";
  RealFileSystem fs;
  std::unique_ptr<FolderWriter> w = fs.WriterUnder(dir);
  int runs = 0;
  ASSERT_TRUE(
      w->WriteInPieces("search/index.json", CountedPieces({"[", "", "{}", ",{}", "]"}, runs)).ok());
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(fs.Read(dir + "/search/index.json").value(), "[{},{}]");  // its folder made too
  // Each piece is in the file before the next one is made.
  const std::string path = dir + "/pieces.txt";
  std::vector<std::string> seen;
  ASSERT_TRUE(w->WriteInPieces("pieces.txt", [&](const PutPiece& put) {
                 put("one");
                 seen.push_back(fs.Read(path).value());
                 put("two");
                 seen.push_back(fs.Read(path).value());
               }).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"one", "onetwo"}));
  // A file in the way: the source still runs once, and the error names the path.
  ASSERT_TRUE(w->Write("blocked", "a file").ok());
  const Status s = w->WriteInPieces("blocked/x.json", CountedPieces({"x"}, runs));
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(s.kind(), Status::Kind::kIo);
  EXPECT_NE(s.message().find(dir + "/blocked"), std::string::npos) << s.message();
}

TEST(MemoryFileSystemTest, WriterJoinsPieces) {
  MemoryFileSystem fs;
  int runs = 0;
  ASSERT_TRUE(
      fs.WriterUnder("out")->WriteInPieces("a.txt", CountedPieces({"a", "b", "c"}, runs)).ok());
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(fs.Snapshot(), (std::map<std::string, std::string>{{"out/a.txt", "abc"}}));
}

TEST(MemoryFileSystemTest, WriterUnderJoinsItsFolder) {
  MemoryFileSystem fs;
  std::unique_ptr<FolderWriter> w = fs.WriterUnder("site/.staging");
  ASSERT_TRUE(w->MakeFolders("events/x").ok());
  ASSERT_TRUE(w->Write("events/x/index.html", "page").ok());
  EXPECT_EQ(fs.Snapshot(),
            (std::map<std::string, std::string>{{"site/.staging/events/x/index.html", "page"}}));
}

TEST(ReadOnceFileSystemTest, HandsEachRememberedFileOverOnce) {
  MemoryFileSystem base;
  ASSERT_TRUE(base.Write("site/a.md", "one").ok());
  ASSERT_TRUE(base.Write("site/b.md", "two").ok());
  ReadOnceFileSystem fs(base);
  EXPECT_EQ(fs.Read("site/a.md").value(), "one");  // read and remembered
  ASSERT_TRUE(base.Write("site/a.md", "changed").ok());
  EXPECT_EQ(fs.Read("site/a.md").value(), "one");      // the remembered bytes, once
  EXPECT_EQ(fs.Read("site/a.md").value(), "changed");  // then from the base again
  fs.StopRemembering();
  EXPECT_EQ(fs.Read("site/b.md").value(), "two");
  ASSERT_TRUE(base.Write("site/b.md", "new").ok());
  EXPECT_EQ(fs.Read("site/b.md").value(), "new");  // nothing remembered after StopRemembering
  EXPECT_FALSE(fs.Read("site/none.md").ok());

  ASSERT_EQ(fs.ListFiles("site").value().size(), 2u);
  ASSERT_TRUE(base.Write("site/c.md", "three").ok());
  EXPECT_EQ(fs.ListFiles("site").value().size(), 2u);  // the first listing
  ASSERT_TRUE(fs.Write("site/d.md", "four").ok());     // a change through it forgets
  EXPECT_EQ(fs.ListFiles("site").value().size(), 4u);
}

TEST(PathHelpersTest, JoinNormalizeParent) {
  EXPECT_EQ(JoinPath("a", "b/c"), "a/b/c");
  EXPECT_EQ(JoinPath(".", "b"), "b");
  EXPECT_EQ(JoinPath("a/", "/b"), "a/b");
  EXPECT_EQ(NormalizePath("./a//b/./c/"), "a/b/c");
  EXPECT_EQ(NormalizePath("/tmp//x"), "/tmp/x");
  EXPECT_EQ(ParentPath("a/b/c"), "a/b");
  EXPECT_EQ(ParentPath("c"), "");
}

TEST(MallocTuningTest, AddsHugePagesAndTopPadToTheUsersTunables) {
  EXPECT_EQ(TunedGlibcTunables(nullptr), "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864");
  EXPECT_EQ(TunedGlibcTunables(""), "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864");
  EXPECT_EQ(TunedGlibcTunables("glibc.rtld.nns=8"),
            "glibc.rtld.nns=8:glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864");
}

TEST(MallocTuningTest, LeavesTheUsersOwnMallocSettingsAlone) {
  EXPECT_EQ(TunedGlibcTunables("glibc.malloc.hugetlb=0"), std::nullopt);
  EXPECT_EQ(TunedGlibcTunables("glibc.rtld.nns=8:glibc.malloc.arena_max=1"), std::nullopt);
}

TEST(MallocTuningTest, TheEnvironmentGetsTheTunablesAndTheMarkerOnce) {
  const char* plain[] = {"HOME=/root", "GLIBC_TUNABLES=glibc.rtld.nns=8", "LANG=C", nullptr};
  std::optional<std::vector<std::string>> env = TunedEnvironment(plain);
  ASSERT_TRUE(env);
  EXPECT_EQ(*env, (std::vector<std::string>{
                      "HOME=/root", "LANG=C",
                      "GLIBC_TUNABLES=glibc.rtld.nns=8:glibc.malloc.hugetlb=1:glibc.malloc.top_pad="
                      "67108864",
                      "PORTALGEN_MALLOC_TUNED=1"}));
  const char* empty[] = {nullptr};
  env = TunedEnvironment(empty);
  ASSERT_TRUE(env);
  EXPECT_EQ(env->size(), 2u);
  const char* marked[] = {"HOME=/root", "PORTALGEN_MALLOC_TUNED=1", nullptr};
  EXPECT_EQ(TunedEnvironment(marked), std::nullopt);
  const char* own[] = {"GLIBC_TUNABLES=glibc.malloc.arena_max=2", nullptr};
  EXPECT_EQ(TunedEnvironment(own), std::nullopt);
  // A variable that only starts like the marker is not the marker.
  const char* near[] = {"PORTALGEN_MALLOC_TUNED_X=1", nullptr};
  env = TunedEnvironment(near);
  ASSERT_TRUE(env);
  EXPECT_EQ(env->front(), "PORTALGEN_MALLOC_TUNED_X=1");
}

TEST(MallocTuningTest, OnlyCommandsThatBuildASiteAreTuned) {
  const char* build[] = {"portalgen", "build", "--quiet", nullptr};
  const char* check[] = {"portalgen", "check", nullptr};
  const char* serve[] = {"portalgen", "serve", nullptr};
  EXPECT_TRUE(BuildsASite(3, build));
  EXPECT_TRUE(BuildsASite(2, check));
  EXPECT_TRUE(BuildsASite(2, serve));
  const char* markdown[] = {"portalgen", "markdown", nullptr};
  const char* version[] = {"portalgen", "--version", nullptr};
  const char* bare[] = {"portalgen", nullptr};
  EXPECT_FALSE(BuildsASite(2, markdown));
  EXPECT_FALSE(BuildsASite(2, version));
  EXPECT_FALSE(BuildsASite(1, bare));
}

TEST(MallocTuningTest, TheReexecutedProgramKeepsItsArguments) {
  // Without the marker `build` re-executes itself; with it, it runs as started. Both must read
  // the same arguments: the unknown option is reported by name, after the re-exec too.
  for (const char* env :
       {"env -u PORTALGEN_MALLOC_TUNED -u GLIBC_TUNABLES ", "env PORTALGEN_MALLOC_TUNED=1 "}) {
    testing::RunResult r =
        testing::Run(std::string(env) + "'" + PORTALGEN_BIN + "' build --no-such-option-xyz");
    EXPECT_EQ(r.exit_code, 2) << env << r.err;
    EXPECT_NE(r.err.find("no-such-option-xyz"), std::string::npos) << env << r.err;
  }
}

TEST(DecimalTest, AppendUtcOffsetWritesWhatPrintfWrites) {
  for (int minutes = -24 * 60; minutes <= 24 * 60; ++minutes) {
    const int magnitude = minutes < 0 ? -minutes : minutes;
    char expected[16];
    std::snprintf(expected, sizeof expected, "%c%02d:%02d", minutes < 0 ? '-' : '+', magnitude / 60,
                  magnitude % 60);
    std::string out = "UTC";
    AppendUtcOffset(minutes, &out);
    EXPECT_EQ(out, std::string("UTC") + expected) << minutes;
  }
}

TEST(DecimalTest, AppendPaddedWritesWhatPrintfWrites) {
  const long long values[] = {0,     1,      9,       10,      59,        99,       100, 999,
                              1000,  2026,   9999,    12345,   -1,        -5,       -59, -999,
                              -1000, -12345, INT_MAX, INT_MIN, LLONG_MAX, LLONG_MIN};
  for (long long value : values) {
    for (int width = 0; width <= 6; ++width) {
      char expected[32];
      std::snprintf(expected, sizeof expected, "%0*lld", width, value);
      std::string out = "x";
      AppendPadded(value, width, &out);
      EXPECT_EQ(out, std::string("x") + expected) << value << " width " << width;
    }
  }
}

// Four threads ask for the same 64 slots in the same order, all released at once, each make()
// slow enough that the others arrive while it runs: every slot must be made once, and every
// thread must get the value that was made.
TEST(OnceSlotsTest, EachSlotIsMadeOnceAndSharedAcrossThreads) {
  constexpr size_t kSlots = 64;
  constexpr int kThreads = 4;
  OnceSlots<std::string> slots(kSlots);
  std::vector<std::atomic<int>> made(kSlots);
  std::vector<std::vector<std::string>> seen(kThreads, std::vector<std::string>(kSlots));
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      for (size_t i = 0; i < kSlots; ++i) {
        seen[t][i] = slots.Get(i, [&] {
          made[i].fetch_add(1);
          std::this_thread::sleep_for(std::chrono::microseconds(200));
          return "slot " + std::to_string(i);
        });
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (size_t i = 0; i < kSlots; ++i) {
    EXPECT_EQ(made[i].load(), 1) << "slot " << i;
    for (int t = 0; t < kThreads; ++t) EXPECT_EQ(seen[t][i], "slot " + std::to_string(i));
  }
}

TEST(OnceSlotsTest, AMakeThatThrowsLeavesTheSlotToTheNextCaller) {
  OnceSlots<int> slots(2);
  int calls = 0;
  EXPECT_THROW(slots.Get(1,
                         [&]() -> int {
                           ++calls;
                           throw std::runtime_error("no");
                         }),
               std::runtime_error);
  EXPECT_EQ(slots.Get(1, [&] { return ++calls * 10; }), 20);
  EXPECT_EQ(slots.Get(1, [&] { return ++calls * 100; }), 20);  // made: not asked again
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace portalgen
