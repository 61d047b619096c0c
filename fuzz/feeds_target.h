// Target "feeds": a small site whose field values come from the input, generated whole so that
// the Atom/RSS/JSON feeds, iCalendar files (with VTIMEZONEs), sitemap, search index and alias
// pages see exactly what the pipeline lets through. Every output is then checked
// (fuzz_site.h); output paths must stay inside the output folder.
#ifndef PORTALGEN_FUZZ_FEEDS_TARGET_H_
#define PORTALGEN_FUZZ_FEEDS_TARGET_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include "fuzz_input.h"
#include "fuzz_site.h"

namespace portalgen::fuzz {

/// "YYYY-MM-DDTHH:MM:00+hh:mm" from six numbers of the input (any of them may be out of range,
/// which the loader must reject cleanly).
inline std::string FuzzDateTime(FuzzInput& in) {
  const int year = in.Int(0, 9999), month = in.Int(1, 12), day = in.Int(1, 31);
  const int hour = in.Int(0, 23), minute = in.Int(0, 59);
  const int offset = in.Int(-48, 56) * 15;  // minutes, quarter hours from -12:00 to +14:00
  const int abs = offset < 0 ? -offset : offset;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00%c%02d:%02d", year, month, day, hour,
                minute, offset < 0 ? '-' : '+', abs / 60, abs % 60);
  return buf;
}

/// The site's files for an input: numbers for the event's start and end, the brief's date, and
/// choices of zone, brief kind and whether the event has an end; then 24 lines of text fields,
/// one line of the brief's body; the rest is the event's Markdown body.
inline Files FeedsSite(const uint8_t* data, size_t size) {
  static const char* const kZones[] = {"",
                                       "UTC",
                                       "Europe/Vienna",
                                       "America/New_York",
                                       "Asia/Kathmandu",
                                       "Australia/Lord_Howe",
                                       "Pacific/Chatham",
                                       "America/Sao_Paulo",
                                       "Africa/Casablanca"};
  static const char* const kKinds[] = {"issue-brief", "joint-statement", "annual-report", "other"};
  FuzzInput in(data, size);
  const std::string start = FuzzDateTime(in), end = FuzzDateTime(in);
  const int year = in.Int(0, 9999), month = in.Int(1, 12), day = in.Int(1, 31);
  const uint8_t zone = in.Byte() % 10;  // 9: the zone name is text field 23
  const char* kind = kKinds[in.Byte() % 4];
  const bool has_end = in.Byte() % 2;
  // Read in a fixed order: the operands of '+' are not sequenced.
  std::string f[24];
  for (std::string& value : f) value = TomlString(in.Line());
  const std::string zone_name = zone < 9 ? TomlString(kZones[zone]) : f[23];
  const std::string site = "title = " + f[0] + "\nbase_url = " + f[1] + "\ndescription = " + f[2] +
                           "\ntheme = \"t\"\n[author]\nname = " + f[3] + "\nemail = " + f[4] +
                           "\n[[priorities]]\nnumber = 1\ntitle = " + f[5] + "\n";
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
  const std::string brief = "+++\ntitle = " + f[6] + "\nkind = \"" + kind + "\"\ndate = " + date +
                            "\nsummary = " + f[7] + "\nmembers = [\"m\"]\ndocument = " + f[8] +
                            "\ntopics = [" + f[9] + "]\n+++\n" + in.Line() + "\n";
  const std::string member = "+++\ntitle = " + f[10] + "\nacronym = " + f[11] +
                             "\nstatus = \"member\"\nwebsite = " + f[12] + "\n+++\n";
  const std::string event =
      "+++\ntitle = " + f[13] + "\nstart = " + start + "\n" +
      (has_end ? "end = " + end + "\n" : "") + "timezone = " + zone_name + "\nvenue = " + f[14] +
      "\ncity = " + f[15] + "\nseries = " + f[16] + "\ncontact = " + f[17] + "\ntopics = [" +
      f[18] + ", " + f[19] + "]\naliases = [" + f[20] +
      "]\nmembers = [\"m\"]\nbriefs = [\"b\"]\npriorities = [1]\n[[speakers]]\nname = " + f[21] +
      "\nrole = " + f[22] + "\nmember = \"m\"\n+++\n" + in.Rest();

  Files files = {{"site.toml", site},
                 {"content/events/e.md", event},
                 {"content/events/fixed.md",
                  "+++\ntitle = \"Fixed\"\nstart = 2022-10-11T13:30:00+02:00\n"
                  "timezone = \"Europe/Vienna\"\nmembers = [\"m\"]\n+++\n"},
                 {"content/briefs/b.md", brief},
                 {"content/members/m.md", member}};
  // The smallest theme: every required template, static text only.
  for (const char* name : {"index", "page", "brief", "event", "member", "list", "terms", "404"}) {
    files[std::string("themes/t/templates/") + name + ".mustache"] = "x";
  }
  return files;
}

/// Generates FeedsSite(input); returns an output problem or "".
inline std::string FeedsTarget(const uint8_t* data, size_t size) {
  return GenerateAndCheck(FeedsSite(data, size));
}

}  // namespace portalgen::fuzz

#endif  // PORTALGEN_FUZZ_FEEDS_TARGET_H_
