// The §11 message bodies (crypto/PROTOCOL.md §11): UTF-8 JSON objects of
// type `report` (message #1 of a case) and `message` (every later one),
// with FILEREFs for attachments. One home for writing and reading them,
// used by the CLI and the no-JavaScript pages; the page's copy is
// static/www/js/payload.js, held to the same rules by the `payload` vectors.
//
// Plaintext stays in SecretBytes; JSON is parsed in memory that is wiped
// when freed. Pure functions; thread-safe.
#ifndef DOJAVA_PAYLOAD_BODY_H_
#define DOJAVA_PAYLOAD_BODY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/attachment.h"
#include "crypto/primitives.h"

namespace dojava::payload {

// A FILEREF as read (§11.3): every field checked; `name` cleaned
// (CleanFileName), `mime` "" when unknown or not a valid media type text.
struct FileRef {
  crypto::Id id{};
  SecretBytes key;
  crypto::NoncePrefix prefix{};
  uint64_t chunks = 0;
  uint64_t size = 0;
  std::string name;
  std::string mime;
};

// The report form (§11.1), values as sent.
struct ReportForm {
  SecretBytes country, incident, when, responsible, title;
};

struct Body {
  std::string type;  // "report" or "message"
  ReportForm form;   // report only
  // Report only (§11.1): the source's X25519 public key (source_pk, §4.3),
  // which the source's signature over message #1 authenticates; a re-key
  // (§7.3) seals to it and to nothing the server merely serves.
  crypto::X25519Public source_pk{};
  SecretBytes text;
  std::vector<FileRef> files;  // the usable FILEREFs, in order
  size_t bad_files = 0;        // FILEREFs that break §11.3: never used
};

// Reads a decrypted body. kMalformed: not UTF-8, not a JSON object, no
// string `type`, or a report/message that breaks a rule of §11.1/§11.2 (a
// report without `source_pk` as 32 bytes of canonical base64url included);
// kUnsupportedVersion: a well-formed object of a type this version does not
// know (readers show it as such; the rest of the case stays readable).
Result<Body> ParseBody(ByteView bytes);

// A file about to be referenced: its secrets, plaintext size and the name
// and media type as given (cleaned and checked when written).
struct NewFile {
  const crypto::FileSecrets* secrets = nullptr;
  uint64_t size = 0;
  std::string_view name;
  std::string_view mime;
};

// The report's fields as typed; `when` and `title` are trimmed of ASCII
// white space when written. Line ends are the caller's (LF).
struct ReportFields {
  std::string_view country, incident, when, responsible, title, text;
};

// Why a body was not built: `code` is "bad_choice", "bad_text", "required"
// or "too_long" (the page's err_payload_* words), `field` the form field
// ("country", "title", "text", ...; "body" for the whole).
struct FieldError {
  std::string code;
  std::string field;
};

// Checks the fields as §11.1 requires, then writes the body exactly as
// payload.js does (JSON.stringify order, no white space), with `source_pk`
// (§4.3, derived from the receipt the report is sent under). Text longer
// than `max_text_chars` code points or a body over `max_body_bytes`:
// too_long. Every source_pk encodes to the same length, so a check with a
// stand-in key gives the real body's length. kInvalidArgument with *error
// set on failure.
Result<SecretBytes> BuildReport(const ReportFields& fields, const crypto::X25519Public& source_pk,
                                const std::vector<NewFile>& files, size_t max_text_chars,
                                size_t max_body_bytes, FieldError* error);
// A follow-up (§11.2): text may be empty only when files are attached.
Result<SecretBytes> BuildMessage(std::string_view text, const std::vector<NewFile>& files,
                                 size_t max_text_chars, size_t max_body_bytes, FieldError* error);
// One FILEREF object as JSON text (§11.3), for writers that assemble the
// rest of the body themselves.
SecretBytes FileRefJson(const NewFile& file);

// §11.3 The file-name rule: the last path component; invalid UTF-8, C0 and
// C1 controls, DEL, and the bidirectional controls and marks (U+061C,
// U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) removed; leading and
// trailing spaces removed; "", "." and ".." become "file"; a leading '.'
// or '-' gets '_' before it; at most kFileNameMaxChars code points (never a
// character cut in half), trailing spaces removed again after the cut.
std::string CleanFileName(std::string_view name);

// §11.3 `mime` as read: printable ASCII (0x21-0x7E) of at most
// kMimeMaxChars characters, else "" (unknown).
std::string CleanMime(std::string_view mime);

// §11.4 What a reader checks before it encrypts anything new under a case
// key: message #1 opened as the source's (author 0) `report`. Otherwise the
// server may have served a case key of its own making and would read what
// comes next. Later records that do not open never block (§8.4).
struct OpenedMessage {
  uint64_t seq = 0;
  bool conversation = true;  // kind 1 (under CK)
  bool from_source = false;
  bool report = false;  // the body parsed as a §11 report
};
// kDecryptFailed naming the reason, or Ok.
Status CheckSafeToEncrypt(const std::vector<OpenedMessage>& messages);

}  // namespace dojava::payload

#endif  // DOJAVA_PAYLOAD_BODY_H_
