#include "cli/secret_input.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dojava::cli {
namespace {

// Removes one trailing "\n" or "\r\n".
void StripNewline(SecretBytes* s) {
  auto v = s->reveal();
  size_t n = v.size();
  if (n > 0 && v[n - 1] == '\n') {
    --n;
    if (n > 0 && v[n - 1] == '\r') --n;
  }
  s->Truncate(n);
}

}  // namespace

Result<SecretBytes> ReadSecretFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status(Code::kNotFound, path + ": no such file");
    if (errno == ELOOP) return Status(Code::kPermissionDenied, path + ": is a symbolic link");
    return Status(Code::kIoError, path + ": " + std::strerror(errno));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Status(Code::kIoError, path + ": " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return Status(Code::kIoError, path + ": not a regular file");
  if ((st.st_mode & 077) != 0) {
    return Status(Code::kPermissionDenied,
                  path + ": readable by group or others; run: chmod 600 " + path);
  }
  if (st.st_size > static_cast<off_t>(kMaxSecretFileBytes)) {
    return Status(Code::kMalformed, path + ": too long for a passphrase or receipt");
  }
  SecretBytes buf(kMaxSecretFileBytes + 1);
  size_t got = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buf.reveal_mut().data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status(Code::kIoError, path + ": " + std::strerror(errno));
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (got > kMaxSecretFileBytes) {
      return Status(Code::kMalformed, path + ": too long for a passphrase or receipt");
    }
  }
  buf.Truncate(got);
  StripNewline(&buf);
  if (buf.empty()) return Status(Code::kInvalidArgument, path + ": empty");
  return buf;
}

Result<SecretBytes> ReadSecretFromTerminal(const std::string& prompt, bool allow_empty) {
  const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    return Status(Code::kIoError,
                  "no terminal to read a secret from; use --passphrase-file or --receipt-file");
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  termios old{};
  const bool have_termios = ::tcgetattr(fd, &old) == 0;
  if (have_termios) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHONL);
    quiet.c_lflag |= ICANON;
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  struct Restore {
    int fd;
    bool on;
    termios t;
    ~Restore() {
      if (on) ::tcsetattr(fd, TCSAFLUSH, &t);
    }
  } restore{fd, have_termios, old};
  (void)!::write(fd, prompt.data(), prompt.size());
  SecretBytes buf(kMaxSecretFileBytes + 1);
  size_t got = 0;
  for (;;) {
    char c;
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || c == '\n') break;
    if (got == kMaxSecretFileBytes) return Status(Code::kMalformed, "input too long");
    buf.reveal_mut()[got++] = static_cast<uint8_t>(c);
  }
  (void)!::write(fd, "\n", 1);
  buf.Truncate(got);
  if (got > 0 && buf.reveal()[got - 1] == '\r') buf.Truncate(got - 1);
  if (buf.empty() && !allow_empty) return Status(Code::kInvalidArgument, "nothing was entered");
  return buf;
}

Result<SecretBytes> ReadPassphrase(const std::string& file, bool confirm) {
  if (!file.empty()) return ReadSecretFile(file);
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes first, ReadSecretFromTerminal("Passphrase: "));
  if (confirm) {
    DOJAVA_ASSIGN_OR_RETURN(SecretBytes again, ReadSecretFromTerminal("Passphrase again: "));
    if (!first.Equals(again)) return Status(Code::kInvalidArgument, "the passphrases differ");
  }
  return first;
}

}  // namespace dojava::cli

namespace dojava::cli {
namespace {

// Shows `text` on the terminal (not stdout: that may be a file or a pipe).
bool ShowOnTerminal(std::string_view text) {
  const int fd = ::open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  return ok;
}

}  // namespace

Result<SecretBytes> ReadNewPassphrase(const std::string& file, bool allow_short) {
  SecretBytes pass;
  if (!file.empty()) {
    DOJAVA_ASSIGN_OR_RETURN(pass, ReadSecretFile(file));
  } else {
    SecretBytes suggested = GeneratePassphrase();
    std::string offer =
        "A passphrase made for you (write it down, keep it apart from the key):\n  ";
    offer += suggested.reveal_chars();
    offer += "\nPress Enter to use it, or type your own (at least " +
             std::to_string(kMinPassphraseChars) + " characters).\n";
    if (!ShowOnTerminal(offer)) {
      return Status(Code::kIoError, "no terminal to read a passphrase from; use --passphrase-file");
    }
    sodium_memzero(offer.data(), offer.size());
    DOJAVA_ASSIGN_OR_RETURN(pass, ReadSecretFromTerminal("New passphrase: ", true));
    if (pass.empty()) return suggested;
    DOJAVA_ASSIGN_OR_RETURN(SecretBytes again, ReadSecretFromTerminal("Passphrase again: "));
    if (!pass.Equals(again)) return Status(Code::kInvalidArgument, "the passphrases differ");
  }
  if (!allow_short && client::PassphraseChars(pass) < kMinPassphraseChars) {
    return Status(
        Code::kInvalidArgument,
        "the passphrase is shorter than " + std::to_string(kMinPassphraseChars) +
            " characters: it is all that protects the key if the file is copied. Use a "
            "longer one (or the one offered on the terminal), or --allow-short-passphrase");
  }
  return pass;
}

}  // namespace dojava::cli
