#include "crypto/login.h"

#include "crypto/protocol_constants.h"

namespace dojava::crypto {
namespace {

Bytes LoginMessage(const Id& instance_id, const Id& reviewer_id, ByteView challenge) {
  Bytes m;
  ByteWriter w(&m);
  w.Raw(instance_id);
  w.Raw(reviewer_id);
  w.Raw(challenge);
  return m;
}

}  // namespace

Result<Signature> SignLogin(const SecretBytes& ed25519_secret64, const Id& instance_id,
                            const Id& reviewer_id, ByteView challenge) {
  if (challenge.size() != kLoginChallengeSize)
    return Status(Code::kInvalidArgument, "challenge must be 32 bytes");
  if (ed25519_secret64.size() != 64)
    return Status(Code::kInvalidArgument, "signing key must be 64 bytes");
  return SignLabeled(ed25519_secret64, protocol::kLabelLogin,
                     LoginMessage(instance_id, reviewer_id, challenge));
}

Status VerifyLogin(const Ed25519Public& reviewer_public, const Id& instance_id,
                   const Id& reviewer_id, ByteView challenge, ByteView signature) {
  if (challenge.size() != kLoginChallengeSize)
    return Status(Code::kMalformed, "challenge must be 32 bytes");
  return VerifyLabeled(reviewer_public, protocol::kLabelLogin,
                       LoginMessage(instance_id, reviewer_id, challenge), signature);
}

}  // namespace dojava::crypto
