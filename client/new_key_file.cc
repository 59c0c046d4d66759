#include "client/new_key_file.h"

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/public_key_line.h"
#include "client/state_store.h"
#include "crypto/reviewer_key.h"

namespace dojava::client {
namespace {

bool Exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

}  // namespace

SecretBytes GeneratePassphrase() {
  // 32 symbols without look-alikes (0/o, 1/l): 5 bits each.
  static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
  SecretBytes out(kGeneratedPassphraseGroups * 5 - 1);
  auto bytes = out.reveal_mut();
  for (size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = i % 5 == 4 ? '-' : static_cast<uint8_t>(kAlphabet[randombytes_uniform(32)]);
  }
  return out;
}

size_t PassphraseChars(const SecretBytes& text) {
  size_t n = 0;
  for (uint8_t b : text.reveal()) n += (b & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

Status CheckNewPassphrase(const SecretBytes& passphrase, bool allow_short) {
  if (passphrase.empty()) return Status(Code::kInvalidArgument, "the passphrase is empty");
  if (!allow_short && PassphraseChars(passphrase) < kMinPassphraseChars) {
    return Status(Code::kInvalidArgument,
                  "the passphrase is shorter than " + std::to_string(kMinPassphraseChars) +
                      " characters: it is all that protects the key if the file is copied");
  }
  return Status::Ok();
}

Result<crypto::KeyFileParams> NewKeyParams(uint32_t mib) {
  if (mib < kNewKeyMinMiB || mib > kNewKeyMaxMiB) {
    return Status(Code::kInvalidArgument, "the Argon2id memory must be " +
                                              std::to_string(kNewKeyMinMiB) + ".." +
                                              std::to_string(kNewKeyMaxMiB) + " MiB");
  }
  crypto::KeyFileParams p;
  p.mem_kib = mib * 1024;
  return p;
}

Result<NewReviewerKey> CreateReviewerKeyFile(const std::string& key_path,
                                             const SecretBytes& passphrase,
                                             const crypto::KeyFileParams& params) {
  NewReviewerKey out;
  out.public_path = key_path + ".pub";
  for (const std::string& p : {key_path, out.public_path}) {
    if (Exists(p)) return Status(Code::kAlreadyExists, p + " already exists");
  }
  crypto::ReviewerKey key = crypto::ReviewerKey::Generate();
  DOJAVA_ASSIGN_OR_RETURN(
      Bytes file, crypto::SealKeyFile(crypto::KeyKind::kReviewer, key.seed(), passphrase, params));
  Status w = crypto::WriteKeyFile(key_path, file, false);
  if (w.code() == Code::kAlreadyExists) return Status(w.code(), key_path + " already exists");
  if (!w.ok()) return Status(w.code(), key_path + ": " + w.message());
  out.public_line = FormatPublicKeyLine({key.ed25519_public(), key.x25519_public()});
  const std::string text = out.public_line + "\n";
  w = WriteFileAtomic(out.public_path, AsBytes(text), false);
  if (!w.ok()) {
    ::unlink(key_path.c_str());  // no key without its public line
    return Status(w.code(), out.public_path + ": " + w.message());
  }
  ::chmod(out.public_path.c_str(), 0644);  // public: meant to be handed over
  return out;
}

}  // namespace dojava::client
