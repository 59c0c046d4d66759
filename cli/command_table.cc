// The table of `dojava` commands and running one from its words: used by
// main() and by `dojava shell`. A mistyped command gets "did you mean".
#include "cli/command_table.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/exit.h"

namespace dojava::cli {
namespace {

struct Command {
  const char* name;  // one or two words
  int (*run)(const Args&);
  const char* summary;
};

constexpr Command kCommands[] = {
    {"admin init", RunAdminInit, "create the admin key file, print its fingerprint"},
    {"admin onboarding", RunAdminOnboarding,
     "write the onboarding file for a new reviewer (server + fingerprint)"},
    {"roster add", RunRosterAdd, "add a reviewer to the roster (admin)"},
    {"roster remove", RunRosterRemove, "remove (retire) a reviewer from the roster (admin)"},
    {"roster renew", RunRosterRenew,
     "sign the roster again with a new expiry (admin; offline: -o)"},
    {"roster install", RunRosterInstall,
     "install a signed roster, by default the kept one (admin)"},
    {"roster fetch", RunRosterFetch, "save the server's verified roster to a file (for renew)"},
    {"roster show", RunRosterShow, "show the verified roster"},
    {"keygen", RunKeygen, "create a reviewer key file and its public key line"},
    {"key rotate", RunKeyRotate,
     "make a new encryption key (epoch) beside your key file; print the line for the admin"},
    {"login", RunLogin, "log in to the reviewer listener"},
    {"logout", RunLogout, "end the session and remove the saved token"},
    {"cases", RunCases, "list cases with status, labels and assignee"},
    {"show", RunShow, "show a case's decrypted conversation"},
    {"reply", RunReply, "reply to the source (text, file or $EDITOR; attachments)"},
    {"get", RunGet, "download and decrypt an attachment"},
    {"status", RunStatus, "set a case's status (signed notes event)"},
    {"label", RunLabel, "add or remove labels (signed notes event)"},
    {"assign", RunAssign, "assign a case to a reviewer (signed notes event)"},
    {"note", RunNote, "add an internal note (signed notes event)"},
    {"grant", RunGrant, "give a colleague on the roster access to a case"},
    {"rekey", RunRekey, "move a case to a new key (after a reviewer was removed: --retired)"},
    {"delete", RunDelete, "delete a case on the server for good"},
    {"export", RunExport, "export decrypted cases as JSON or CSV"},
    {"submit", RunSubmit, "source: submit a report, print the receipt once"},
    {"inbox", RunInbox, "source: read replies with a receipt, send a follow-up"},
    {"shell", RunShell, "reviewer: unlock your key once, then run commands (locks when idle)"},
    {"watch", RunWatch, "reviewer: check for new activity every 10 minutes (content-free)"},
    {"doctor", RunDoctor, "reviewer: check tor, the onion, client auth, roster, key file, clock"},
};

}  // namespace

void PrintUsage(std::ostream& out) {
  out << "usage: dojava COMMAND [options]   (dojava COMMAND --help for its options)\n\n";
  size_t width = 0;  // the longest name and two spaces: no summary runs into its name
  for (const auto& c : kCommands) width = std::max(width, std::string_view(c.name).size() + 2);
  for (const auto& c : kCommands) {
    std::string n = c.name;
    n.resize(width, ' ');
    out << "  " << n << c.summary << "\n";
  }
  out << "\nExit codes: 0 ok, 1 error, 2 usage, 3 server unreachable, 4 wrong passphrase,\n"
         "5 trust failure (admin key, roster signature, rollback), 6 not found,\n"
         "7 decryption/integrity failure, 8 refused by the server, 9 not logged in/authorized,\n"
         "10 a local file exists or cannot be written, 11 no terminal for the editor or it\n"
         "failed, 12 mat2 missing or failed (get --clean).\n";
}

namespace {

// Edit distance (insertions, deletions, substitutions, adjacent swaps).
size_t Distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// The commands `words` may have meant: for a group word alone ("roster"),
// its commands; else the names within edit distance 2 of what was typed.
std::vector<std::string> Suggestions(const std::vector<std::string>& words) {
  std::vector<std::string> group, close;
  for (const auto& c : kCommands) {
    const std::string name = c.name;
    const size_t space = name.find(' ');
    const std::string first = name.substr(0, space);
    if (space != std::string::npos && first == words[0]) {
      group.push_back(name);
      continue;
    }
    std::string typed = words[0];
    if (space != std::string::npos && words.size() >= 2) typed += " " + words[1];
    if (Distance(typed, name) <= 2 ||
        (space != std::string::npos && Distance(words[0], first) <= 1 && words.size() >= 2 &&
         Distance(words[1], name.substr(space + 1)) <= 2)) {
      close.push_back(name);
    }
  }
  return group.empty() ? close : group;
}

int UnknownCommand(const std::vector<std::string>& words) {
  const std::vector<std::string> maybe = Suggestions(words);
  const bool help = words.size() >= 2 && (words[1] == "--help" || words[1] == "-h");
  if (help && !maybe.empty() && maybe[0].rfind(words[0] + " ", 0) == 0) {
    std::cout << "usage: dojava " << words[0] << " SUBCOMMAND [options]\n";
    for (const auto& m : maybe) std::cout << "  dojava " << m << " --help\n";
    return 0;
  }
  std::cerr << "dojava: unknown command '" << words[0] << "'";
  if (!maybe.empty()) {
    std::cerr << "; did you mean";
    for (size_t i = 0; i < maybe.size(); ++i) {
      std::cerr << (i == 0 ? " " : (i + 1 == maybe.size() ? " or " : ", ")) << "'" << maybe[i]
                << "'";
    }
    std::cerr << "?\n(dojava --help lists every command)\n";
    return 2;
  }
  std::cerr << "\n";
  PrintUsage(std::cerr);
  return 2;
}

}  // namespace

int RunWords(const std::vector<std::string>& words) {
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
    } catch (const Failure& f) {
      if (!f.message.empty()) std::cerr << "dojava: " << f.message << "\n";
      return static_cast<int>(f.exit);
    } catch (const std::exception& e) {
      std::cerr << "dojava: internal error: " << e.what() << "\n";
      return static_cast<int>(Exit::kError);
    }
  }
  return UnknownCommand(words);
}

}  // namespace dojava::cli
