// TextBlocks: copies of texts kept together in large blocks of their own, outside malloc's heaps.
//
// Why: a build reads every Markdown file (56 MB at 10,000 documents) and lets each one go once
// its body is rendered. Read into malloc'd strings, those files sat between the documents' other
// data, and freeing them left thousands of holes that the later stages, which mostly want larger
// pieces, did not fill: ~45 MB of the build's peak was such holes. Copied into blocks, the texts
// leave the heap compact, and a block goes back to the system whole as soon as the last text in
// it is released (docs/architecture.md, "Peak memory").
#ifndef PORTALGEN_BASE_TEXT_BLOCKS_H_
#define PORTALGEN_BASE_TEXT_BLOCKS_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>

namespace portalgen {

/// A text kept by TextBlocks: `text` stays valid while `keeper` (or a copy of it) is held.
struct KeptText {
  std::string_view text;
  std::shared_ptr<const void> keeper;
};

class TextBlocks {
 public:
  /// Blocks of 2 MiB: one transparent huge page each.
  static constexpr size_t kBlockSize = size_t{2} << 20;

  /// Copies `text` into the current block, or into a new one when it does not fit. A text larger
  /// than a quarter of a block gets a piece of memory of its own. Safe from several threads.
  KeptText Keep(std::string_view text);

 private:
  struct Block;
  std::mutex mu_;
  std::shared_ptr<Block> current_;
  size_t used_ = 0;
};

}  // namespace portalgen

#endif  // PORTALGEN_BASE_TEXT_BLOCKS_H_
