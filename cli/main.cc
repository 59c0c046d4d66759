// dojava: the command-line client for reviewers, admins and scripted sources.
// Dispatches to the commands of commands.h; every Failure ends here.
#include <malloc.h>
#include <sodium.h>
#include <sys/resource.h>

#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "base/secret_bytes.h"
#include "cli/commands.h"
#include "cli/exit.h"

namespace {

using dojava::cli::Args;

struct Command {
  const char* name;  // one or two words
  int (*run)(const Args&);
  const char* summary;
};

constexpr Command kCommands[] = {
    {"admin init", dojava::cli::RunAdminInit, "create the admin key file, print its fingerprint"},
    {"roster add", dojava::cli::RunRosterAdd, "add a reviewer to the roster (admin)"},
    {"roster remove", dojava::cli::RunRosterRemove, "remove a reviewer from the roster (admin)"},
    {"roster show", dojava::cli::RunRosterShow, "show the verified roster"},
    {"keygen", dojava::cli::RunKeygen, "create a reviewer key file and its public key line"},
    {"login", dojava::cli::RunLogin, "log in to the reviewer listener"},
    {"logout", dojava::cli::RunLogout, "end the session and remove the saved token"},
    {"cases", dojava::cli::RunCases, "list cases with status, labels and assignee"},
    {"show", dojava::cli::RunShow, "show a case's decrypted conversation"},
    {"reply", dojava::cli::RunReply, "reply to the source (text, file or $EDITOR; attachments)"},
    {"get", dojava::cli::RunGet, "download and decrypt an attachment"},
    {"status", dojava::cli::RunStatus, "set a case's status (signed notes event)"},
    {"label", dojava::cli::RunLabel, "add or remove labels (signed notes event)"},
    {"assign", dojava::cli::RunAssign, "assign a case to a reviewer (signed notes event)"},
    {"note", dojava::cli::RunNote, "add an internal note (signed notes event)"},
    {"grant", dojava::cli::RunGrant, "give a colleague on the roster access to a case"},
    {"delete", dojava::cli::RunDelete, "delete a case on the server for good"},
    {"export", dojava::cli::RunExport, "export decrypted cases as JSON or CSV"},
    {"submit", dojava::cli::RunSubmit, "source: submit a report, print the receipt once"},
    {"inbox", dojava::cli::RunInbox, "source: read replies with a receipt, send a follow-up"},
};

void PrintUsage(std::ostream& out) {
  out << "usage: dojava COMMAND [options]   (dojava COMMAND --help for its options)\n\n";
  for (const auto& c : kCommands) {
    std::string n = c.name;
    n.resize(16, ' ');
    out << "  " << n << c.summary << "\n";
  }
  out << "\nExit codes: 0 ok, 1 error, 2 usage, 3 server unreachable, 4 wrong passphrase,\n"
         "5 trust failure (admin key, roster signature, rollback), 6 not found,\n"
         "7 decryption/integrity failure, 8 refused by the server, 9 not logged in/authorized.\n";
}

}  // namespace

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
    PrintUsage(words.empty() ? std::cerr : std::cout);
    return words.empty() ? 2 : 0;
  }
  if (words[0] == "--version") {
    std::cout << "dojava 0.1.0 (protocol v1, API v1)\n";
    return 0;
  }
  for (const auto& c : kCommands) {
    const std::string name = c.name;
    const size_t space = name.find(' ');
    size_t used = 0;
    if (space == std::string::npos) {
      if (words[0] == name) used = 1;
    } else if (words.size() >= 2 && words[0] == name.substr(0, space) &&
               words[1] == name.substr(space + 1)) {
      used = 2;
    }
    if (used == 0) continue;
    const Args rest(words.begin() + static_cast<long>(used), words.end());
    try {
      return c.run(rest);
    } catch (const dojava::cli::Failure& f) {
      if (!f.message.empty()) std::cerr << "dojava: " << f.message << "\n";
      return static_cast<int>(f.exit);
    } catch (const std::exception& e) {
      std::cerr << "dojava: internal error: " << e.what() << "\n";
      return static_cast<int>(dojava::cli::Exit::kError);
    }
  }
  std::cerr << "dojava: unknown command '" << words[0] << "'\n";
  PrintUsage(std::cerr);
  return 2;
}
