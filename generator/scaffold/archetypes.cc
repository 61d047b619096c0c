#include "scaffold/archetypes.h"

#include <cstdio>

namespace portalgen::scaffold {

namespace {

// Each archetype must build as it is: `new` is tested by building what it wrote.
constexpr std::string_view kBrief = R"(+++
title = "{{title}}"
kind = "issue-brief"  # issue-brief, call-to-action, joint-statement, press-release, annual-report, submission, other
date = {{date}}  # publication date; 2022 or 2022-10 when only the year or month is known
# number = 1
# members = []  # contributing member slugs, e.g. ["unodc", "iom"]
# document = "/files/{{slug}}.pdf"  # a file in static/, or an https:// URL
# summary = ""
# topics = []
# priorities = []  # 1 to 6, as in site.toml
# draft = true
+++

Write the brief's text here.
)";

constexpr std::string_view kEvent = R"(+++
title = "{{title}}"
# The local start time with its UTC offset: change it (the date is today's, or --date).
start = {{date}}T09:00:00+00:00
# end = {{date}}T17:00:00+00:00
# timezone = "Europe/Vienna"
# venue = ""
# city = ""
# format = "in-person"  # in-person, online or hybrid
# series = ""
# members = []  # organising member slugs, e.g. ["unodc"]
# other_organizers = []
# briefs = []  # brief slugs
# languages = ["English"]
# registration = "https://"
# contact = ""
# summary = ""
# topics = []
# priorities = []
# draft = true
#
# [[speakers]]
# name = ""
# role = "speaker"  # moderator, speaker, discussant, ...
# position = ""
# member = ""  # a member slug, or organization = "" for others
#
# [[agenda]]
# start = "09:00"
# end = "10:00"
# title = ""
# speakers = []  # names from [[speakers]]
+++

Describe the event: its purpose, who it is for and how to take part.
)";

constexpr std::string_view kMember = R"(+++
title = "{{title}}"
status = "member"  # member or partner
# acronym = ""
# joined = 2010
# website = "https://"
# chairs = []  # years as chair or co-chair
# summary = ""
# topics = []
# draft = true
+++

Describe the organisation's mandate and its work against trafficking in persons.
)";

constexpr std::string_view kPage = R"(+++
title = "{{title}}"
# summary = ""
# draft = true
+++

Write the page here.
)";

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

std::string_view BuiltinArchetype(content::Kind kind) {
  switch (kind) {
    case content::Kind::kBrief:
      return kBrief;
    case content::Kind::kEvent:
      return kEvent;
    case content::Kind::kMember:
      return kMember;
    case content::Kind::kPage:
      return kPage;
  }
  return kPage;
}

std::string TomlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

std::string FillArchetype(std::string_view archetype, const ArchetypeValues& values) {
  std::string text(archetype);
  ReplaceAll(text, "{{title}}", TomlEscape(values.title));
  ReplaceAll(text, "{{slug}}", values.slug);
  ReplaceAll(text, "{{date}}", values.date);
  return text;
}

}  // namespace portalgen::scaffold
