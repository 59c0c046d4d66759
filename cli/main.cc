// dojava: the command-line client for reviewers, admins and scripted sources.
// Dispatches to the commands of cli/command_table.h.
#include <malloc.h>
#include <sys/resource.h>

#include <iostream>
#include <string>
#include <vector>

#include "base/secret_bytes.h"
#include "cli/command_table.h"

int main(int argc, char** argv) {
  // No core dumps: they would hold keys and plaintext.
  rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  // A download allocates and frees ~512 KiB buffers per chunk request; keep
  // them in the heap for reuse instead of returning pages to the kernel each
  // time (page faults and zero-filling fresh pages dominated `get`'s
  // profile). Secrets are unaffected: they live in sodium_malloc memory.
  ::mallopt(M_MMAP_THRESHOLD, 4 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 32 << 20);
  dojava::EnsureSodium();

  std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    dojava::cli::PrintUsage(words.empty() ? std::cerr : std::cout);
    return words.empty() ? 2 : 0;
  }
  if (words[0] == "--version") {
    std::cout << "dojava " DOJAVA_VERSION " (protocol v2, API v1)\n";
    return 0;
  }
  return dojava::cli::RunWords(words);
}
