// Message text for replies, notes and reports: from an argument, a file
// ("-" for standard input) or the user's $EDITOR, always in SecretBytes and
// always valid UTF-8. TerminalSafe makes untrusted decrypted text safe to
// print (no escape sequences reach the terminal).
#ifndef DOJAVA_CLI_TEXT_INPUT_H_
#define DOJAVA_CLI_TEXT_INPUT_H_

#include <string>
#include <string_view>

#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::cli {

inline constexpr size_t kMaxTextBytes = 512 * 1024;

// Exactly one source is used: `arg` if given (even empty: then the message
// is empty), else `file` if not empty, else $EDITOR (or vi) on a temporary
// file in a private directory, removed afterwards — only when standard input
// and output are a terminal (kInvalidArgument otherwise: an editor without a
// terminal would wait forever). kInvalidArgument for empty text or invalid
// UTF-8, kIoError ("the editor …" when it fails), kResourceExhausted above
// kMaxTextBytes.
Result<SecretBytes> ReadMessageText(const std::string& arg, bool arg_given, const std::string& file,
                                    bool allow_editor);

// ReadMessageText, failing with Exit::kEditor when the editor was needed but
// there is no terminal or it failed, else with ExitFor; `what` prefixes the
// message ("reply").
SecretBytes ReadMessageTextOrFail(const std::string& arg, bool arg_given, const std::string& file,
                                  bool allow_editor, const std::string& what);

// Replaces C0/C1 control characters (except newline and tab) and DEL with
// '?', so decrypted text cannot move the cursor or rewrite the screen.
std::string TerminalSafe(std::string_view text);

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_TEXT_INPUT_H_
