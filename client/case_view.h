// A case as a reviewer (or the source) sees it after decryption: every
// message opened and authenticated (PROTOCOL §8; a version-1 record of
// 0.1.0 is unsupported_version), its JSON body (§11) parsed, and the case
// state (status, labels, assignee) computed by applying the signed notes
// events in listing order, with §8.4 (order, message #1, the high-water
// mark), §7.2 (the notes-key genesis, checked before NK is used) and §8.5
// (the case-key anchors): an outcome of one
// record is named on that record ("message #4: reordered ...") and never
// blocks the rest; what makes the whole case untrustworthy is
// CaseView::trust, and nothing new is encrypted in such a case.
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
#include "client/roster_view.h"
#include "client/transfer.h"
#include "crypto/attachment.h"
#include "crypto/case_order.h"
#include "crypto/message_v2.h"
#include "payload/body.h"

namespace dojava::client {

// A JSON storage whose freed memory is wiped (sodium_memzero).
boost::json::storage_ptr WipingStorage();

// A file reference (§11.3 FILEREF), validated by payload::ParseBody; its
// name cleaned by the file-name rule (safe for display and as a file name).
using FileRef = payload::FileRef;

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
  // A report's source_pk (§11.1), as the source signed it.
  std::optional<crypto::X25519Public> report_source_pk;
  std::string error;         // non-empty: this message could not be opened or parsed
  Code outcome = Code::kOk;  // why, for an opened one too (v2: reordered, retired_author...)
};

// The records of a case, read: entries plus what §8.4 adds for a v2 case.
struct ReadCase {
  std::vector<CaseEntry> entries;  // in listing order, replays removed
  // kOk, or why the case is not trustworthy (message #1 is not the
  // source's report, the listing is truncated or reordered below the mark).
  Status trust;
  crypto::v2::HighWaterMark next_mark;  // v2: what to remember after this read
  crypto::v2::Digest prev{};            // v2: event hash of the last record accepted
  bool reviewer_signed = false;         // v2: some reviewer's record opened (anchors CK too)
  crypto::Ed25519Public source_sign{};  // v2: the report's source_sign_pk
  uint64_t first_roster_version = 0;    // v2: the roster message #1 was sealed against
  // v2, trusted case: the source_pk message #1 names (§11.1), signed by the
  // source; what the server serves as the case's source key must equal it.
  std::optional<crypto::X25519Public> source_pk;
};

// Reads `messages` of `case_id` with the keys held (either may be null),
// authors on `roster` (null: no roster; every record is then unknown_author
// and `trust` fails). `seen`: the reader's
// high-water mark for this case. Replayed message ids are shown once.
// `view`: kConversationOnly for the source's listing (no notes records).
// `later_case_keys`: the CK of each re-key the reader followed (§7.3);
// `later_notes_keys`: the NK of those generations it holds (empty entries
// skipped). A record is opened with the held key of its kind whose
// commitment its kc names.
ReadCase ReadRecords(const std::vector<ApiMessage>& messages, const crypto::Id& case_id,
                     const SecretBytes* case_key, const SecretBytes* notes_key,
                     const RosterView* roster, const crypto::v2::HighWaterMark& seen,
                     crypto::v2::ListingView view = crypto::v2::ListingView::kWholeCase,
                     const std::vector<SecretBytes>* later_case_keys = nullptr,
                     const std::vector<SecretBytes>* later_notes_keys = nullptr);

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

// Why CaseView::rekey_problem stops writing, as a value (a front end words
// it itself): the listing is out of order, a statement was refused (§7.3 step
// 2), CK' is not sealed to this reader, or the CK' sealed to it is refused.
enum class RekeyStop : uint8_t { kNone, kOutOfOrder, kRefused, kNotSealedToYou, kKeyRefused };

struct CaseView {
  ApiCase info;
  std::vector<ApiSealedKey> keys;  // as served, for grants
  SecretBytes
      case_key;  // generation 0 (message #1's, anchored); empty if not sealed to this reader
  SecretBytes
      notes_key;  // generation 0's; empty if none (yet), refused or not sealed to this reader
  bool notes_key_exists = false;   // some reviewer holds an NK of the write generation
  std::vector<CaseEntry> entries;  // in listing order, replays removed
  CaseState state;
  size_t failures = 0;  // entries with an error
  // See ReadCase. `trust` also carries an anchor that commits to another CK
  // (kWrongKey) or does not verify.
  Status trust;
  crypto::v2::HighWaterMark next_mark;
  crypto::v2::Digest prev{};
  std::vector<Bytes> geneses;  // as served (§7.2: one per CK)
  std::string notes_problem;   // why a notes key sealed to this reader is not used
  bool needs_anchor = false;   // v2: no anchor and no reviewer record yet (§8.5)
  // §7.3 (client/rekey.h): the CK of each re-key this reader followed,
  // generation 1, 2, ... in order; new conversation records go under the
  // last one (WriteKey). `rekey_problem`: a re-key it could not follow
  // (nothing new is then encrypted in the case). `rekeys_unreadable`: re-key
  // envelopes that did not open, shown and skipped (§7.3 step 1); they
  // never stop writing.
  std::vector<SecretBytes> rekeyed_keys;
  std::vector<uint64_t> rekeyed_generations;  // the generation of each of rekeyed_keys
  // The NK of each of those generations (§7.3: a re-key brings NK' with its
  // own genesis); empty where none is sealed to this reader or it was refused.
  std::vector<SecretBytes> rekeyed_notes_keys;
  std::vector<std::string> rekeys_unreadable;
  std::vector<uint64_t> rekeys_unreadable_generations;  // the generation of each of those
  std::string rekey_problem;
  RekeyStop rekey_stop = RekeyStop::kNone;            // rekey_problem as a value
  uint64_t rekey_stop_generation = 0;                 // the re-key it names (0: none)
  size_t rekeys = 0;                                  // re-key statements the server lists
  uint64_t write_key_roster_version = 0;              // the roster WriteKey was made under (v2)
  std::optional<crypto::X25519Public> source_public;  // as served (§7.3), unauthenticated
  // §7.3, §11.1: the source_pk of the source's signed report (set when the
  // case is trustworthy), and kWrongKey when the served source_public is not
  // it: the server swapped the source's key, and a re-key sealed to what it
  // serves would be read by the server. Reading and replying are unaffected
  // (CK is checked by message #1 and the anchors); RekeyCase refuses.
  std::optional<crypto::X25519Public> report_source_pk;
  Status source_key;
};

// The key new conversation records of `v` are written under: the CK of the
// last re-key followed, else generation 0.
inline const SecretBytes& WriteKey(const CaseView& v) {
  return v.rekeyed_keys.empty() ? v.case_key : v.rekeyed_keys.back();
}

// The notes key new notes events of `v` are written under: the NK of
// WriteKey's generation (empty: none yet, refused, or not sealed to this
// reader).
inline const SecretBytes& WriteNotesKey(const CaseView& v) {
  return v.rekeyed_keys.empty() ? v.notes_key : v.rekeyed_notes_keys.back();
}

// The generation of WriteKey (0: the case's first CK).
inline uint64_t WriteGeneration(const CaseView& v) {
  return v.rekeyed_generations.empty() ? 0 : v.rekeyed_generations.back();
}

// Whether `v` was served a notes-key genesis sealed under `ck` (its
// envelope's kc is ck's commitment, §7.4): an NK of that CK exists.
bool HasGenesisFor(const CaseView& v, const SecretBytes& ck);

// Whether it is safe to encrypt something new for this case
// (payload::CheckSafeToEncrypt, PROTOCOL.md §11.4). kDecryptFailed naming
// the reason.
Status CheckSafeToEncrypt(const std::vector<CaseEntry>& entries);
// The same plus, for a v2 case, CaseView::trust (its code and reason).
Status CheckSafeToEncrypt(const CaseView& v);

// The state after applying the notes entries in order.
CaseState ComputeState(const std::vector<CaseEntry>& entries);

// Opens a case as reviewer (`me_id`, `x_secret`/`x_public`): fetches it and
// its messages, opens the sealed keys, checks a v2 case's genesis before
// using its NK and its anchors against CK, decrypts. A case whose CK is not
// sealed to this reviewer fails with kPermissionDenied ("not granted").
// `seen`: this reader's high-water mark for the case (v2).
Result<CaseView> OpenReviewerCase(ApiClient& api, const crypto::Id& case_id,
                                  const crypto::Id& me_id, const SecretBytes& x_secret,
                                  const crypto::X25519Public& x_public, const RosterView& roster,
                                  const crypto::v2::HighWaterMark& seen = {});

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
