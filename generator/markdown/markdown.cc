// Render(): md_parse set-up. The HTML itself is written by HtmlRenderer.
#include "markdown/markdown.h"

#include <md4c.h>

#include "markdown/html_renderer.h"

namespace portalgen::markdown {
namespace {

// The site's dialect: md4c's "GitHub" flag set.
constexpr unsigned kGithubFlags =
    MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS;

HtmlRenderer& RendererOf(void* userdata) { return *static_cast<HtmlRenderer*>(userdata); }

int OnEnterBlock(MD_BLOCKTYPE type, void* detail, void* userdata) {
  RendererOf(userdata).EnterBlock(type, detail);
  return 0;
}

int OnLeaveBlock(MD_BLOCKTYPE type, void* detail, void* userdata) {
  RendererOf(userdata).LeaveBlock(type, detail);
  return 0;
}

int OnEnterSpan(MD_SPANTYPE type, void* detail, void* userdata) {
  RendererOf(userdata).EnterSpan(type, detail);
  return 0;
}

int OnLeaveSpan(MD_SPANTYPE type, void* detail, void* userdata) {
  RendererOf(userdata).LeaveSpan(type, detail);
  return 0;
}

int OnText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  RendererOf(userdata).Text(type, std::string_view(text, size));
  return 0;
}

unsigned ParserFlags(const Options& options) {
  if (options.parser_flags_override) return *options.parser_flags_override;
  return options.wiki_resolver ? kGithubFlags | MD_FLAG_WIKILINKS : kGithubFlags;
}

AutolinkKinds AutolinkKindsOf(unsigned flags) {
  AutolinkKinds kinds;
  kinds.url = (flags & MD_FLAG_PERMISSIVEURLAUTOLINKS) != 0;
  kinds.www = (flags & MD_FLAG_PERMISSIVEWWWAUTOLINKS) != 0;
  kinds.email = (flags & MD_FLAG_PERMISSIVEEMAILAUTOLINKS) != 0;
  return kinds;
}

}  // namespace

Rendered Render(std::string_view markdown, const Options& options) {
  const unsigned flags = ParserFlags(options);
  MD_PARSER parser = {};
  // Permissive autolinks are the renderer's (newer rules than md4c 0.4.8's).
  parser.flags = flags & ~MD_FLAG_PERMISSIVEAUTOLINKS;
  parser.enter_block = OnEnterBlock;
  parser.leave_block = OnLeaveBlock;
  parser.enter_span = OnEnterSpan;
  parser.leave_span = OnLeaveSpan;
  parser.text = OnText;
  HtmlRenderer renderer(options, AutolinkKindsOf(flags));
  // md_parse fails only when out of memory; callbacks never abort it, and a
  // partial document is the best we can return then.
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &renderer);
  return renderer.TakeResult();
}

}  // namespace portalgen::markdown
