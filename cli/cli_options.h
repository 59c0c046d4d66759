// Command-line parsing shared by the command files (Boost.program_options).
// Included by commands_*.cc only.
#ifndef DOJAVA_CLI_CLI_OPTIONS_H_
#define DOJAVA_CLI_CLI_OPTIONS_H_

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "cli/session.h"

namespace dojava::cli {

namespace po = boost::program_options;

// Which shared options a command takes.
enum OptionSet : unsigned {
  kServerOpts = 1,    // --server --socks5 --state-dir --timeout --admin-fingerprint
  kKeyOpts = 2,       // --key-file --passphrase-file
  kJsonOpt = 4,       // --json
  kUploadOpt = 8,     // --upload-streams
  kDownloadOpt = 16,  // --download-streams
};

// Adds the shared options selected by `set`, writing into `o`.
void AddCommonOptions(po::options_description* desc, unsigned set, CommonOptions* o);

// Parses `args` (the words after the command name). Unknown options, missing
// values or extra words are Fail(kUsage) with the command's usage text.
// --help prints `usage` and the options, then exits 0 (throws Failure kOk).
po::variables_map ParseArgs(const std::vector<std::string>& args,
                            const po::options_description& desc,
                            const po::positional_options_description& positional,
                            const std::string& usage);

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_CLI_OPTIONS_H_
