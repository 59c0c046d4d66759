// Reviewer events and message bodies as the CLI reads a case
// (client/case_view.h, PROTOCOL.md §8 and §11): the rest of the input after one
// flags byte is split at NUL bytes into up to 8 bodies; body 0 is sealed as
// the source's report, body i > 0 as a notes event signed by a reviewer on a
// verified roster when bit i of the flags is set, else as that reviewer's
// signed reply. DecryptEntries opens, verifies and parses them (JSON,
// FILEREFs), then ComputeState applies the events, CheckSafeToEncrypt,
// BodyForOutput and SerializeBody run on the result.
// Invariants: every record opens and verifies (they are honest), one entry
// per body, in order.
#include <boost/json.hpp>
#include <vector>

#include "client/case_view.h"
#include "client/roster_view.h"
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/roster_v2.h"
#include "fuzz/crypto_fixtures.h"
#include "fuzz/fuzz_input.h"

namespace {

using namespace dojava;
namespace p = dojava::protocol;

constexpr size_t kMaxBodies = 8;

struct Fixture {
  crypto::Id instance_id{};
  crypto::Id case_id{};
  crypto::Id reviewer_id{};
  SecretBytes case_key = SecretBytes::Copy(ByteView(std::array<uint8_t, 32>{1}));
  SecretBytes notes_key = SecretBytes::Copy(ByteView(std::array<uint8_t, 32>{2}));
  std::optional<client::RosterView> roster;

  Fixture() {
    instance_id.fill(0x11);
    case_id.fill(0x22);
    reviewer_id.fill(0x33);
    const crypto::Ed25519KeyPair& admin = fuzz::FixedEd25519(0xad);
    crypto::v2::Roster r;
    r.instance_id = instance_id;
    r.version = 1;
    r.expires_day = 20030;
    crypto::v2::RosterEntry e;
    e.reviewer_id = reviewer_id;
    e.ed25519 = fuzz::FixedEd25519(0x33).public_key;
    e.x25519.fill(9);
    e.name = "Ana";
    r.entries.push_back(e);
    auto signed_roster = crypto::v2::SignRoster(r, admin.secret_key, admin.public_key);
    DOJAVA_FUZZ_CHECK(signed_roster.ok());
    auto verified =
        client::VerifyAnyRoster(*signed_roster, admin.public_key, instance_id, std::nullopt);
    DOJAVA_FUZZ_CHECK(verified.ok());
    roster.emplace(std::move(verified).value());
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Fixture f;
  fuzz::FuzzInput in(data, size);
  const uint8_t flags = in.Byte();
  std::string_view rest = in.RestText();
  std::vector<std::string_view> bodies;
  while (bodies.size() < kMaxBodies) {
    const size_t nul = rest.find('\0');
    bodies.push_back(rest.substr(0, nul));
    if (nul == std::string_view::npos) break;
    rest.remove_prefix(nul + 1);
  }
  const crypto::Ed25519KeyPair& source = fuzz::FixedEd25519(0x44);
  const crypto::v2::Signer by_source{p::kAuthorSource, {}, source.public_key, &source.secret_key};
  const crypto::v2::Signer by_reviewer{
      p::kAuthorReviewer, f.reviewer_id, {}, &fuzz::FixedEd25519(0x33).secret_key};
  std::vector<client::ApiMessage> messages;
  crypto::v2::Digest prev{};
  for (size_t i = 0; i < bodies.size(); ++i) {
    const bool notes = i > 0 && (flags >> i & 1);
    crypto::Id message_id{};
    message_id[0] = uint8_t(i + 1);
    auto record = crypto::v2::EncryptMessage(
        notes ? f.notes_key : f.case_key, notes ? p::kKindNotes : p::kKindConversation, f.case_id,
        message_id, AsBytes(bodies[i]), i == 0 ? by_source : by_reviewer, {1, 20'000, prev});
    if (!record.ok()) return 0;  // too large for the largest bucket
    prev = crypto::v2::EventHash(*record);
    messages.push_back(client::ApiMessage{i + 1, 20'000, std::move(record).value()});
  }
  const std::vector<client::CaseEntry> entries =
      client::ReadRecords(messages, f.case_id, &f.case_key, &f.notes_key, &*f.roster, {}).entries;
  DOJAVA_FUZZ_CHECK(entries.size() == messages.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    DOJAVA_FUZZ_CHECK(entries[i].seq == i + 1);
    if (!entries[i].error.empty()) continue;
    const boost::json::value out = client::BodyForOutput(entries[i]);
    (void)client::SerializeBody(out, 1 << 20);
  }
  const client::CaseState state = client::ComputeState(entries);
  DOJAVA_FUZZ_CHECK(client::IsKnownStatus(state.status));
  (void)client::CheckSafeToEncrypt(entries);
  return 0;
}
