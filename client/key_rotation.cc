#include "client/key_rotation.h"

#include <sys/stat.h>
#include <unistd.h>

#include "client/format.h"
#include "client/reviewer_session.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"

namespace dojava::client {
namespace {

bool Exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

// Opens `sealed` with the current key or, failing that, with an older one.
// Which one opened: nullptr for the current key.
Result<const EpochKey*> OpenWithAny(const ApiSealedKey& k, const crypto::Id& case_id,
                                    const ReviewerIdentity& me, SecretBytes* out) {
  auto cur = crypto::OpenSealedKey(k.sealed, k.role, case_id, me.key.x25519_secret(),
                                   me.key.x25519_public());
  if (cur.ok()) {
    *out = std::move(cur).value();
    return nullptr;
  }
  for (const EpochKey& e : me.older) {
    auto old = crypto::OpenSealedKey(k.sealed, k.role, case_id, e.secret, e.public_key);
    if (old.ok()) {
      *out = std::move(old).value();
      return &e;
    }
  }
  return Status(Code::kDecryptFailed, "a key row sealed to you opens with none of your keys");
}

// Seals again, to the current key, this reviewer's rows of `case_id` that
// open only with an older key. How many.
Result<size_t> ResealCase(ReviewerSession& s, const crypto::Id& case_id) {
  DOJAVA_ASSIGN_OR_RETURN(ApiCaseDetail d, s.api().GetCase(case_id));
  const std::string me = IdText(s.me->id);
  std::vector<ApiSealedKey> again;
  for (const auto& k : d.keys) {
    if (k.recipient != me) continue;
    SecretBytes key;
    DOJAVA_ASSIGN_OR_RETURN(const EpochKey* old, OpenWithAny(k, case_id, *s.me, &key));
    if (old == nullptr) continue;
    DOJAVA_ASSIGN_OR_RETURN(Bytes sealed,
                            crypto::SealKey(key, k.role, case_id, s.me->key.x25519_public()));
    again.push_back({me, k.role, std::move(sealed), k.generation});
  }
  if (again.empty()) return size_t{0};
  DOJAVA_RETURN_IF_ERROR(s.api().ResealOwnKeys(case_id, again));
  return again.size();
}

}  // namespace

std::string EpochKeyPath(const std::string& key_path, uint32_t epoch) {
  return key_path + ".epoch" + std::to_string(epoch);
}

std::vector<uint32_t> EpochFiles(const std::string& key_path) {
  std::vector<uint32_t> out;
  for (uint32_t e = 2; e <= kMaxKeyEpoch; ++e) {
    if (Exists(EpochKeyPath(key_path, e))) out.push_back(e);
  }
  return out;
}

Result<std::vector<EpochKey>> OpenEpochKeys(const std::string& key_path,
                                            const SecretBytes& passphrase) {
  std::vector<EpochKey> out;
  for (uint32_t e : EpochFiles(key_path)) {
    const std::string path = EpochKeyPath(key_path, e);
    DOJAVA_ASSIGN_OR_RETURN(Bytes file, ReadKeyFileAt(path));
    DOJAVA_ASSIGN_OR_RETURN(SecretBytes secret,
                            OpenKeySeed(file, passphrase, protocol::kKeyKindEncryption, path));
    const crypto::X25519Public pub = crypto::X25519Base(secret.reveal());
    out.push_back(EpochKey{e, path, std::move(secret), pub});
  }
  return out;
}

Result<EpochKey> CreateEpochKey(const std::string& key_path, const SecretBytes& passphrase,
                                const crypto::KeyFileParams& params) {
  const std::vector<uint32_t> held = EpochFiles(key_path);
  const uint32_t epoch = held.empty() ? 2 : held.back() + 1;
  if (epoch > kMaxKeyEpoch) {
    return Status(Code::kResourceExhausted,
                  "at most " + std::to_string(kMaxKeyEpoch) + " encryption-key epochs");
  }
  EpochKey k{epoch, EpochKeyPath(key_path, epoch), SecretBytes::Random(protocol::kKeySize), {}};
  k.public_key = crypto::X25519Base(k.secret.reveal());
  DOJAVA_ASSIGN_OR_RETURN(
      Bytes file, crypto::SealKeyFile(crypto::KeyKind::kEncryption, k.secret, passphrase, params));
  Status written = crypto::WriteKeyFile(k.path, file, /*overwrite=*/false);
  if (!written.ok()) return Status(written.code(), k.path + ": " + written.message());
  return k;
}

Result<crypto::ReviewerKey> SelectEncryptionKey(crypto::ReviewerKey key,
                                                std::vector<EpochKey> epochs,
                                                const RosterView& roster,
                                                std::vector<EpochKey>* older) {
  const ReviewerEntry* e = roster.FindByEd25519(key.ed25519_public());
  if (e == nullptr) return key;
  epochs.insert(epochs.begin(), EpochKey{1, "", SecretBytes::Copy(key.x25519_secret().reveal()),
                                         key.x25519_public()});
  std::optional<crypto::ReviewerKey> current;
  for (EpochKey& k : epochs) {
    if (k.public_key == e->x25519) {
      DOJAVA_ASSIGN_OR_RETURN(crypto::ReviewerKey with, key.WithEncryptionKey(k.secret));
      current.emplace(std::move(with));
    } else if (k.epoch < e->key_epoch) {
      older->push_back(std::move(k));
    }
  }
  if (!current) {
    return Status(Code::kBadSignature,
                  "the roster lists your signing key with an encryption key (epoch " +
                      std::to_string(e->key_epoch) +
                      ") this machine does not hold: was your key rotated elsewhere, or is "
                      "KEY.epochN missing beside your key file?");
  }
  return std::move(*current);
}

Result<ResealReport> ResealToCurrentKey(ReviewerSession& s) {
  ResealReport r;
  if (s.me->older.empty()) return r;
  const ReviewerEntry* entry = s.roster().Find(s.me->id);
  const uint32_t epoch = entry ? entry->key_epoch : 1;
  bool files = false;
  for (const EpochKey& k : s.me->older) files |= !k.path.empty();
  // Epoch 1 has no file to delete: the state remembers that its rows are done.
  DOJAVA_ASSIGN_OR_RETURN(uint32_t done, s.conn->state().ResealedEpoch());
  if (!files && done >= epoch) {
    s.me->older.clear();
    return r;
  }
  auto cases = s.api().ListCases(0);
  if (!cases.ok()) return Status(cases.code(), "listing cases: " + cases.status().message());
  for (const auto& c : *cases) {
    auto n = ResealCase(s, c.case_id);
    if (!n.ok() && n.code() == Code::kNotFound) continue;  // deleted meanwhile
    if (!n.ok()) {
      r.refused.push_back("case " + IdText(c.case_id) + ": " + n.status().message());
    } else if (*n > 0) {
      ++r.cases;
      r.keys += *n;
    }
  }
  if (!r.refused.empty()) return r;
  // §5.1: an old epoch's secret is destroyed once nothing needs it.
  for (const EpochKey& k : s.me->older) {
    if (k.path.empty()) continue;
    if (::unlink(k.path.c_str()) == 0) r.removed.push_back(k.path);
  }
  s.me->older.clear();
  DOJAVA_RETURN_IF_ERROR(s.conn->state().SaveResealedEpoch(epoch));
  return r;
}

}  // namespace dojava::client
