// Attack 9: the server swaps the source's public key (source_pk, which a
// re-key seals CK' to) for one of its own, so that a reviewer's re-key
// hands it CK' and leaves the source behind (PROTOCOL §7.3, §11.1: the
// source's signed report names source_pk; client/rekey.cc
// SourceKeyToSealTo, client/case_records.cc CheckServedSourceKey).
#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"
#include "service/store/database_key.h"
#include "service/store/sqlite_db.h"
#include "service/store/sqlite_statement.h"
#include "tests/hostile/api_json.h"
#include "tests/hostile/attacker.h"
#include "tests/hostile/newsroom.h"

namespace dojava::hostile {
namespace {

constexpr const char* kCasePath = "/api/v1/cases/[A-Za-z0-9_-]{22}";
constexpr const char* kSwapped = "is not the one in the source's signed report";

// Writes `source_pk` as the stored key of case `case_id`, as someone holding
// the database key could (WAL: dojavad keeps running).
void StoreSourceKey(Newsroom& n, const crypto::Id& case_id, ByteView source_pk) {
  const std::string data = n.inst().data_dir();
  auto key = service::DatabaseKey::LoadFile(data + "/database.key");
  REQUIRE(key.ok());
  auto db = service::SqliteDb::Open(data + "/dojava.db", *key, service::SqliteDb::Mode::kReadWrite);
  REQUIRE(db.ok());
  auto update = (*db)->Prepare("UPDATE cases SET source_public_key = ?1 WHERE id = ?2");
  REQUIRE(update.ok());
  update->BindBlob(1, source_pk);
  update->BindBlob(2, case_id);
  REQUIRE(update->Run().ok());
}

TEST_CASE(
    "attack 9: the server answers a re-key with a source key of its own: the re-key is "
    "refused and names it, nothing is sealed to the attacker",
    "[hostile]") {
  Newsroom n;
  Attacker attacker;
  n.AddReviewer("ana");
  n.Submit("Telefon mi je zaražen");
  const std::string case_text = n.OnlyCase("ana");
  REQUIRE(n.As("ana", {"show", case_text}).exit_code == 0);  // her anchor; the key matches
  const crypto::X25519Public own = attacker.NewReviewer().x25519_public();
  n.reviewers().ForgetSeen();
  n.reviewers().Rewrite("GET", kCasePath,
                        [own](int&, std::string& body) { body = WithSourcePublicKey(body, own); });

  const ProcessResult rekey = n.As("ana", {"rekey", case_text});
  INFO(Describe(rekey));
  CHECK(rekey.exit_code == 5);
  CHECK(rekey.err.find("not re-keying: the server's source key for this case") !=
        std::string::npos);
  CHECK(rekey.err.find(kSwapped) != std::string::npos);
  CHECK(rekey.err.find("nothing was sealed") != std::string::npos);
  CHECK(n.reviewers().Requests("POST", ".*").empty());  // no re-key, no key, no record
  CHECK(attacker.Gains(n.reviewers().seen()).empty());

  // Reading names it too; the case key is not in question, so a reply goes.
  const ProcessResult show = n.As("ana", {"show", case_text});
  INFO(Describe(show));
  CHECK(show.exit_code == 5);
  CHECK(show.err.find("wrong_key: the server's source key") != std::string::npos);
  CHECK(show.out.find("Telefon mi je zaražen") != std::string::npos);
  CHECK(n.As("ana", {"reply", case_text, "Primili smo."}).exit_code == 0);

  // The same re-key with the key the server stores: sealed to the source.
  n.reviewers().Clear();
  n.reviewers().ForgetSeen();
  const ProcessResult honest = n.As("ana", {"rekey", case_text});
  INFO(Describe(honest));
  CHECK(honest.exit_code == 0);
  CHECK(n.reviewers().Requests("POST", ".*/rekey").size() == 1);
  CHECK(attacker.Gains(n.reviewers().seen()).empty());
}

TEST_CASE(
    "attack 9: a source key swapped in the store is named to the reviewer who opens the "
    "case, and the re-key is refused",
    "[hostile]") {
  Newsroom n;
  Attacker attacker;
  n.AddReviewer("ana");
  n.Submit("Prisluškuju nas");
  const std::string case_text = n.OnlyCase("ana");
  auto case_id = Base64UrlDecodeFixed<16>(case_text);
  REQUIRE(case_id.ok());
  const crypto::X25519Public own = attacker.NewReviewer().x25519_public();
  StoreSourceKey(n, *case_id, own);
  const auto [status, served] = n.GetWithToken(n.Login("ana"), "/api/v1/cases/" + case_text);
  REQUIRE(status == 200);
  REQUIRE(SourcePublicKey(served) == Bytes(own.begin(), own.end()));  // the write took

  const ProcessResult show = n.As("ana", {"show", case_text});
  INFO(Describe(show));
  CHECK(show.exit_code == 5);
  CHECK(show.err.find(kSwapped) != std::string::npos);
  CHECK(show.err.find("`dojava rekey` refuses this case") != std::string::npos);
  const ProcessResult json = n.As("ana", {"show", case_text, "--json"});
  CHECK(json.out.find("\"source_key_refused\"") != std::string::npos);

  n.reviewers().ForgetSeen();
  const ProcessResult rekey = n.As("ana", {"rekey", case_text});
  INFO(Describe(rekey));
  CHECK(rekey.exit_code == 5);
  CHECK(rekey.err.find(kSwapped) != std::string::npos);
  CHECK(n.reviewers().Requests("POST", ".*/rekey").empty());
  CHECK(attacker.Gains(n.reviewers().seen()).empty());
}

}  // namespace
}  // namespace dojava::hostile
