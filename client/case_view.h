// A case as a reviewer (or the source) sees it after decryption: every
// message opened and authenticated (PROTOCOL §8), its JSON body (§11)
// parsed, and the case state (status, labels, assignee) computed by applying
// the signed notes events in sequence order.
//
// Decrypted bodies are parsed into JSON values whose memory comes from a
// resource that wipes every block when it is freed, so plaintext never lingers
// in freed heap memory. A message that fails to decrypt or authenticate is
// kept as an entry with `error` naming it (sequence number, what failed);
// the rest of the case is still shown.
//
// Include only from files that already use Boost.JSON.
#ifndef DOJAVA_CLIENT_CASE_VIEW_H_
#define DOJAVA_CLIENT_CASE_VIEW_H_

#include <boost/json/value.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/secret_bytes.h"
#include "client/api_client.h"
#include "client/transfer.h"
#include "crypto/attachment.h"
#include "crypto/message.h"
#include "crypto/roster.h"

namespace dojava::client {

// A JSON storage whose freed memory is wiped (sodium_memzero).
boost::json::storage_ptr WipingStorage();

// A file reference (§11 FILEREF), validated: sizes exact, chunks ==
// ChunkCount(size).
struct FileRef {
  crypto::Id id{};
  SecretBytes key;
  crypto::NoncePrefix prefix{};
  uint64_t chunks = 0;
  uint64_t size = 0;
  std::string name;  // sanitised for display and for a file name
  std::string mime;
};

// Parses a FILEREF object. kMalformed if anything is missing or inconsistent.
Result<FileRef> ParseFileRef(const boost::json::value& v);
// A safe local file name from an untrusted one: the last path component,
// control characters and '/' replaced, never "", "." or "..".
std::string SafeFileName(std::string_view name);

struct CaseEntry {
  uint64_t seq = 0;
  int64_t day = 0;
  uint8_t kind = 0;  // kKindConversation / kKindNotes
  crypto::Id message_id{};
  bool from_source = false;
  crypto::Id reviewer_id{};
  std::string author;       // "source" or the reviewer's roster name
  std::string type;         // the body's "type"; empty when `error` is set
  boost::json::value body;  // the parsed body (wiping storage)
  std::vector<FileRef> files;
  std::string error;  // non-empty: this message could not be opened or parsed
  // The record did not decrypt under the key we hold (AEAD failure): the
  // evidence of a swapped key. A message that decrypts but names an author
  // on no roster we hold (a reviewer removed since) proves the key genuine.
  bool undecryptable = false;
};

struct CaseState {
  std::string status = "new";
  std::set<std::string> labels;
  std::optional<crypto::Id> assignee;
};

// Applies one notes event body (§11) to `state`. Unknown types and malformed
// fields change nothing. Pure.
void ApplyNotesEvent(const boost::json::value& body, CaseState* state);

// The statuses of §11.
bool IsKnownStatus(std::string_view s);

struct CaseView {
  ApiCase info;
  std::vector<ApiSealedKey> keys;  // as served, for grants
  SecretBytes case_key;            // empty if not sealed to this reader
  SecretBytes notes_key;           // empty if none (yet) or not sealed to this reader
  bool notes_key_exists = false;   // some reviewer holds an NK for this case
  std::vector<CaseEntry> entries;  // in sequence order, replays removed
  CaseState state;
  size_t failures = 0;  // entries with an error
};

// Decrypts `messages` of `case_id` with `keys`; authors looked up in
// `rosters` (newest first). Replayed message ids are dropped.
std::vector<CaseEntry> DecryptEntries(const std::vector<ApiMessage>& messages,
                                      const crypto::Id& case_id, const crypto::CaseKeys& keys,
                                      const std::vector<const crypto::VerifiedRoster*>& rosters);

// Whether it is safe to encrypt something new for this case: every entry
// opened (no decryption or verification failure) and message #1 opened as
// the source's first report. Otherwise a server could have served a case key
// of its own making (sealed keys are anonymous) and would read what is
// encrypted next. kDecryptFailed naming the reason.
Status CheckSafeToEncrypt(const std::vector<CaseEntry>& entries);

// The state after applying the notes entries in order.
CaseState ComputeState(const std::vector<CaseEntry>& entries);

// Opens a case as reviewer (`me_id`, `x_secret`/`x_public`): fetches it and
// its messages, opens the sealed keys, decrypts. A case whose CK is not
// sealed to this reviewer fails with kPermissionDenied ("not granted").
Result<CaseView> OpenReviewerCase(ApiClient& api, const crypto::Id& case_id,
                                  const crypto::Id& me_id, const SecretBytes& x_secret,
                                  const crypto::X25519Public& x_public,
                                  const crypto::VerifiedRoster& roster);

// The body of `e` for output: file references keep id, name, size, mime
// and chunks, never the file key or nonce prefix (an export or a terminal
// scroll-back must not carry keys that decrypt attachments on the server).
boost::json::value BodyForOutput(const CaseEntry& e);

// Serialises a message body (§11) into wiped memory, UTF-8 unescaped;
// kResourceExhausted ("too long") if it is longer than `max` bytes.
Result<SecretBytes> SerializeBody(const boost::json::value& body, size_t max);

// The FILEREF object (§11) of an uploaded file, in wiping storage.
boost::json::object FileRefJson(const UploadedFile& file);

// Escapes a string for one CSV field (RFC 4180; a leading = + - @ is
// prefixed with ' so spreadsheets do not run it as a formula).
std::string CsvField(std::string_view s);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_CASE_VIEW_H_
