// Brief front matter: kind, number, date (full, year or month), members, document.
#include <algorithm>
#include <cstdio>

#include "base/did_you_mean.h"
#include "content/schema.h"

namespace portalgen::content {

const std::vector<std::string>& BriefKinds() {
  static const std::vector<std::string> kKinds = {
      "issue-brief", "call-to-action", "joint-statement", "press-release",
      "annual-report", "submission", "other"};
  return kKinds;
}

namespace {

constexpr const char* kDateHint =
    "write date = 2022-12-01 (no quotes), date = 2022 for a year, or date = \"2022-12\" for a "
    "month";

std::optional<PartialDate> ReadDate(tomlx::Reader& r) {
  const toml::node* node = r.Node("date");
  if (node == nullptr) {
    if (!r.Bool("undated").value_or(false)) {
      r.MissingField("date", "add date = 2022-12-01, or undated = true if no date is known");
    }
    return std::nullopt;
  }
  if (const auto* d = node->as_date()) {
    const toml::date& v = d->get();
    return PartialDate{v.year, v.month, v.day};
  }
  if (const auto* i = node->as_integer()) {
    if (i->get() >= 1900 && i->get() <= 2200) return PartialDate{static_cast<int>(i->get()), 0, 0};
    r.Error(node, "bad date: " + std::to_string(i->get()) + " is not a year", kDateHint);
    return std::nullopt;
  }
  if (const auto* s = node->as_string()) {
    int y = 0, m = 0;
    char tail = 0;
    if (std::sscanf(s->get().c_str(), "%4d-%2d%c", &y, &m, &tail) == 2 && s->get().size() == 7 &&
        m >= 1 && m <= 12) {
      return PartialDate{y, m, 0};
    }
    r.Error(node, "bad date \"" + s->get() + "\"", kDateHint);
    return std::nullopt;
  }
  r.Error(node, "bad date: 'date' must be a date, not " + tomlx::TypeName(*node), kDateHint);
  return std::nullopt;
}

}  // namespace

void ReadBrief(tomlx::Reader& r, Document& doc) {
  BriefData& b = doc.brief;
  b.kind = r.RequiredString("kind");
  const auto& kinds = BriefKinds();
  if (!b.kind.empty() && std::find(kinds.begin(), kinds.end(), b.kind) == kinds.end()) {
    std::string hint = DidYouMean(b.kind, kinds);
    if (hint.empty()) hint = "one of: issue-brief, call-to-action, joint-statement, "
                             "press-release, annual-report, submission, other";
    r.Error(r.Node("kind"), "unknown brief kind '" + b.kind + "'", hint);
  }
  if (auto n = r.Int("number")) {
    if (*n < 1 || *n > 100000) {
      r.Error(r.Node("number"), "'number' must be a positive whole number");
    } else {
      b.number = static_cast<int>(*n);
    }
  }
  b.date = ReadDate(r);
  b.members = ReadRefs(r, "members");
  b.document = ReadUrl(r, "document");
  std::vector<std::string> known = CommonKeys();
  known.insert(known.end(), {"kind", "number", "date", "undated", "members", "document"});
  r.WarnUnknownKeys(known);
}

}  // namespace portalgen::content
