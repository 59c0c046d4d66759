// Re-keying a case (PROTOCOL §7.3) and following re-keys as a reader.
//
// A reviewer who holds a case moves it to a new random case key CK': CK' is
// sealed to every active reviewer who holds a CK row of the case and, inside
// the signed re-key statement, to the source_pk named in the source's signed
// report (message #1), after checking that the server serves that key. Readers
// (reviewers and the source) check each statement in generation order and
// then open new records under CK' and older ones under the key they held
// before (each record names its key by kc). Nothing here prints.
//
// Include only from files that already use Boost.JSON. Not thread-safe: one
// session per thread.
#ifndef DOJAVA_CLIENT_REKEY_H_
#define DOJAVA_CLIENT_REKEY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/secret_bytes.h"
#include "base/status.h"
#include "client/api_client.h"
#include "client/case_view.h"
#include "client/roster_view.h"

namespace dojava::client {

struct ReviewerSession;

// A reviewer's side of §7.3, called by OpenReviewerCase once `v` holds its
// generation-0 CK: checks `rekeys` (ascending, generations 1, 2, ...) one by
// one, each against a key already held, opens the CK' sealed to `me_id` of
// that generation and checks it against the statement's new_commit. Fills
// v->rekeyed_keys, v->rekeyed_generations, v->rekeys and
// v->write_key_roster_version. An envelope that does not open (§7.4) is
// named in v->rekeys_unreadable and skipped (§7.3 step 1: the next
// generation is still followed). The first statement it cannot follow ends
// the chain and is named in v->rekey_problem (a statement that does not
// verify, or a CK' not sealed to this reviewer), which stops writing but
// not reading.
void FollowRekeys(const std::vector<ApiRekey>& rekeys, const crypto::Id& me_id,
                  const SecretBytes& x_secret, const crypto::X25519Public& x_public,
                  const RosterView& roster, CaseView* v);

// What a source holds after following the re-keys of its case.
struct SourceRekeys {
  std::vector<SecretBytes> keys;        // each CK' followed, in generation order
  std::vector<std::string> unreadable;  // envelopes that did not open: shown, skipped
  Status problem;                       // the first statement that could not be followed
};

// The source's side of §7.3 (PROTOCOL §12.3): each statement checked against
// a key held (`ck`: the CK its receipt unwraps, then each CK' followed) and
// the roster (null: none, nothing is followed), then source_seal opened with
// the receipt's X25519 key and checked against new_commit. An envelope that
// does not open is named in `unreadable` and skipped (§7.3 step 1).
SourceRekeys FollowSourceRekeys(const crypto::Id& case_id, const SecretBytes& ck,
                                const std::vector<ApiRekey>& rekeys, const RosterView* roster,
                                const SecretBytes& source_secret,
                                const crypto::X25519Public& source_public);

// The retired reviewers (§6) who may hold the key new records of `v` are
// written under: a retired entry that still has a CK row of the case, or
// that was active on the roster under which that key was made (message #1's
// roster for generation 0, else the last re-key's), so it was a recipient or
// could have been granted it. Empty: no re-key needed.
std::vector<const ReviewerEntry*> RetiredHolders(const CaseView& v, const RosterView& roster);

// What RekeyCase did.
struct RekeyResult {
  uint64_t generation = 0;  // the new key's generation
  size_t reviewers = 0;     // active reviewers CK' was sealed to (this one included)
};

// Re-keys case `id` (§7.3): opens it (OpenCase), refuses unless it opened
// cleanly with every earlier re-key followed (CheckSafeToEncrypt), then a
// random CK' sealed to every active reviewer holding a CK row of the case,
// the statement signed with this reviewer's key over the current write key
// and CK' sealed to the source_pk of the source's signed report (§11.1),
// posted together. kPermissionDenied if the case is not granted to this
// reviewer, kUnsupportedVersion for a version-1 case or roster, kWrongKey
// (nothing sealed, nothing posted) if the source key the server serves is
// not the report's (CaseView::source_key), the server's refusal otherwise.
Result<RekeyResult> RekeyCase(ReviewerSession& s, const crypto::Id& id);

// What RekeyRetired did, case by case.
struct RekeyRetiredReport {
  std::vector<std::pair<crypto::Id, RekeyResult>> rekeyed;
  size_t not_needed = 0;             // no retired reviewer may hold the current key
  size_t not_yours = 0;              // not granted to this reviewer
  std::vector<std::string> refused;  // "case X: why"
};

// Re-keys every case this reviewer holds for which RetiredHolders is not
// empty. One case failing does not stop the others (`refused`). Errors only
// for the listing itself.
Result<RekeyRetiredReport> RekeyRetired(ReviewerSession& s);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_REKEY_H_
