// Member front matter: acronym, status, joined, website, chairs.
#include "base/did_you_mean.h"
#include "content/schema.h"

namespace portalgen::content {

void ReadMember(tomlx::Reader& r, Document& doc) {
  MemberData& m = doc.member;
  m.acronym = r.String("acronym").value_or("");
  m.status = r.RequiredString("status");
  static const std::vector<std::string> kStatuses = {"member", "partner"};
  if (!m.status.empty() && m.status != "member" && m.status != "partner") {
    std::string hint = DidYouMean(m.status, kStatuses);
    r.Error(r.Node("status"), "unknown status '" + m.status + "'",
            hint.empty() ? "use \"member\" or \"partner\"" : hint);
  }
  if (auto joined = r.Int("joined")) {
    if (*joined < 1900 || *joined > 2200) {
      r.Error(r.Node("joined"), "'joined' must be a year, e.g. 2022");
    } else {
      m.joined = static_cast<int>(*joined);
    }
  }
  m.website = ReadUrl(r, "website");
  if (auto chairs = r.Ints("chairs")) m.chairs.assign(chairs->begin(), chairs->end());
  std::vector<std::string> known = CommonKeys();
  known.insert(known.end(), {"acronym", "status", "joined", "website", "chairs"});
  r.WarnUnknownKeys(known);
}

}  // namespace portalgen::content
