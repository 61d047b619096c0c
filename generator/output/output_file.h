// One file of the built site: where it goes (relative to the output folder) and its bytes.
#ifndef PORTALGEN_OUTPUT_OUTPUT_FILE_H_
#define PORTALGEN_OUTPUT_OUTPUT_FILE_H_

#include <string>

namespace portalgen::output {

struct OutputFile {
  std::string path;  // "briefs/x/index.html"; no leading '/', no ".."
  std::string bytes;
  std::string origin;  // a copied file's source, for diagnostics ("static/x.pdf"); else empty
};

}  // namespace portalgen::output

#endif  // PORTALGEN_OUTPUT_OUTPUT_FILE_H_
