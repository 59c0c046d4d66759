// `dojava shell`: unlock the reviewer key once, then run reviewer commands
// typed one per line, until `exit` or the end of input. The seed stays in
// this process's guarded memory (not dumpable, no core) and is wiped after
// --lock-after minutes without a command, or at `lock`; the next command then
// asks for the passphrase again. The risk is written down in cli/README.md
// ("Unlock once") and SECURITY.md.
#include <sys/prctl.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_options.h"
#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "crypto/protocol_constants.h"

namespace dojava::cli {
namespace {

constexpr int kDefaultLockAfterMinutes = 15;
constexpr int kMaxLockAfterMinutes = 24 * 60;

// The commands a shell runs: the reviewer's (they take the shell's server
// and key options).
const std::set<std::string>& ShellCommands() {
  static const std::set<std::string> names = {"cases",  "show",   "reply",  "get",   "status",
                                              "label",  "assign", "note",   "grant", "delete",
                                              "export", "login",  "logout", "doctor"};
  return names;
}

// Splits a line into words: blanks separate, '…' and "…" quote, a backslash
// escapes the next character. kInvalidArgument for an open quote.
Result<std::vector<std::string>> SplitWords(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
        word += line[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote != 0) return Status(Code::kInvalidArgument, "a quote is not closed");
  if (in_word) words.push_back(std::move(word));
  return words;
}

// The shell's own options, given to every command it runs.
std::vector<std::string> SharedArgs(const CommonOptions& o) {
  std::vector<std::string> a;
  auto add = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    a.push_back(name);
    a.push_back(value);
  };
  add("--server", o.server);
  add("--socks5", o.socks5);
  add("--state-dir", o.state_dir);
  add("--admin-fingerprint", o.admin_fingerprint);
  add("--onboarding", o.onboarding);
  add("--key-file", o.key_file);
  add("--passphrase-file", o.passphrase_file);
  add("--timeout", std::to_string(o.timeout_seconds));
  return a;
}

void PrintShellHelp() {
  std::cout << "Commands: cases, show CASE, reply CASE TEXT, get CASE N, status CASE S, label, "
               "assign, note, grant, delete, export, doctor (each with --help);\n"
               "  lock   forget the unlocked key now (the next command asks again)\n"
               "  exit   leave the shell (also Ctrl-D)\n";
}

}  // namespace

int RunShell(const Args& args) {
  CommonOptions o;
  int lock_after = kDefaultLockAfterMinutes;
  po::options_description d("shell");
  AddCommonOptions(&d, kServerOpts | kKeyOpts, &o);
  d.add_options()("lock-after", po::value(&lock_after)->value_name("MINUTES"),
                  "forget the key after this many minutes without a command (default 15)");
  ParseArgs(args, d, {}, "dojava shell --server URL --key-file FILE [--lock-after MINUTES]");
  if (lock_after < 1 || lock_after > kMaxLockAfterMinutes) {
    Fail(Exit::kUsage, "--lock-after must be 1.." + std::to_string(kMaxLockAfterMinutes));
  }
  // The unlocked key must not be readable by other processes of this user
  // (ptrace, /proc/PID/mem) nor land in a core dump.
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  EnableKeyCache(std::chrono::minutes(lock_after));
  // Unlock and log in now, so that mistakes show before the first command.
  StartReviewerSession(o);
  const bool tty = ::isatty(STDIN_FILENO) == 1;
  if (tty) std::cerr << "dojava shell: type help for the commands, exit to leave\n";
  const std::vector<std::string> shared = SharedArgs(o);
  int last = 0;
  for (std::string line;;) {
    if (tty) std::cerr << "dojava> " << std::flush;
    if (!std::getline(std::cin, line)) break;
    auto words = SplitWords(line);
    if (!words.ok()) {
      std::cerr << "dojava: " << words.status().message() << "\n";
      last = static_cast<int>(Exit::kUsage);
      continue;
    }
    if (words->empty()) continue;
    const std::string& name = words->front();
    if (name == "exit" || name == "quit") break;
    if (name == "help") {
      PrintShellHelp();
      continue;
    }
    if (name == "lock") {
      LockKeyCache();
      std::cerr << "dojava: locked\n";
      continue;
    }
    if (!ShellCommands().count(name)) {
      std::cerr << "dojava: '" << name << "' is not a shell command (help lists them)\n";
      last = static_cast<int>(Exit::kUsage);
      continue;
    }
    const bool wants_help = std::find(words->begin(), words->end(), "--help") != words->end();
    if (!wants_help) words->insert(words->end(), shared.begin(), shared.end());
    last = RunWords(*words);
    std::cout << std::flush;
  }
  LockKeyCache();
  return last;
}

}  // namespace dojava::cli
