#include "cli/commands.h"

#include <iostream>

#include "base/did_you_mean.h"

namespace portalgen::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"build", "build the site into the output folder (default: public/)", RunBuild},
      {"check", "validate content, links and anchors without writing the site", RunCheck},
      {"markdown", "render Markdown from stdin to HTML on stdout, as the site does", RunMarkdown},
      {"new", "create a brief, event, member or page from an archetype", RunNew},
      {"serve", "preview the site locally, rebuilding and reloading on save", RunServe},
  };
  return kCommands;
}

namespace {

void PrintUsage(std::ostream& out) {
  out << "usage: portalgen <command> [options]\n\n"
         "A static site generator for the ICAT portal: briefs, events and members\n"
         "written as Markdown with TOML front matter.\n\ncommands:\n";
  for (const Command& c : Commands()) {
    std::string name = c.name;
    name.resize(10, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\noptions:\n  --help     show this help (also: portalgen <command> --help)\n"
         "  --version  print the version\n\n"
         "exit codes: 0 success, 1 content or build errors, 2 usage errors\n";
}

}  // namespace

int Main(const std::vector<std::string>& argv, Io& io) {
  if (argv.size() < 2) {
    PrintUsage(io.err);
    return kExitUsage;
  }
  const std::string& name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(io.out);
    return kExitOk;
  }
  if (name == "--version" || name == "-V") {
    io.out << "portalgen " << PORTALGEN_VERSION << "\n";
    return kExitOk;
  }
  std::vector<std::string> names;
  for (const Command& c : Commands()) {
    if (name == c.name) return c.run({argv.begin() + 2, argv.end()}, io);
    names.push_back(c.name);
  }
  std::string hint = DidYouMean(name, names);
  io.err << "portalgen: error: unknown command '" << name << "'"
         << (hint.empty() ? "" : " (" + hint + ")") << "\n"
         << "run 'portalgen --help' for the list of commands\n";
  return kExitUsage;
}

}  // namespace portalgen::cli
