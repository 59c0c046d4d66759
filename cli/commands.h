// The `dojava` commands. Each takes the words after its name, prints its
// result (human text, or JSON with --json) and returns the exit code; on
// failure it raises Failure (cli/exit.h), which main() reports.
#ifndef DOJAVA_CLI_COMMANDS_H_
#define DOJAVA_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace dojava::cli {

using Args = std::vector<std::string>;

// commands_admin.cc
int RunAdminInit(const Args& args);
int RunAdminOnboarding(const Args& args);
int RunKeygen(const Args& args);
int RunRosterShow(const Args& args);

// commands_roster.cc
int RunRosterAdd(const Args& args);
int RunRosterRemove(const Args& args);
int RunRosterRenew(const Args& args);
int RunRosterInstall(const Args& args);
int RunRosterFetch(const Args& args);

// commands_reviewer.cc
int RunLogin(const Args& args);
int RunLogout(const Args& args);
int RunCases(const Args& args);
int RunShow(const Args& args);
int RunReply(const Args& args);
int RunGet(const Args& args);
int RunStatus(const Args& args);
int RunLabel(const Args& args);
int RunAssign(const Args& args);
int RunNote(const Args& args);
int RunGrant(const Args& args);
int RunDelete(const Args& args);
int RunExport(const Args& args);

// commands_rekey.cc
int RunRekey(const Args& args);
int RunKeyRotate(const Args& args);

// commands_source.cc
int RunSubmit(const Args& args);
int RunInbox(const Args& args);

// commands_shell.cc, commands_watch.cc, commands_doctor.cc
int RunShell(const Args& args);
int RunWatch(const Args& args);
int RunDoctor(const Args& args);

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_COMMANDS_H_
