#include "content/body_reads.h"

namespace portalgen::content {

namespace {

thread_local BodyReads* current = nullptr;

}  // namespace

uint8_t ChangedParts(const markdown::Rendered& before, const markdown::Rendered& after) {
  uint8_t parts = 0;
  if (before.html != after.html) parts |= kBodyHtml;
  if (before.first_paragraph != after.first_paragraph) parts |= kBodyFirstParagraph;
  // By hash: the library cache keeps no plain text (build::RenderBody sets both hashes).
  if (before.plain_text_hash != after.plain_text_hash) parts |= kBodyPlainText;
  return parts;
}

BodyReadScope::BodyReadScope(BodyReads* reads) : outer_(current) { current = reads; }

BodyReadScope::~BodyReadScope() { current = outer_; }

void NoteBodyRead(const Document& doc, uint8_t parts) {
  if (current) current->reads.emplace_back(&doc, parts);
}

void NoteBodyReads(const BodyReads& reads) {
  if (current) current->reads.insert(current->reads.end(), reads.reads.begin(), reads.reads.end());
}

}  // namespace portalgen::content
