#include "tests/layering/cmake_graph.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fstream>
#include <sstream>
#include <string_view>

#include "tests/layering/source_tree.h"

namespace dojava::layering {
namespace fs = std::filesystem;
namespace {

struct Command {
  std::string name;
  std::vector<std::string> args;
};

std::string WithoutComments(const std::string& text) {
  std::string out;
  bool quoted = false, comment = false;
  for (char c : text) {
    if (comment) {
      if (c == '\n') comment = false, out += c;
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (c == '#' && !quoted) {
      comment = true;
      continue;
    }
    out += c;
  }
  return out;
}

// The commands of one CMakeLists.txt: `name(arg arg "arg")`, nested
// parentheses kept inside the arguments.
std::vector<Command> ParseCommands(const std::string& text) {
  std::vector<Command> commands;
  const std::string code = WithoutComments(text);
  size_t i = 0;
  while (i < code.size()) {
    const size_t open = code.find('(', i);
    if (open == std::string::npos) break;
    size_t name_start = open;
    while (name_start > 0 && (std::isalnum(static_cast<unsigned char>(code[name_start - 1])) ||
                              code[name_start - 1] == '_')) {
      --name_start;
    }
    int depth = 1;
    size_t close = open + 1;
    for (; close < code.size() && depth > 0; ++close) {
      if (code[close] == '(') ++depth;
      if (code[close] == ')') --depth;
    }
    Command command{code.substr(name_start, open - name_start), {}};
    std::istringstream args(code.substr(open + 1, close - open - 2));
    for (std::string arg; args >> arg;) command.args.push_back(arg);
    if (!command.name.empty()) commands.push_back(std::move(command));
    i = close;
  }
  return commands;
}

bool IsVisibility(const std::string& word) {
  return word == "PUBLIC" || word == "PRIVATE" || word == "INTERFACE";
}

void AddCommand(CmakeGraph& graph, const Command& command) {
  if (command.args.empty()) return;
  const std::string& target = command.args[0];
  if (command.name == "add_library") graph.libraries.insert(target);
  if (command.name == "add_executable") graph.executables.insert(target);
  if (command.name == "target_link_libraries") {
    for (size_t i = 1; i < command.args.size(); ++i) {
      if (!IsVisibility(command.args[i])) graph.links[target].insert(command.args[i]);
    }
  }
  // fuzz/CMakeLists.txt: dojava_fuzz_target(NAME SOURCE LIBS...) -> fuzz_NAME.
  if (command.name == "dojava_fuzz_target" && command.args.size() >= 2) {
    graph.executables.insert("fuzz_" + target);
    for (size_t i = 2; i < command.args.size(); ++i) {
      graph.links["fuzz_" + target].insert(command.args[i]);
    }
  }
}

// The value of `-o FILE` in a compile command: CMake names object files
// <dir>/CMakeFiles/<target>.dir/<source>.o.
std::string TargetOfCommand(const std::string& command) {
  std::istringstream words(command);
  std::string word, output;
  while (words >> word) {
    if (word == "-o" && words >> output) break;
  }
  const std::string marker = "CMakeFiles/";
  const size_t start = output.find(marker);
  const size_t end = output.find(".dir/", start);
  if (start == std::string::npos || end == std::string::npos) return {};
  return output.substr(start + marker.size(), end - start - marker.size());
}

}  // namespace

CmakeGraph ReadCmakeGraph(const fs::path& root) {
  CmakeGraph graph;
  for (const std::string& path : ListFiles(root)) {
    if (fs::path(path).filename() != "CMakeLists.txt") continue;
    std::ifstream in(root / path);
    std::stringstream text;
    text << in.rdbuf();
    for (const Command& command : ParseCommands(text.str())) AddCommand(graph, command);
  }
  return graph;
}

std::set<std::string> LinkClosure(const CmakeGraph& graph, const std::string& target) {
  std::set<std::string> reached;
  std::vector<std::string> todo{target};
  while (!todo.empty()) {
    const std::string next = todo.back();
    todo.pop_back();
    const auto it = graph.links.find(next);
    if (it == graph.links.end()) continue;
    for (const std::string& library : it->second) {
      if (reached.insert(library).second) todo.push_back(library);
    }
  }
  return reached;
}

std::map<std::string, std::set<std::string>> ReadCompiledFiles(const fs::path& compile_commands,
                                                               const fs::path& root) {
  std::ifstream in(compile_commands);
  std::stringstream text;
  text << in.rdbuf();
  std::map<std::string, std::set<std::string>> files;
  const std::string prefix = fs::weakly_canonical(root).string() + "/";
  const boost::json::value parsed = boost::json::parse(text.str());
  for (const auto& entry : parsed.as_array()) {
    const auto& object = entry.as_object();
    const std::string file =
        fs::weakly_canonical(std::string(object.at("file").as_string())).string();
    if (!file.starts_with(prefix)) continue;
    const std::string target = TargetOfCommand(std::string(object.at("command").as_string()));
    files[target].insert(file.substr(prefix.size()));
  }
  return files;
}

}  // namespace dojava::layering
