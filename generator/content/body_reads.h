// Which documents' rendered bodies a piece of work read: the dependencies of an output file on
// Markdown bodies, recorded while the file is made (build/pipeline.cc keeps them in the build
// cache, so that a later build that only edits bodies re-makes only the files that read them).
//
// Views, feeds and the search index read a body only through BodyHtml(), FirstParagraph() and
// PlainText(). Each call notes (document, part) in the recorder the calling thread has
// installed with BodyReadScope, if any; with none (serve, check, tests) a note costs one
// thread-local load. Memoised values (a card, a feed entry) are made once and shown by many
// files: RecordingSlots remembers what a value read and notes it again at every use.
#ifndef PORTALGEN_CONTENT_BODY_READS_H_
#define PORTALGEN_CONTENT_BODY_READS_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "base/once_slots.h"
#include "content/document.h"

namespace portalgen::content {

/// The parts of a rendered body that outputs show, as bits.
enum BodyPart : uint8_t {
  kBodyHtml = 1,            // rendered.html
  kBodyFirstParagraph = 2,  // rendered.first_paragraph (the summary when front matter has none)
  kBodyPlainText = 4,       // rendered.plain_text
};

/// The parts in which two renderings of one body differ.
uint8_t ChangedParts(const markdown::Rendered& before, const markdown::Rendered& after);

/// What one piece of work read, in call order, with repeats.
struct BodyReads {
  std::vector<std::pair<const Document*, uint8_t>> reads;
};

/// Records this thread's body reads into `reads` while it lives (scopes nest: the inner one
/// records, the outer one resumes after it).
class BodyReadScope {
 public:
  explicit BodyReadScope(BodyReads* reads);
  ~BodyReadScope();
  BodyReadScope(const BodyReadScope&) = delete;
  BodyReadScope& operator=(const BodyReadScope&) = delete;

 private:
  BodyReads* outer_;
};

/// Notes `parts` of `doc` in this thread's recorder, if any.
void NoteBodyRead(const Document& doc, uint8_t parts);
/// Notes every read of `reads` again.
void NoteBodyReads(const BodyReads& reads);

inline const std::string& BodyHtml(const Document& doc) {
  NoteBodyRead(doc, kBodyHtml);
  return doc.rendered.html;
}
inline const std::string& FirstParagraph(const Document& doc) {
  NoteBodyRead(doc, kBodyFirstParagraph);
  return doc.rendered.first_paragraph;
}
inline const std::string& PlainText(const Document& doc) {
  if (doc.plain_text_released) {
    throw std::logic_error(doc.source_path + ": plain text read after it was released");
  }
  NoteBodyRead(doc, kBodyPlainText);
  return doc.rendered.plain_text;
}

/// A memoised value with the body reads made while making it.
template <typename T>
struct Recorded {
  T value{};
  BodyReads reads;

  /// Makes the value with make(), recording what it reads.
  template <typename F>
  static Recorded Make(F&& make) {
    Recorded made;
    BodyReadScope scope(&made.reads);
    made.value = make();
    return made;
  }
  /// The value, noting its reads again in this thread's recorder: a use of a memoised value
  /// depends on what making it read.
  const T& Use() const {
    NoteBodyReads(reads);
    return value;
  }
};

/// OnceSlots whose values note, at every use, the body reads made while making them.
template <typename T>
class RecordingSlots {
 public:
  explicit RecordingSlots(size_t n) : slots_(n) {}

  template <typename Make>
  const T& Get(size_t i, Make&& make) {
    return slots_.Get(i, [&] { return Recorded<T>::Make(make); }).Use();
  }

 private:
  OnceSlots<Recorded<T>> slots_;
};

}  // namespace portalgen::content

#endif  // PORTALGEN_CONTENT_BODY_READS_H_
