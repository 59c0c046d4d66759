// A protocol-v2 case made through the API exactly as a v2 client makes one
// (crypto/PROTOCOL.md §12.2): the receipt's keys, the source's CK wrapped
// under its receipt (§7.1) and sealed to every active reviewer of the
// installed roster (§7), and message #1 a v2 report signed by the source
// (§8.3). Reviewers then sign records, genesis, anchors, re-keys and delete
// statements with their own keys. For the API tests of the v2 routes.
#ifndef DOJAVA_TESTS_SUPPORT_API_V2_CASE_H_
#define DOJAVA_TESTS_SUPPORT_API_V2_CASE_H_

#include <optional>
#include <string>
#include <vector>

#include "crypto/message_v2.h"
#include "crypto/receipt.h"
#include "crypto/source_key_wrap.h"
#include "tests/support/api_harness.h"
#include "tests/support/api_requests.h"

namespace dojava::api::testing {

struct V2Case {
  Id case_id = service::testing::RandomId();
  SecretBytes ck = SecretBytes::Random(32);
  crypto::ReceiptKeys keys;
  crypto::Ed25519KeyPair source_sign;
  Bytes report;  // message #1

  std::string path() const { return "/api/v1/cases/" + B64(case_id); }
  std::string lookup_key() const { return B64(keys.lookup_key.reveal()); }

  // Creates the case through POST /api/v1/cases, sealed to `active` (the
  // active reviewers of the installed roster). REQUIREs 201.
  static V2Case Create(Harness& h, const std::vector<const Reviewer*>& active,
                       uint64_t roster_version) {
    V2Case c;
    auto keys = crypto::DeriveReceiptKeys(crypto::Receipt::Generate(), h.settings().salt);
    REQUIRE(keys.ok());
    c.keys = std::move(keys).value();
    c.source_sign = crypto::Ed25519FromSeed(c.keys.source_sign_seed.reveal());
    c.report = c.SourceRecord(dojava::testing::ReportBody("report", c.keys.source_public),
                              roster_version, {});
    auto wrapped =
        crypto::WrapSourceKey(c.ck, protocol::kRoleCaseKey, c.case_id, c.keys.source_wrap);
    REQUIRE(wrapped.ok());
    dojava::testing::NewCaseRequest req;
    req.case_id = c.case_id;
    req.lookup_key = c.keys.lookup_key.reveal();
    req.source_public_key = c.keys.source_public;
    req.keys.push_back({"source", "case", *wrapped});
    for (const Reviewer* r : active) {
      req.keys.push_back({B64(r->id), "case",
                          Seal(c.ck, protocol::kRoleCaseKey, c.case_id, r->key.x25519_public())});
    }
    req.message = c.report;
    HttpResponse resp = h.Post(kSource, "/api/v1/cases", req.Json());
    REQUIRE(resp.status == 201);
    return c;
  }

  // A kind-1 record signed by the source (§8.3).
  Bytes SourceRecord(std::string_view body, uint64_t roster_version,
                     const crypto::v2::Digest& prev) const {
    crypto::v2::Signer signer;
    signer.author = protocol::kAuthorSource;
    signer.source_public = source_sign.public_key;
    signer.secret_key = &source_sign.secret_key;
    auto r = crypto::v2::EncryptMessage(ck, protocol::kKindConversation, case_id,
                                        service::testing::RandomId(), AsBytes(body), signer,
                                        {roster_version, 20000, prev});
    REQUIRE(r.ok());
    return std::move(r).value();
  }

  // A record of `kind` under `key` signed by reviewer `r`.
  Bytes ReviewerRecord(const Reviewer& r, const SecretBytes& key, uint8_t kind,
                       std::string_view body, uint64_t roster_version) const {
    const crypto::ReviewerSigner rs = r.key.Signer(r.id);
    crypto::v2::Signer signer;
    signer.author = protocol::kAuthorReviewer;
    signer.reviewer_id = r.id;
    signer.secret_key = rs.ed25519_secret;
    auto rec =
        crypto::v2::EncryptMessage(key, kind, case_id, service::testing::RandomId(), AsBytes(body),
                                   signer, {roster_version, 20000, crypto::v2::EventHash(report)});
    REQUIRE(rec.ok());
    return std::move(rec).value();
  }
};

}  // namespace dojava::api::testing

#endif  // DOJAVA_TESTS_SUPPORT_API_V2_CASE_H_
