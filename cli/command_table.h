// Running a `dojava` command from its words ("cases", "--json", ...).
#ifndef DOJAVA_CLI_COMMAND_TABLE_H_
#define DOJAVA_CLI_COMMAND_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

namespace dojava::cli {

// Runs the command named by the first word (or two) of `words` (not empty)
// with the rest as its arguments; prints any failure ("dojava: ...") and
// returns the exit code. An unknown command prints "did you mean" (exit 2);
// "GROUP --help" for a two-word group lists its commands.
int RunWords(const std::vector<std::string>& words);

// The command list and the exit codes.
void PrintUsage(std::ostream& out);

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_COMMAND_TABLE_H_
