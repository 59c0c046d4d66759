#include "cli/text_input.h"

#include <fcntl.h>
#include <sodium.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/utf8.h"
#include "cli/exit.h"

extern char** environ;

namespace dojava::cli {
namespace {

Result<SecretBytes> ReadAllFd(int fd, const std::string& what) {
  SecretBytes buf(kMaxTextBytes + 1);
  size_t got = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buf.reveal_mut().data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status(Code::kIoError, what + ": " + std::strerror(errno));
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (got > kMaxTextBytes) return Status(Code::kResourceExhausted, what + ": text too long");
  }
  buf.Truncate(got);
  return buf;
}

Result<SecretBytes> FromEditor() {
  // $XDG_RUNTIME_DIR (private to the user, usually tmpfs: the draft never
  // reaches a disk) if set, else $TMPDIR, else /tmp.
  const char* tmp = std::getenv("XDG_RUNTIME_DIR");
  if (!tmp || tmp[0] != '/') tmp = std::getenv("TMPDIR");
  std::string dir = std::string(tmp && tmp[0] == '/' ? tmp : "/tmp") + "/dojava-XXXXXX";
  if (::mkdtemp(dir.data()) == nullptr) return Status(Code::kIoError, "cannot make a temp dir");
  const std::string path = dir + "/message.txt";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    ::rmdir(dir.c_str());
    return Status(Code::kIoError, "cannot create " + path);
  }
  ::close(fd);
  const char* editor = std::getenv("VISUAL");
  if (!editor || !*editor) editor = std::getenv("EDITOR");
  if (!editor || !*editor) editor = "vi";
  // Through sh so that EDITOR="code --wait" works, with the path as $1.
  const std::string script = std::string(editor) + " \"$1\"";
  char* argv[] = {const_cast<char*>("sh"),           const_cast<char*>("-c"),
                  const_cast<char*>(script.c_str()), const_cast<char*>("sh"),
                  const_cast<char*>(path.c_str()),   nullptr};
  pid_t pid;
  int status = 0;
  const int rc = ::posix_spawnp(&pid, "sh", nullptr, nullptr, argv, environ);
  if (rc == 0) ::waitpid(pid, &status, 0);
  Result<SecretBytes> text =
      rc != 0 ? Status(Code::kIoError, std::string("the editor could not start: ") + editor)
              : Status(Code::kIoError,
                       std::string("the editor (") + editor + ") failed; nothing was sent");
  if (rc == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    const int rfd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (rfd >= 0) {
      text = ReadAllFd(rfd, path);
      // Overwrite before unlinking: the file held plaintext.
      struct stat st {};
      if (::fstat(rfd, &st) == 0) {
        const int wfd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (wfd >= 0) {
          std::string zeros(static_cast<size_t>(st.st_size), '\0');
          (void)!::write(wfd, zeros.data(), zeros.size());
          ::fsync(wfd);
          ::close(wfd);
        }
      }
      ::close(rfd);
    }
  }
  ::unlink(path.c_str());
  ::rmdir(dir.c_str());
  return text;
}

}  // namespace

bool EditorUsable() { return ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1; }

Result<SecretBytes> ReadMessageText(const std::string& arg, bool arg_given, const std::string& file,
                                    bool allow_editor) {
  Result<SecretBytes> text = Status(Code::kInvalidArgument, "no text given");
  if (arg_given) {
    text = SecretBytes::Copy(std::string_view(arg));
  } else if (file == "-") {
    text = ReadAllFd(STDIN_FILENO, "standard input");
  } else if (!file.empty()) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status(Code::kIoError, file + ": " + std::strerror(errno));
    text = ReadAllFd(fd, file);
    ::close(fd);
  } else if (allow_editor) {
    if (!EditorUsable()) {
      return Status(Code::kInvalidArgument,
                    "no text given, and no terminal for an editor: give the text as an argument, "
                    "--text-file FILE, or --text-file - to read standard input");
    }
    text = FromEditor();
  }
  if (!text.ok()) return text;
  // Trailing newlines from files and editors are not part of the message.
  size_t n = text->size();
  while (n > 0 && (text->reveal()[n - 1] == '\n' || text->reveal()[n - 1] == '\r')) --n;
  text->Truncate(n);
  if (text->empty()) return Status(Code::kInvalidArgument, "the message is empty");
  if (!IsValidUtf8(text->reveal())) return Status(Code::kInvalidArgument, "the text is not UTF-8");
  return text;
}

SecretBytes ReadMessageTextOrFail(const std::string& arg, bool arg_given, const std::string& file,
                                  bool allow_editor, const std::string& what) {
  const bool editor = !arg_given && file.empty() && allow_editor;
  auto text = ReadMessageText(arg, arg_given, file, allow_editor);
  if (!text.ok()) {
    const bool editor_failed = editor && text.status().message().rfind("the editor", 0) == 0;
    const bool no_terminal = editor && !EditorUsable();
    if (editor_failed || no_terminal) Fail(Exit::kEditor, what + ": " + text.status().message());
    Check(text.status(), what);
  }
  return std::move(text).value();
}

std::string TerminalSafe(std::string_view t) {
  std::string r;
  r.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      r.push_back('?');
    } else if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(t[i + 1]) <= 0x9F) {
      r.push_back('?');  // a C1 control (U+0080..U+009F), e.g. CSI
      ++i;
    } else {
      r.push_back(t[i]);
    }
  }
  return r;
}

}  // namespace dojava::cli
