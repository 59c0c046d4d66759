#include "tests/hostile/attacker.h"

#include <catch2/catch_test_macros.hpp>
#include <regex>

#include "base/encoding.h"
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"
#include "crypto/statement_envelope.h"
#include "tests/hostile/api_json.h"

namespace dojava::hostile {
namespace {

// Offsets of the commitments in the signed statements (PROTOCOL §7.2, §7.3,
// §8.5): version(1) || case_id(16) || reviewer_id(16) || commitment(32)...
constexpr size_t kStatementCommit = 33;
constexpr size_t kRekeyNewCommit = kStatementCommit + 32;
// §7.3: source_seal, the CK' sealed (§7) to the source, after new_commit.
constexpr size_t kRekeySourceSeal = kRekeyNewCommit + 32;
// §7.4: version(1) || type(1) || kc(32) || nonce(24): the CK it is sealed under.
constexpr size_t kEnvelopeCommit = 2;

std::optional<crypto::Id> CaseOf(const Seen& s) {
  static const std::regex kCasePath("/api/v1/cases/([A-Za-z0-9_-]{22})(/.*)?");
  std::smatch m;
  std::string text;
  if (std::regex_match(s.target, m, kCasePath)) {
    text = m[1];
  } else {
    text = StringField(s.request, "case_id");  // POST /api/v1/cases
  }
  auto id = Base64UrlDecodeFixed<16>(text);
  if (!id.ok()) return std::nullopt;
  return *id;
}

bool CommitsAt(const std::optional<Bytes>& b, size_t at, const crypto::v2::Digest& kc) {
  return b && b->size() >= at + kc.size() && std::equal(kc.begin(), kc.end(), b->begin() + at);
}

}  // namespace

const crypto::ReviewerKey& Attacker::NewReviewer() {
  reviewers_.push_back(std::make_unique<crypto::ReviewerKey>(crypto::ReviewerKey::Generate()));
  return *reviewers_.back();
}

void Attacker::Stole(crypto::ReviewerKey key) {
  reviewers_.push_back(std::make_unique<crypto::ReviewerKey>(std::move(key)));
}

const SecretBytes& Attacker::NewKey() {
  keys_.push_back(std::make_unique<SecretBytes>(SecretBytes::Random(protocol::kKeySize)));
  return *keys_.back();
}

std::vector<std::string> Attacker::Gains(const std::vector<Seen>& seen) const {
  std::vector<std::string> out;
  for (const Seen& s : seen) {
    if (s.method != "POST" || s.request.empty()) continue;
    const Posted p = ParsePosted(s.request);
    const std::optional<crypto::Id> case_id = CaseOf(s);
    for (const KeyRow& k : p.keys) {
      const uint8_t role = k.role == "notes" ? protocol::kRoleNotesKey : protocol::kRoleCaseKey;
      for (const auto& r : reviewers_) {
        if (case_id &&
            crypto::OpenSealedKey(k.sealed, role, *case_id, r->x25519_secret(), r->x25519_public())
                .ok()) {
          out.push_back(s.target + ": a " + k.role + " key sealed to an attacker's key");
        }
      }
    }
    // A re-key's CK' for the source (§7.3), sealed to a key the server served.
    if (case_id && p.rekey && p.rekey->size() >= kRekeySourceSeal + protocol::kSealedKeySize) {
      const ByteView seal(p.rekey->data() + kRekeySourceSeal, protocol::kSealedKeySize);
      for (const auto& r : reviewers_) {
        if (crypto::OpenSealedKey(seal, protocol::kRoleCaseKey, *case_id, r->x25519_secret(),
                                  r->x25519_public())
                .ok()) {
          out.push_back(s.target + ": a re-key's source seal sealed to an attacker's key");
        }
      }
    }
    for (const auto& key : keys_) {
      const crypto::v2::Digest kc = crypto::v2::KeyCommitment(*key);
      if (p.message) {
        auto h = crypto::v2::ParseMessageHeader(*p.message);
        if (h.ok() && h->key_commitment == kc) {
          out.push_back(s.target + ": a record encrypted under an attacker's key");
        }
      }
      if (CommitsAt(p.anchor, kStatementCommit, kc))
        out.push_back(s.target + ": an anchor of an attacker's case key");
      if (CommitsAt(p.genesis, kStatementCommit, kc))
        out.push_back(s.target + ": a genesis of an attacker's notes key");
      if (CommitsAt(p.rekey, kRekeyNewCommit, kc))
        out.push_back(s.target + ": a re-key to an attacker's case key");
      if (CommitsAt(p.genesis_envelope, kEnvelopeCommit, kc) ||
          CommitsAt(p.envelope, kEnvelopeCommit, kc))
        out.push_back(s.target + ": a statement sealed under an attacker's case key");
    }
  }
  return out;
}

Bytes SignedRoster(const crypto::AdminKey& admin, crypto::v2::Roster roster) {
  auto signed_roster = admin.SignRosterV2(std::move(roster));
  REQUIRE(signed_roster.ok());
  return std::move(signed_roster).value();
}

Bytes Sealed(const SecretBytes& key, uint8_t type, const crypto::Id& case_id, ByteView statement) {
  auto envelope = crypto::v2::SealStatement(key, type, case_id, statement);
  REQUIRE(envelope.ok());
  return std::move(envelope).value();
}

crypto::v2::RosterEntry EntryFor(const crypto::ReviewerKey& key, const std::string& name) {
  crypto::v2::RosterEntry e;
  e.reviewer_id = crypto::RandomId();
  e.ed25519 = key.ed25519_public();
  e.x25519 = key.x25519_public();
  e.name = name;
  return e;
}

}  // namespace dojava::hostile
