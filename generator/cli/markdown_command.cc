// `portalgen markdown [--unsafe]`: stdin -> the site's Markdown renderer -> stdout.
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/options.h"
#include "markdown/markdown.h"

namespace portalgen::cli {

int RunMarkdown(const std::vector<std::string>& args, Io& io) {
  namespace po = boost::program_options;
  po::options_description desc("options");
  desc.add_options()("unsafe", "pass raw HTML and javascript: links through untouched");
  po::variables_map vm;
  if (auto code = ParseOptions("markdown", "[--unsafe] < in.md > out.html", desc, args, vm, io)) {
    return *code;
  }
  const std::string input(std::istreambuf_iterator<char>(io.in), {});
  markdown::Options options;
  options.unsafe = vm.count("unsafe") > 0;
  io.out << markdown::Render(input, options).html;
  return kExitOk;
}

}  // namespace portalgen::cli
