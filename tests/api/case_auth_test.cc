// Per-case authorisation and the signed case statements on the reviewer
// listener (service/API.md "Cases", PROTOCOL.md §7.2, §7.4, §8.5, §12.4):
// only a reviewer who holds a CK row of a case writes to it; the first notes
// keys of a v2 case come with a genesis the server checks; anchors are
// checked and kept up to one per reviewer holding the case. Every statement
// comes in clear (checked, dropped) and in its envelope (the only thing
// stored and served).
#include <catch2/catch_test_macros.hpp>

#include "crypto/case_delete.h"
#include "crypto/case_key_anchor.h"
#include "crypto/notes_genesis.h"
#include "crypto/rekey.h"
#include "crypto/statement_envelope.h"
#include "service/store/sqlite_db.h"
#include "service/store/sqlite_statement.h"
#include "tests/support/api_harness.h"
#include "tests/support/api_v2_case.h"

namespace dojava::api::testing {
namespace {

using dojava::testing::KeysRequest;
using dojava::testing::MessageRequest;
using dojava::testing::SealedKeyEntry;

// Ana and Ben on roster 1, the case sealed to both; Carl added on roster 2,
// after the case was made (he holds no key of it).
struct Setup {
  Harness h;
  Reviewer ana, ben, carl;
  Bytes r1, r2;
  V2Case c;
  std::string ana_token, ben_token, carl_token;
  SecretBytes nk = SecretBytes::Random(32);

  Setup() {
    ana.name = "Ana";
    ben.name = "Ben";
    carl.name = "Carl";
    r1 = h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 1, {});
    REQUIRE(h.PutRoster(r1).status == 204);
    c = V2Case::Create(h, {&ana, &ben}, 1);
    r2 = h.SignRosterV2({ana.EntryV2(), ben.EntryV2(), carl.EntryV2()}, 2, r1);
    REQUIRE(h.PutRoster(r2).status == 204);
    ana_token = h.Login(ana);
    ben_token = h.Login(ben);
    carl_token = h.Login(carl);
  }
  Options as(const std::string& token) const { return Harness::Bearer(token); }
  const SecretBytes& SecretOf(const Reviewer& r) const {
    return *r.key.Signer(r.id).ed25519_secret;
  }
  Bytes Genesis(const Reviewer& creator, std::vector<Id> recipients) const {
    auto g = crypto::v2::MakeNotesGenesis({c.case_id, creator.id, 2, std::move(recipients)}, c.ck,
                                          nk, SecretOf(creator));
    REQUIRE(g.ok());
    return std::move(g).value();
  }
  SealedKeyEntry Notes(const Reviewer& r) const {
    return {B64(r.id), "notes",
            Seal(nk, protocol::kRoleNotesKey, c.case_id, r.key.x25519_public())};
  }
  SealedKeyEntry CaseKey(const Reviewer& r) const {
    return {B64(r.id), "case",
            Seal(c.ck, protocol::kRoleCaseKey, c.case_id, r.key.x25519_public())};
  }
  // The statement sealed under the case's CK (§7.4); a statement of a size
  // no type has is sealed as random bytes of the right envelope length.
  Bytes Envelope(uint8_t type, ByteView statement) const {
    auto e = crypto::v2::SealStatement(c.ck, type, c.case_id, statement);
    if (e.ok()) return std::move(e).value();
    Bytes junk = service::testing::RandomBytes(protocol::EnvelopeSize(statement.size()));
    junk[0] = protocol::kVersion2;
    junk[1] = type;
    return junk;
  }
  std::string WithGenesis(const std::vector<SealedKeyEntry>& keys, ByteView genesis) const {
    return WithGenesis(keys, genesis, Envelope(protocol::kStatementGenesis, genesis));
  }
  static std::string WithGenesis(const std::vector<SealedKeyEntry>& keys, ByteView genesis,
                                 ByteView envelope) {
    std::string body = KeysRequest(keys);
    body.pop_back();  // the closing brace
    return body + ",\"genesis\":\"" + B64(genesis) + "\",\"genesis_envelope\":\"" + B64(envelope) +
           "\"}";
  }
  HttpResponse PostKeys(const std::string& token, const std::string& body) {
    return h.Post(kReviewer, c.path() + "/keys", body, as(token));
  }
  HttpResponse PostAnchor(const std::string& token, ByteView anchor) {
    return PostAnchor(token, anchor, Envelope(protocol::kStatementAnchor, anchor));
  }
  HttpResponse PostAnchor(const std::string& token, ByteView anchor, ByteView envelope) {
    return h.Post(kReviewer, c.path() + "/anchors",
                  "{\"anchor\":\"" + B64(anchor) + "\",\"envelope\":\"" + B64(envelope) + "\"}",
                  as(token));
  }
  // What GET case serves for `field`, opened with the case's CK.
  Bytes Opened(uint8_t type, std::string_view b64) const {
    auto opened = crypto::v2::OpenStatement(Unb64(b64), type, c.case_id, c.ck);
    REQUIRE(opened.ok());
    return opened->statement;
  }
  Json GetCase(const std::string& token) {
    HttpResponse r = h.Get(kReviewer, c.path(), as(token));
    REQUIRE(r.status == 200);
    return Json(r.body);
  }
};

void CheckError(const HttpResponse& r, int status, const char* code) {
  CHECK(r.status == status);
  CHECK(ErrorCode(r) == code);
}

TEST_CASE("F4: a reviewer without a case key reads but cannot write to the case",
          "[api][case_auth]") {
  Setup s;
  const Bytes reply = s.c.ReviewerRecord(s.carl, s.c.ck, protocol::kKindConversation, "{}", 2);
  CheckError(
      s.h.Post(kReviewer, s.c.path() + "/messages", MessageRequest(reply), s.as(s.carl_token)), 403,
      "permission_denied");
  CheckError(s.PostKeys(s.carl_token, KeysRequest({s.CaseKey(s.carl)})), 403, "permission_denied");
  auto anchor = crypto::v2::MakeCaseKeyAnchor(s.c.case_id, s.carl.id, s.c.ck, s.SecretOf(s.carl));
  REQUIRE(anchor.ok());
  CheckError(s.PostAnchor(s.carl_token, *anchor), 403, "permission_denied");
  CHECK(s.h.Get(kReviewer, s.c.path(), s.as(s.carl_token)).status == 200);
  // An unknown case stays 404, whoever asks.
  CheckError(s.h.Post(kReviewer, "/api/v1/cases/" + B64(service::testing::RandomId()) + "/keys",
                      KeysRequest({s.CaseKey(s.carl)}), s.as(s.carl_token)),
             404, "not_found");
  // Nothing was written.
  CHECK(s.h.store().ListMessages(s.c.case_id, 0, 10, 1 << 22)->size() == 1);
  CHECK(s.h.store().GetSealedKeys(s.c.case_id)->size() == 3);

  // Ana grants Carl the case key: from then on he may write.
  REQUIRE(s.PostKeys(s.ana_token, KeysRequest({s.CaseKey(s.carl)})).status == 204);
  CHECK(s.h.Post(kReviewer, s.c.path() + "/messages", MessageRequest(reply), s.as(s.carl_token))
            .status == 201);
  // The key listing names the generation of every key.
  const Json got = s.GetCase(s.ana_token);
  for (const auto& k : got["keys"].array()) CHECK(Json::At(k, "generation").int_value() == 0);
  CHECK(got["geneses"].array().empty());
  CHECK(got["anchors"].array().empty());
  CHECK(got["rekeys"].array().empty());
}

TEST_CASE("genesis: the first notes keys of a v2 case need a genesis the server checks",
          "[api][case_auth]") {
  Setup s;
  const std::vector<SealedKeyEntry> notes = {s.Notes(s.ana), s.Notes(s.ben)};
  const Bytes good = s.Genesis(s.ana, {s.ana.id, s.ben.id});
  const Bytes notes_record = s.c.ReviewerRecord(s.ana, s.nk, protocol::kKindNotes, "{}", 2);
  auto post_note = [&] {
    return s.h.Post(kReviewer, s.c.path() + "/messages", MessageRequest(notes_record),
                    s.as(s.ana_token));
  };
  CheckError(post_note(), 409, "conflict");  // no genesis yet

  SECTION("refused genesis posts change nothing") {
    CheckError(s.PostKeys(s.ana_token, KeysRequest(notes)), 400, "bad_request");  // none
    CheckError(
        s.PostKeys(s.ana_token, s.WithGenesis(notes, s.Genesis(s.ben, {s.ana.id, s.ben.id}))), 403,
        "permission_denied");  // Ben's genesis through Ana's token
    CheckError(s.PostKeys(s.ana_token, s.WithGenesis(notes, s.Genesis(s.ana, {s.ana.id}))), 400,
               "bad_request");  // lists fewer than were given NK
    Bytes flipped = good;
    flipped[40] ^= 1;
    CheckError(s.PostKeys(s.ana_token, s.WithGenesis(notes, flipped)), 400, "bad_signature");
    Bytes other_case = good;
    other_case[1] ^= 1;
    CheckError(s.PostKeys(s.ana_token, s.WithGenesis(notes, other_case)), 400, "bad_request");
    // NK never without CK: Carl holds no CK of the case.
    const Bytes with_carl = s.Genesis(s.ana, {s.ana.id, s.ben.id, s.carl.id});
    CheckError(
        s.PostKeys(s.ana_token,
                   s.WithGenesis({s.Notes(s.ana), s.Notes(s.ben), s.Notes(s.carl)}, with_carl)),
        400, "bad_request");
    // The envelope: missing, of another length, of another type.
    std::string without = s.WithGenesis(notes, good);
    without.erase(without.find(",\"genesis_envelope")).append("}");
    CheckError(s.PostKeys(s.ana_token, without), 400, "bad_request");
    const Bytes env = s.Envelope(protocol::kStatementGenesis, good);
    CheckError(s.PostKeys(s.ana_token,
                          Setup::WithGenesis(notes, good, ByteView(env).first(env.size() - 16))),
               400, "bad_request");
    Bytes other_type = env;
    other_type[1] = protocol::kStatementAnchor;
    CheckError(s.PostKeys(s.ana_token, Setup::WithGenesis(notes, good, other_type)), 400,
               "bad_request");
    CHECK(s.GetCase(s.ana_token)["geneses"].array().empty());
    CHECK(s.h.store().GetSealedKeys(s.c.case_id)->size() == 3);
  }
  SECTION("a valid genesis, stored with its keys; a second one is a conflict") {
    const std::string body = s.WithGenesis(notes, good);
    REQUIRE(s.PostKeys(s.ana_token, body).status == 204);
    CHECK(s.PostKeys(s.ana_token, body).status == 204);  // a retry
    // The same genesis in another envelope is another genesis: a conflict.
    CheckError(s.PostKeys(s.ana_token, s.WithGenesis(notes, good)), 409, "conflict");
    // Served only in its envelope, which opens to the genesis under CK.
    const Json got = s.GetCase(s.ben_token);
    REQUIRE(got["geneses"].array().size() == 1);
    const std::string served(got["geneses"].array()[0].string_value());
    CHECK(Unb64(served) != good);
    CHECK(s.Opened(protocol::kStatementGenesis, served) == good);
    CHECK(s.h.store().GetSealedKeys(s.c.case_id)->size() == 5);
    CHECK(post_note().status == 201);
    // Ben tries to plant his own NK and genesis: refused.
    SecretBytes other = SecretBytes::Random(32);
    std::swap(s.nk, other);
    CheckError(
        s.PostKeys(s.ben_token, s.WithGenesis({s.Notes(s.ben)}, s.Genesis(s.ben, {s.ben.id}))), 409,
        "conflict");
    // A grant needs no genesis: Carl gets CK and NK together.
    std::swap(s.nk, other);
    CHECK(s.PostKeys(s.ana_token, KeysRequest({s.CaseKey(s.carl), s.Notes(s.carl)})).status == 204);
  }
}

TEST_CASE("anchors: checked, at most one per reviewer holding the case, served sealed",
          "[api][case_auth]") {
  Setup s;
  auto ana_anchor = crypto::v2::MakeCaseKeyAnchor(s.c.case_id, s.ana.id, s.c.ck, s.SecretOf(s.ana));
  REQUIRE(ana_anchor.ok());
  const Bytes ana_env = s.Envelope(protocol::kStatementAnchor, *ana_anchor);
  REQUIRE(s.PostAnchor(s.ana_token, *ana_anchor, ana_env).status == 204);
  CHECK(s.PostAnchor(s.ana_token, *ana_anchor, ana_env).status == 204);  // the same again
  // Ben's anchor through Ana's token; a flipped bit; a wrong length; JSON.
  auto ben_anchor = crypto::v2::MakeCaseKeyAnchor(s.c.case_id, s.ben.id, s.c.ck, s.SecretOf(s.ben));
  CheckError(s.PostAnchor(s.ana_token, *ben_anchor), 403, "permission_denied");
  Bytes flipped = *ben_anchor;
  flipped[50] ^= 1;
  CheckError(s.PostAnchor(s.ben_token, flipped), 400, "bad_signature");
  CheckError(s.PostAnchor(s.ben_token, ByteView(*ben_anchor).first(128)), 400, "bad_request");
  const Bytes ben_env = s.Envelope(protocol::kStatementAnchor, *ben_anchor);
  CheckError(s.h.Post(kReviewer, s.c.path() + "/anchors",
                      "{\"anchor\":\"" + B64(*ben_anchor) + "\",\"envelope\":\"" + B64(ben_env) +
                          "\",\"x\":1}",
                      s.as(s.ben_token)),
             400, "bad_request");
  // The envelope: missing, one byte short, of another type, of another version.
  CheckError(s.h.Post(kReviewer, s.c.path() + "/anchors",
                      "{\"anchor\":\"" + B64(*ben_anchor) + "\"}", s.as(s.ben_token)),
             400, "bad_request");
  CheckError(s.PostAnchor(s.ben_token, *ben_anchor, ByteView(ben_env).first(ben_env.size() - 1)),
             400, "bad_request");
  for (size_t at : {0, 1}) {
    Bytes bad = ben_env;
    bad[at] = at == 0 ? 1 : protocol::kStatementRekey;
    CheckError(s.PostAnchor(s.ben_token, *ben_anchor, bad), 400, "bad_request");
  }
  CHECK(s.h.Post(kReviewer, s.c.path() + "/anchors", "{\"anchor\":\"" + B64(*ben_anchor) + "\"}")
            .status == 401);
  REQUIRE(s.PostAnchor(s.ben_token, *ben_anchor, ben_env).status == 204);
  // Two reviewers hold the case: a third anchor is one too many.
  auto again = crypto::v2::MakeCaseKeyAnchor(s.c.case_id, s.ana.id, SecretBytes::Random(32),
                                             s.SecretOf(s.ana));
  CheckError(s.PostAnchor(s.ana_token, *again), 409, "conflict");
  CHECK(s.PostAnchor(s.ana_token, *ana_anchor, ana_env).status == 204);  // a retry still is fine
  const Json got = s.GetCase(s.carl_token);
  std::vector<Bytes> anchors;
  for (const auto& a : got["anchors"].array()) {
    anchors.push_back(s.Opened(protocol::kStatementAnchor, a.string_value()));
  }
  CHECK(anchors.size() == 2);
  CHECK(std::count(anchors.begin(), anchors.end(), *ana_anchor) == 1);
  CHECK(std::count(anchors.begin(), anchors.end(), *ben_anchor) == 1);
}

TEST_CASE("a stolen token alone posts no statement: a junk statement is refused, nothing stored",
          "[api][case_auth]") {
  Setup s;
  // The thief has Ana's token, not her signing key: whatever it sends in
  // clear does not verify, however well-formed its envelope.
  const Bytes junk_anchor = service::testing::RandomBytes(protocol::kCkAnchorSize);
  Bytes anchor = junk_anchor;
  anchor[0] = protocol::kVersion2;
  std::copy(s.c.case_id.begin(), s.c.case_id.end(), anchor.begin() + 1);
  std::copy(s.ana.id.begin(), s.ana.id.end(), anchor.begin() + 17);
  CheckError(s.PostAnchor(s.ana_token, anchor), 400, "bad_signature");
  Bytes genesis = s.Genesis(s.ana, {s.ana.id, s.ben.id});
  genesis[genesis.size() - 1] ^= 1;
  CheckError(s.PostKeys(s.ana_token, s.WithGenesis({s.Notes(s.ana), s.Notes(s.ben)}, genesis)), 400,
             "bad_signature");
  const Json got = s.GetCase(s.ana_token);
  CHECK(got["anchors"].array().empty());
  CHECK(got["geneses"].array().empty());
  CHECK(s.h.store().GetSealedKeys(s.c.case_id)->size() == 3);
}

TEST_CASE("delete: a signed statement of a reviewer who holds the case", "[api][case_auth]") {
  Setup s;
  const auto today = static_cast<uint32_t>(s.h.day_clock().Today());
  auto statement = [&](const Reviewer& r, uint32_t day, const Id& case_id) {
    auto b = crypto::v2::MakeCaseDelete({case_id, r.id, day}, s.SecretOf(r));
    REQUIRE(b.ok());
    return std::move(b).value();
  };
  auto post = [&](const std::string& token, ByteView b) {
    return s.h.Post(kReviewer, s.c.path() + "/delete", "{\"statement\":\"" + B64(b) + "\"}",
                    s.as(token));
  };
  // A token alone is not enough: the old route is gone.
  CheckError(s.h.Do(kReviewer, Method::kDelete, s.c.path(), "", s.as(s.ana_token)), 404,
             "not_found");
  CheckError(post(s.carl_token, statement(s.carl, today, s.c.case_id)), 403, "permission_denied");
  CheckError(post(s.ana_token, statement(s.ben, today, s.c.case_id)), 403, "permission_denied");
  CheckError(post(s.ana_token, statement(s.ana, today - 2, s.c.case_id)), 400, "expired");
  CheckError(post(s.ana_token, statement(s.ana, today + 2, s.c.case_id)), 400, "expired");
  Bytes flipped = statement(s.ana, today, s.c.case_id);
  flipped[40] ^= 1;
  CheckError(post(s.ana_token, flipped), 400, "bad_signature");
  CheckError(post(s.ana_token, statement(s.ana, today, service::testing::RandomId())), 400,
             "bad_request");
  CheckError(post(s.ana_token, ByteView(statement(s.ana, today, s.c.case_id)).first(100)), 400,
             "bad_request");
  CHECK(s.h.store().GetCase(s.c.case_id).ok());  // still there

  const Bytes good = statement(s.ana, today - 1, s.c.case_id);  // yesterday: within a day
  REQUIRE(post(s.ana_token, good).status == 204);
  CHECK(s.h.store().GetCase(s.c.case_id).code() == Code::kNotFound);
  CheckError(post(s.ana_token, good), 404, "not_found");
}

TEST_CASE("rekey: a signed statement and CK' for the active key holders, as generation 1",
          "[api][case_auth]") {
  Setup s;
  const SecretBytes ck2 = SecretBytes::Random(32);
  const Bytes source_seal = Seal(ck2, protocol::kRoleCaseKey, s.c.case_id, s.c.keys.source_public);
  auto make = [&](const Reviewer& r) {
    auto b = crypto::v2::MakeRekey(s.c.case_id, r.id, s.c.ck, ck2, source_seal, 2, s.SecretOf(r));
    REQUIRE(b.ok());
    return std::move(b).value();
  };
  auto key_to = [&](const Reviewer& r) {
    return SealedKeyEntry{B64(r.id), "case",
                          Seal(ck2, protocol::kRoleCaseKey, s.c.case_id, r.key.x25519_public())};
  };
  auto post = [&](const std::string& token, ByteView statement,
                  const std::vector<SealedKeyEntry>& keys) {
    std::string body = KeysRequest(keys);
    body.pop_back();
    body += ",\"rekey\":\"" + B64(statement) + "\",\"envelope\":\"" +
            B64(s.Envelope(protocol::kStatementRekey, statement)) + "\"}";
    return s.h.Post(kReviewer, s.c.path() + "/rekey", body, s.as(token));
  };
  const Bytes good = make(s.ana);
  CheckError(post(s.carl_token, make(s.carl), {key_to(s.carl)}), 403, "permission_denied");
  CheckError(post(s.ben_token, good, {key_to(s.ana), key_to(s.ben)}), 403, "permission_denied");
  CheckError(post(s.ana_token, good, {key_to(s.ana), key_to(s.carl)}), 400, "bad_request");
  CheckError(post(s.ana_token, good, {key_to(s.ben)}), 400, "bad_request");  // not to herself
  Bytes flipped = good;
  flipped[100] ^= 1;
  CheckError(post(s.ana_token, flipped, {key_to(s.ana)}), 400, "bad_signature");
  CheckError(post(s.ana_token, ByteView(good).first(250), {key_to(s.ana)}), 400, "bad_request");
  CHECK(s.GetCase(s.ana_token)["rekeys"].array().empty());

  REQUIRE(post(s.ana_token, good, {key_to(s.ana), key_to(s.ben)}).status == 204);
  const Json got = s.GetCase(s.ben_token);
  REQUIRE(got["rekeys"].array().size() == 1);
  const auto& rekey = got["rekeys"].array()[0];
  CHECK(Json::At(rekey, "generation").int_value() == 1);
  CHECK(s.Opened(protocol::kStatementRekey, Json::At(rekey, "envelope").string_value()) == good);
  size_t generation_1 = 0;
  for (const auto& k : got["keys"].array()) {
    generation_1 += Json::At(k, "generation").int_value() == 1 ? 1 : 0;
  }
  CHECK(generation_1 == 2);
  // The source sees the statement too, and keeps its generation-0 wrapped key.
  HttpResponse source =
      s.h.Get(kSource, "/api/v1/source/case", Harness::LookupKey(s.c.lookup_key()));
  REQUIRE(source.status == 200);
  const Json sj(source.body);
  REQUIRE(sj["rekeys"].array().size() == 1);
  CHECK(s.Opened(protocol::kStatementRekey,
                 Json::At(sj["rekeys"].array()[0], "envelope").string_value()) == good);
  auto statement = crypto::v2::CheckRekey(
      good, s.c.case_id, s.c.ck,
      crypto::v2::VerifyRoster(s.r2, s.h.admin().public_key(), s.h.instance_id(), std::nullopt)
          .value());
  REQUIRE(statement.ok());
  auto opened =
      crypto::v2::OpenRekeyForSource(*statement, s.c.keys.source_secret, s.c.keys.source_public);
  REQUIRE(opened.ok());
  const ByteView got_key = opened->reveal(), want_key = ck2.reveal();
  CHECK(Bytes(got_key.begin(), got_key.end()) == Bytes(want_key.begin(), want_key.end()));
}

TEST_CASE("a seized database holds no reviewer id for the genesis, anchors and re-keys",
          "[api][case_auth]") {
  Setup s;
  const std::vector<SealedKeyEntry> notes = {s.Notes(s.ana), s.Notes(s.ben)};
  REQUIRE(s.PostKeys(s.ana_token, s.WithGenesis(notes, s.Genesis(s.ana, {s.ana.id, s.ben.id})))
              .status == 204);
  for (const Reviewer* r : {&s.ana, &s.ben}) {
    auto anchor = crypto::v2::MakeCaseKeyAnchor(s.c.case_id, r->id, s.c.ck, s.SecretOf(*r));
    REQUIRE(s.PostAnchor(r == &s.ana ? s.ana_token : s.ben_token, *anchor).status == 204);
  }
  const SecretBytes ck2 = SecretBytes::Random(32);
  auto rekey = crypto::v2::MakeRekey(
      s.c.case_id, s.ben.id, s.c.ck, ck2,
      Seal(ck2, protocol::kRoleCaseKey, s.c.case_id, s.c.keys.source_public), 2, s.SecretOf(s.ben));
  std::string body =
      KeysRequest({{B64(s.ben.id), "case",
                    Seal(ck2, protocol::kRoleCaseKey, s.c.case_id, s.ben.key.x25519_public())}});
  body.pop_back();
  body += ",\"rekey\":\"" + B64(*rekey) + "\",\"envelope\":\"" +
          B64(s.Envelope(protocol::kStatementRekey, *rekey)) + "\"}";
  REQUIRE(s.h.Post(kReviewer, s.c.path() + "/rekey", body, s.as(s.ben_token)).status == 204);

  // Read the SQLCipher file as whoever seized it with its key would.
  auto db = service::SqliteDb::Open(s.h.test_store().db_path(), s.h.test_store().key,
                                    service::SqliteDb::Mode::kReadOnly);
  REQUIRE(db.ok());
  auto holds_id = [&](const std::string& table, const Id& id) {
    auto columns = (*db)->QueryTexts("SELECT name FROM pragma_table_info('" + table + "')");
    REQUIRE(columns.ok());
    size_t found = 0, values = 0;
    for (const std::string& col : *columns) {
      INFO(table << "." << col);
      CHECK(col != "reviewer");
      auto rows = (*db)->Prepare("SELECT " + col + " FROM " + table);
      REQUIRE(rows.ok());
      while (*rows->Step()) {
        const ByteView v = rows->ColumnBlob(0);
        ++values;
        found += std::search(v.begin(), v.end(), id.begin(), id.end()) != v.end() ? 1 : 0;
      }
    }
    CHECK(values > 0);
    return found > 0;
  };
  for (const char* table : {"case_genesis", "case_anchors", "case_rekeys"}) {
    for (const Reviewer* r : {&s.ana, &s.ben}) {
      INFO(table << " " << r->name);
      CHECK_FALSE(holds_id(table, r->id));
    }
  }
  // The search finds ids where they are stored: the key rows name recipients.
  CHECK(holds_id("case_keys", s.ben.id));
  CHECK(*(*db)->QueryInt("SELECT count(*) FROM case_anchors") == 2);
}

TEST_CASE("reseal: a reviewer replaces its own key rows only (rotation, PROTOCOL.md §12.4)",
          "[api][case_auth]") {
  Setup s;
  auto reseal = [&](const std::string& token, const std::vector<SealedKeyEntry>& keys) {
    std::string body = KeysRequest(keys);
    body.pop_back();
    return s.PostKeys(token, body + ",\"reseal\":true}");
  };
  auto ana_row = [&] {
    const Json got = s.GetCase(s.ana_token);
    for (const auto& k : got["keys"].array()) {
      if (Json::At(k, "recipient").string_value() == B64(s.ana.id) &&
          Json::At(k, "role").string_value() == "case") {
        return Unb64(Json::At(k, "sealed").string_value());
      }
    }
    FAIL("no row for ana");
    return Bytes{};
  };
  const Bytes before = ana_row();
  const SealedKeyEntry again = s.CaseKey(s.ana);  // CK sealed anew (a fresh ephemeral key)
  // Not someone else's row, not a row one does not hold, not without a CK row.
  CheckError(reseal(s.ben_token, {again}), 403, "permission_denied");
  CheckError(reseal(s.carl_token, {s.CaseKey(s.carl)}), 403, "permission_denied");
  CheckError(reseal(s.ana_token, {s.Notes(s.ana)}), 400, "bad_request");  // no NK row yet
  CheckError(s.PostKeys(s.ana_token, "{\"keys\":[],\"reseal\":true}"), 400, "bad_request");
  std::string off = KeysRequest({again});
  off.pop_back();
  CheckError(s.PostKeys(s.ana_token, off + ",\"reseal\":false}"), 400, "bad_request");
  CHECK(ana_row() == before);
  // Without "reseal", another key for a held row is a conflict, as before.
  CheckError(s.PostKeys(s.ana_token, KeysRequest({again})), 409, "conflict");
  REQUIRE(reseal(s.ana_token, {again}).status == 204);
  CHECK(ana_row() != before);
  CHECK(ana_row() == again.sealed);
}

}  // namespace
}  // namespace dojava::api::testing
