// The records a source writes on the no-JavaScript pages (nojs_pages_impl.h):
// crypto/PROTOCOL.md §8, signed with the receipt's key (§4.3).
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "service/nojs/nojs_pages_impl.h"

namespace dojava::nojs {

Result<Bytes> SourceRecord(const SecretBytes& key, const crypto::Id& case_id, ByteView body,
                           const PageRoster& roster, const SourceSigner& signer,
                           const crypto::v2::Digest& prev) {
  crypto::v2::Signer s;
  s.author = protocol::kAuthorSource;
  s.source_public = signer.public_key;
  s.secret_key = &signer.secret_key;
  return crypto::v2::EncryptMessage(
      key, protocol::kKindConversation, case_id, crypto::RandomId(), body, s,
      crypto::v2::EventContext{roster.version(), roster.today(), prev});
}

Result<Bytes> FollowUpRecord(const PlainSessions::Conversation& c, const CaseReading& reading,
                             const PageRoster& roster, ByteView body) {
  // §7.3: the newest case key held (CK' of the last checked re-key); §8.4:
  // prev names the last record this reader accepted.
  const SecretBytes& key =
      !reading.held.keys.empty() ? reading.held.keys.back().second : c.case_key;
  return SourceRecord(key, c.case_id, body, roster,
                      SourceSigner{c.source_sign_public, c.source_sign_secret}, reading.last_hash);
}

size_t SourceMaxBody() { return crypto::v2::MaxBodySize(protocol::kAuthorSource); }

}  // namespace dojava::nojs
