// A whole conversation through the API, with the crypto library doing
// exactly what a client does: the server only ever sees ciphertext, and both
// sides decrypt byte-identical reports and attachments. Requests and §11
// bodies come from the typed builders of tests/support/api_requests.h.
#include <catch2/catch_test_macros.hpp>

#include "crypto/attachment.h"
#include "crypto/case_delete.h"
#include "crypto/source_key_wrap.h"
#include "tests/support/api_harness.h"
#include "tests/support/api_requests.h"

namespace dojava::api::testing {
namespace {

using crypto::FileSecrets;
using dojava::testing::FileRef;
using dojava::testing::KeysRequest;
using dojava::testing::MessageRequest;
using dojava::testing::NewCaseRequest;
using dojava::testing::SealedKeyEntry;
using dojava::testing::UploadRequest;

Bytes Chunk(const FileSecrets& f, uint64_t index, bool last, ByteView plain) {
  auto r = crypto::EncryptChunk(f, index, last, plain);
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::string AsString(ByteView b) { return std::string(AsChars(b)); }

Options Octets(Options o = {}) {
  o.content_type = "application/octet-stream";
  return o;
}

// The secrets of the one file a decrypted §11 body references.
FileSecrets OnlyFileOf(std::string_view body) {
  auto files = dojava::testing::FileSecretsOf(body);
  REQUIRE(files.ok());
  REQUIRE(files->size() == 1);
  return std::move((*files)[0]);
}

// What the two sides hold as the scenario goes on.
struct Conversation {
  Harness h;
  Reviewer alice;
  std::optional<crypto::v2::VerifiedRoster> roster;
  std::optional<crypto::ReceiptKeys> keys;
  std::string lookup_key;
  const Id case_id = service::testing::RandomId();
  const SecretBytes ck = SecretBytes::Random(32);
  const FileSecrets file = FileSecrets::Generate();
  const Bytes plain = service::testing::RandomBytes(protocol::kChunkPlainSize + 1000);
  std::string report;
  std::string token;
  std::optional<SecretBytes> reviewer_ck;
  const FileSecrets reply_file = FileSecrets::Generate();
  const Bytes reply_plain = service::testing::RandomBytes(3000);
  std::string reply_text;
  SecretBytes nk = SecretBytes::Random(32);

  std::string case_path() const { return "/api/v1/cases/" + B64(case_id); }
  std::string chunk_base() const {
    return case_path() + "/files/" + B64(file.file_id()) + "/chunks/";
  }
  Options auth() const { return Harness::Bearer(token); }
};

// The source's client: instance, pinned admin key, verified roster, receipt.
void SourceReadsInstance(Conversation& c) {
  c.alice.name = "Alice";
  c.h.InstallRoster({&c.alice}, 1);
  HttpResponse inst = c.h.Get(kSource, "/api/v1/instance");
  REQUIRE(inst.status == 200);
  Json instance(inst.body);
  REQUIRE(instance.Str("admin_public_key") == B64(c.h.admin().public_key()));
  const Bytes instance_id = Unb64(instance.Str("instance_id"));
  REQUIRE(instance_id == Bytes(c.h.instance_id().begin(), c.h.instance_id().end()));
  auto verified =
      crypto::v2::VerifyRoster(Unb64(instance.Str("roster")), c.h.admin().public_key(),
                               c.h.instance_id(), static_cast<uint32_t>(c.h.day_clock().Today()));
  REQUIRE(verified.ok());
  c.roster = std::move(verified).value();
  REQUIRE(instance.Int("roster_version") == 1);

  const crypto::Receipt receipt = crypto::Receipt::Generate();
  auto keys = crypto::DeriveReceiptKeys(receipt, Unb64(instance.Str("salt")));
  REQUIRE(keys.ok());
  c.keys = std::move(keys).value();
  c.lookup_key = B64(c.keys->lookup_key.reveal());
}

// An attachment of 2 chunks, the upload interrupted after chunk 0 and resumed.
void SourceUploadsWithResume(Conversation& c) {
  Harness& h = c.h;
  const ByteView plain_view(c.plain);
  const Bytes c0 = Chunk(c.file, 0, false, plain_view.subspan(0, protocol::kChunkPlainSize));
  const Bytes c1 = Chunk(c.file, 1, true, plain_view.subspan(protocol::kChunkPlainSize));
  const std::string file_b64 = B64(c.file.file_id());
  const std::string create_upload = UploadRequest(c.file.file_id(), 2);
  HttpResponse up = h.Post(kSource, "/api/v1/uploads", create_upload);
  REQUIRE(up.status == 201);
  CHECK(up.body == "{\"file_id\":\"" + file_b64 + "\",\"chunks\":2,\"missing\":[0,1]}");
  REQUIRE(h.Do(kSource, Method::kPut, "/api/v1/uploads/" + file_b64 + "/chunks/0", AsString(c0),
               Octets())
              .status == 204);
  // Resume: ask what is missing, send the rest.
  HttpResponse resume = h.Post(kSource, "/api/v1/uploads", create_upload);
  REQUIRE(resume.status == 200);
  CHECK(resume.body == "{\"file_id\":\"" + file_b64 + "\",\"chunks\":2,\"missing\":[1]}");
  CHECK(h.Get(kSource, "/api/v1/uploads/" + file_b64).body == resume.body);
  REQUIRE(h.Do(kSource, Method::kPut, "/api/v1/uploads/" + file_b64 + "/chunks/1", AsString(c1),
               Octets())
              .status == 204);
  CHECK(Json(h.Get(kSource, "/api/v1/uploads/" + file_b64).body)["missing"].array().empty());
}

// The case: the report (a §11 body with the file's FILEREF) and its keys.
void SourceCreatesCase(Conversation& c) {
  c.report = dojava::testing::ReportBody(
      "Spyware on my phone since March.", c.keys->source_public,
      {FileRef{&c.file, 2, c.plain.size(), "evidence.bin", "application/octet-stream"}});
  const Bytes first = Record(c.ck, protocol::kKindConversation, c.case_id, c.report);
  NewCaseRequest create{c.case_id,
                        c.keys->lookup_key.reveal(),
                        c.keys->source_public,
                        {},
                        first,
                        {Bytes(c.file.file_id().begin(), c.file.file_id().end())}};
  // The source's copy is wrapped (PROTOCOL §7.1): the server holds it like a sealed key.
  create.keys.push_back(SealedKeyEntry{
      "source", "case",
      crypto::WrapSourceKey(c.ck, protocol::kRoleCaseKey, c.case_id, c.keys->source_wrap).value()});
  create.keys.push_back(
      SealedKeyEntry{B64(c.alice.id), "case",
                     Seal(c.ck, protocol::kRoleCaseKey, c.case_id, c.alice.key.x25519_public())});
  HttpResponse created = c.h.Post(kSource, "/api/v1/cases", create.Json());
  REQUIRE(created.status == 201);
  CHECK(created.body == "{\"case_id\":\"" + B64(c.case_id) + "\",\"seq\":1}");
  // The upload is bound now: no longer an upload.
  CHECK(c.h.Get(kSource, "/api/v1/uploads/" + B64(c.file.file_id())).status == 404);
}

// A reviewer logs in, lists, opens the case key, reads the report and its file.
void ReviewerReadsCase(Conversation& c) {
  Harness& h = c.h;
  c.token = h.Login(c.alice);
  HttpResponse list = h.Get(kReviewer, "/api/v1/cases", c.auth());
  REQUIRE(list.status == 200);
  Json listed(list.body);
  REQUIRE(listed["cases"].array().size() == 1);
  CHECK(Json::At(listed["cases"].array()[0], "case_id").string_value() == B64(c.case_id));
  CHECK(listed["next"].is_null());

  HttpResponse got = h.Get(kReviewer, c.case_path(), c.auth());
  REQUIRE(got.status == 200);
  Json got_json(got.body);
  for (const JsonValue& k : got_json["keys"].array()) {
    if (Json::At(k, "recipient").string_value() == B64(c.alice.id)) {
      REQUIRE(Json::At(k, "role").string_value() == "case");
      auto opened = crypto::OpenSealedKey(Unb64(Json::At(k, "sealed").string_value()),
                                          protocol::kRoleCaseKey, c.case_id,
                                          c.alice.key.x25519_secret(), c.alice.key.x25519_public());
      REQUIRE(opened.ok());
      c.reviewer_ck = std::move(opened).value();
    }
  }
  REQUIRE(c.reviewer_ck.has_value());
  CHECK(c.reviewer_ck->Equals(c.ck));

  HttpResponse msgs = h.Get(kReviewer, c.case_path() + "/messages", c.auth());
  REQUIRE(msgs.status == 200);
  Json msgs_json(msgs.body);
  REQUIRE(msgs_json["messages"].array().size() == 1);
  CHECK(msgs_json["more"].bool_value() == false);
  const JsonValue& m1 = msgs_json["messages"].array()[0];
  CHECK(Json::At(m1, "seq").int_value() == 1);
  CHECK(Json::At(m1, "day").int_value() == service::testing::kToday);
  auto opened1 = crypto::v2::DecryptMessage(Unb64(Json::At(m1, "record").string_value()),
                                            c.case_id, {&*c.reviewer_ck, nullptr}, *c.roster);
  REQUIRE(opened1.ok());
  CHECK(opened1->author == protocol::kAuthorSource);
  REQUIRE(opened1->body.reveal_chars() == c.report);

  // The attachment, from the reference inside the decrypted report.
  const FileSecrets source_file = OnlyFileOf(opened1->body.reveal_chars());
  HttpResponse g0 = h.Get(kReviewer, c.chunk_base() + "0", c.auth());
  HttpResponse g1 = h.Get(kReviewer, c.chunk_base() + "1", c.auth());
  REQUIRE(g0.status == 200);
  REQUIRE(g1.status == 200);
  CHECK(g0.content_type == "application/octet-stream");
  auto p0 = crypto::DecryptChunk(source_file, 0, false, AsBytes(g0.body));
  auto p1 = crypto::DecryptChunk(source_file, 1, true, AsBytes(g1.body));
  REQUIRE(p0.ok());
  REQUIRE(p1.ok());
  Bytes joined(p0->reveal().begin(), p0->reveal().end());
  joined.insert(joined.end(), p1->reveal().begin(), p1->reveal().end());
  CHECK(joined == c.plain);
  CHECK(h.Get(kReviewer, c.chunk_base() + "2", c.auth()).status == 404);
}

// The reviewer replies with an attachment.
void ReviewerReplies(Conversation& c) {
  Harness& h = c.h;
  const Bytes rc0 = Chunk(c.reply_file, 0, true, c.reply_plain);
  const std::string reply_file_b64 = B64(c.reply_file.file_id());
  REQUIRE(h.Post(kReviewer, "/api/v1/uploads", UploadRequest(c.reply_file.file_id(), 1), c.auth())
              .status == 201);
  REQUIRE(h.Do(kReviewer, Method::kPut, "/api/v1/uploads/" + reply_file_b64 + "/chunks/0",
               AsString(rc0), Octets(c.auth()))
              .status == 204);
  const crypto::ReviewerSigner signer = c.alice.key.Signer(c.alice.id);
  c.reply_text = dojava::testing::MessageBody(
      "Thank you. Please see the attached checklist.",
      {FileRef{&c.reply_file, 1, c.reply_plain.size(), "checklist.txt", "text/plain"}});
  const Bytes reply = Record(c.ck, protocol::kKindConversation, c.case_id, c.reply_text, &signer);
  const std::vector<Bytes> files = {
      Bytes(c.reply_file.file_id().begin(), c.reply_file.file_id().end())};
  HttpResponse replied =
      h.Post(kReviewer, c.case_path() + "/messages", MessageRequest(reply, files), c.auth());
  REQUIRE(replied.status == 201);
  CHECK(replied.body == "{\"seq\":2}");
}

// The notes key, then a signed notes event.
void ReviewerWritesNotes(Conversation& c) {
  Harness& h = c.h;
  const crypto::ReviewerSigner signer = c.alice.key.Signer(c.alice.id);
  HttpResponse nk_put = h.Post(
      kReviewer, c.case_path() + "/keys",
      KeysWithGenesis(
          KeysRequest({SealedKeyEntry{
              B64(c.alice.id), "notes",
              Seal(c.nk, protocol::kRoleNotesKey, c.case_id, c.alice.key.x25519_public())}}),
          NotesGenesis(c.alice, c.case_id, 1, {c.alice.id}, c.ck, c.nk), c.ck),
      c.auth());
  REQUIRE(nk_put.status == 204);
  const Bytes note =
      Record(c.nk, protocol::kKindNotes, c.case_id, "status: open; label: spyware", &signer);
  HttpResponse noted =
      h.Post(kReviewer, c.case_path() + "/messages", MessageRequest(note), c.auth());
  REQUIRE(noted.status == 201);
  CHECK(noted.body == "{\"seq\":3}");
}

// The source returns with the lookup key: reads the reply and its file,
// follows up, pages by `after`.
void SourceReturns(Conversation& c) {
  Harness& h = c.h;
  const auto source_auth = Harness::LookupKey(c.lookup_key);
  HttpResponse back = h.Get(kSource, "/api/v1/source/case", source_auth);
  REQUIRE(back.status == 200);
  Json back_json(back.body);
  CHECK(back_json.Str("case_id") == B64(c.case_id));
  auto source_ck = crypto::OpenSourceKey(Unb64(back_json.Str("sealed_key")), protocol::kRoleCaseKey,
                                         c.case_id, c.keys->source_wrap);
  REQUIRE(source_ck.ok());
  const auto& back_msgs = back_json["messages"].array();
  REQUIRE(back_msgs.size() == 2);  // the notes event is never shown to the source
  CHECK(Json::At(back_msgs[1], "seq").int_value() == 2);
  auto opened2 = crypto::v2::DecryptMessage(Unb64(Json::At(back_msgs[1], "record").string_value()),
                                            c.case_id, {&*source_ck, nullptr}, *c.roster);
  REQUIRE(opened2.ok());
  CHECK(opened2->author == protocol::kAuthorReviewer);
  CHECK(opened2->reviewer_id == c.alice.id);
  REQUIRE(opened2->body.reveal_chars() == c.reply_text);
  const FileSecrets got_reply_file = OnlyFileOf(opened2->body.reveal_chars());
  const std::string reply_file_b64 = B64(c.reply_file.file_id());
  HttpResponse rg0 =
      h.Get(kSource, "/api/v1/source/files/" + reply_file_b64 + "/chunks/0", source_auth);
  REQUIRE(rg0.status == 200);
  auto rp0 = crypto::DecryptChunk(got_reply_file, 0, true, AsBytes(rg0.body));
  REQUIRE(rp0.ok());
  CHECK(Bytes(rp0->reveal().begin(), rp0->reveal().end()) == c.reply_plain);

  // A follow-up, and paging by `after`.
  const Bytes follow = Record(*source_ck, protocol::kKindConversation, c.case_id, "More details.");
  HttpResponse followed = h.Post(kSource, "/api/v1/source/messages",
                                 MessageRequest(follow, std::vector<Bytes>{}), source_auth);
  REQUIRE(followed.status == 201);
  CHECK(followed.body == "{\"seq\":4}");
  Json after2(h.Get(kSource, "/api/v1/source/case?after=2", source_auth).body);
  REQUIRE(after2["messages"].array().size() == 1);
  CHECK(Json::At(after2["messages"].array()[0], "seq").int_value() == 4);
}

// The reviewer sees everything, notes included, in order; then deletes the
// case, and everything is gone.
void ReviewerSeesAllThenDeletes(Conversation& c) {
  Harness& h = c.h;
  Json all(h.Get(kReviewer, c.case_path() + "/messages", c.auth()).body);
  REQUIRE(all["messages"].array().size() == 4);
  auto opened3 = crypto::v2::DecryptMessage(
      Unb64(Json::At(all["messages"].array()[2], "record").string_value()), c.case_id,
      {&*c.reviewer_ck, &c.nk}, *c.roster);
  REQUIRE(opened3.ok());
  CHECK(opened3->kind == protocol::kKindNotes);
  CHECK(opened3->reviewer_id == c.alice.id);

  const auto source_auth = Harness::LookupKey(c.lookup_key);
  const std::string reply_chunk =
      "/api/v1/source/files/" + B64(c.reply_file.file_id()) + "/chunks/0";
  // Deleting is a signed statement (PROTOCOL.md §8.6); the old DELETE route
  // is gone.
  CHECK(h.Do(kReviewer, Method::kDelete, c.case_path(), "", c.auth()).status == 404);
  auto statement = crypto::v2::MakeCaseDelete(
      {c.case_id, c.alice.id, static_cast<uint32_t>(h.day_clock().Today())},
      *c.alice.key.Signer(c.alice.id).ed25519_secret);
  REQUIRE(statement.ok());
  const std::string delete_body = "{\"statement\":\"" + B64(*statement) + "\"}";
  REQUIRE(h.Post(kReviewer, c.case_path() + "/delete", delete_body, c.auth()).status == 204);
  CHECK(h.Get(kReviewer, c.case_path(), c.auth()).status == 404);
  CHECK(h.Get(kReviewer, c.case_path() + "/messages", c.auth()).status == 404);
  CHECK(h.Get(kReviewer, c.chunk_base() + "0", c.auth()).status == 404);
  CHECK(h.Get(kSource, "/api/v1/source/case", source_auth).status == 404);
  CHECK(h.Get(kSource, reply_chunk, source_auth).status == 404);
  CHECK(h.Post(kReviewer, c.case_path() + "/delete", delete_body, c.auth()).status == 404);
  CHECK(h.store().GetCase(c.case_id).code() == Code::kNotFound);
  CHECK(Json(h.Get(kReviewer, "/api/v1/cases", c.auth()).body)["cases"].array().empty());
}

TEST_CASE("conversation: submit with a resumed 2-chunk upload, reply, notes, follow-up, delete",
          "[api][conversation]") {
  Conversation c;
  SourceReadsInstance(c);
  SourceUploadsWithResume(c);
  SourceCreatesCase(c);
  ReviewerReadsCase(c);
  ReviewerReplies(c);
  ReviewerWritesNotes(c);
  SourceReturns(c);
  ReviewerSeesAllThenDeletes(c);
}

}  // namespace
}  // namespace dojava::api::testing

namespace dojava::api::testing {
namespace {

TEST_CASE("conversation: messages are paged by size; the source never sees notes",
          "[api][conversation]") {
  ApiOptions options;
  options.max_response_record_bytes = service::kMaxMessageRecordSize;  // the smallest allowed
  Harness h(options);
  Reviewer alice;
  alice.name = "Alice";
  h.InstallRoster({&alice}, 1);
  const std::string token = h.Login(alice);
  const auto auth = Harness::Bearer(token);
  const Id case_id = service::testing::RandomId();
  const SecretBytes ck = SecretBytes::Random(32);
  const SecretBytes nk = SecretBytes::Random(32);
  const std::string lookup = B64(SecretBytes::Random(32).reveal());
  const auto source_key = crypto::ReviewerKey::Generate();
  const std::string create =
      "{\"case_id\":\"" + B64(case_id) + "\",\"lookup_key\":\"" + lookup +
      "\",\"source_public_key\":\"" + B64(source_key.x25519_public()) + "\",\"keys\":[" +
      SealedKeyJson("source", "case",
                    Seal(ck, protocol::kRoleCaseKey, case_id, source_key.x25519_public())) +
      "," +
      SealedKeyJson(B64(alice.id), "case",
                    Seal(ck, protocol::kRoleCaseKey, case_id, alice.key.x25519_public())) +
      "],\"message\":\"" + B64(Record(ck, protocol::kKindConversation, case_id, "first")) + "\"}";
  REQUIRE(h.Post(kSource, "/api/v1/cases", create).status == 201);
  const std::string case_path = "/api/v1/cases/" + B64(case_id);
  REQUIRE(h.Post(kReviewer, case_path + "/keys",
                 KeysWithGenesis(
                     "{\"keys\":[" +
                         SealedKeyJson(B64(alice.id), "notes",
                                       Seal(nk, protocol::kRoleNotesKey, case_id,
                                            alice.key.x25519_public())) +
                         "]}",
                     NotesGenesis(alice, case_id, 1, {alice.id}, ck, nk), ck),
                 auth)
              .status == 204);
  // seq 2, 3: notes; seq 4, 5: large replies (two do not fit one response).
  const crypto::ReviewerSigner signer = alice.key.Signer(alice.id);
  const std::string big(200 * 1024, 'x');
  for (int i = 0; i < 2; ++i) {
    REQUIRE(h.Post(kReviewer, case_path + "/messages",
                   "{\"message\":\"" +
                       B64(Record(nk, protocol::kKindNotes, case_id, "note", &signer)) + "\"}",
                   auth)
                .status == 201);
  }
  for (int i = 0; i < 2; ++i) {
    REQUIRE(h.Post(kReviewer, case_path + "/messages",
                   "{\"message\":\"" +
                       B64(Record(ck, protocol::kKindConversation, case_id, big, &signer)) + "\"}",
                   auth)
                .status == 201);
  }
  // The source pages through 1, 4, 5, never seeing 2 or 3.
  std::vector<int64_t> seqs;
  uint64_t after = 0;
  for (int guard = 0; guard < 10; ++guard) {
    Json page(h.Get(kSource, "/api/v1/source/case?after=" + std::to_string(after),
                    Harness::LookupKey(lookup))
                  .body);
    for (const auto& m : page["messages"].array()) seqs.push_back(Json::At(m, "seq").int_value());
    if (!page["more"].bool_value()) break;
    REQUIRE(!seqs.empty());
    after = static_cast<uint64_t>(seqs.back());
  }
  CHECK(seqs == std::vector<int64_t>{1, 4, 5});
  // The reviewer pages through all five.
  std::vector<int64_t> all;
  after = 0;
  int pages = 0;
  for (; pages < 10; ++pages) {
    Json page(h.Get(kReviewer, case_path + "/messages?after=" + std::to_string(after), auth).body);
    for (const auto& m : page["messages"].array()) all.push_back(Json::At(m, "seq").int_value());
    if (!page["more"].bool_value()) break;
    after = static_cast<uint64_t>(all.back());
  }
  CHECK(all == std::vector<int64_t>{1, 2, 3, 4, 5});
  CHECK(pages >= 1);  // the two large records did not fit one response
}

}  // namespace
}  // namespace dojava::api::testing

namespace dojava::api::testing {
namespace {

TEST_CASE("conversation: a reviewer added later is granted the case key", "[api][conversation]") {
  Harness h;
  Reviewer alice, carol;
  alice.name = "Alice";
  carol.name = "Carol";
  h.InstallRoster({&alice}, 1);
  const Id case_id = service::testing::RandomId();
  const SecretBytes ck = SecretBytes::Random(32);
  const auto source_key = crypto::ReviewerKey::Generate();
  const std::string create =
      "{\"case_id\":\"" + B64(case_id) + "\",\"lookup_key\":\"" +
      B64(SecretBytes::Random(32).reveal()) + "\",\"source_public_key\":\"" +
      B64(source_key.x25519_public()) + "\",\"keys\":[" +
      SealedKeyJson("source", "case",
                    Seal(ck, protocol::kRoleCaseKey, case_id, source_key.x25519_public())) +
      "," +
      SealedKeyJson(B64(alice.id), "case",
                    Seal(ck, protocol::kRoleCaseKey, case_id, alice.key.x25519_public())) +
      "],\"message\":\"" + B64(Record(ck, protocol::kKindConversation, case_id, "hi")) + "\"}";
  REQUIRE(h.Post(kSource, "/api/v1/cases", create).status == 201);
  const std::string case_path = "/api/v1/cases/" + B64(case_id);

  // Before Carol is on the roster, a grant to her is refused.
  const Bytes sealed_for_carol =
      Seal(ck, protocol::kRoleCaseKey, case_id, carol.key.x25519_public());
  const std::string grant =
      "{\"keys\":[" + SealedKeyJson(B64(carol.id), "case", sealed_for_carol) + "]}";
  const std::string alice_token = h.Login(alice);
  CHECK(ErrorCode(h.Post(kReviewer, case_path + "/keys", grant, Harness::Bearer(alice_token))) ==
        "roster_changed");

  h.InstallRoster({&alice, &carol}, 2);
  REQUIRE(h.Post(kReviewer, case_path + "/keys", grant, Harness::Bearer(alice_token)).status ==
          204);
  CHECK(h.Post(kReviewer, case_path + "/keys", grant, Harness::Bearer(alice_token)).status ==
        204);  // the same key again: a no-op
  CHECK(h.store().GetSealedKeys(case_id)->size() == 3);

  const std::string carol_token = h.Login(carol);
  Json got(h.Get(kReviewer, case_path, Harness::Bearer(carol_token)).body);
  bool opened = false;
  for (const JsonValue& k : got["keys"].array()) {
    if (Json::At(k, "recipient").string_value() != B64(carol.id)) continue;
    auto key =
        crypto::OpenSealedKey(Unb64(Json::At(k, "sealed").string_value()), protocol::kRoleCaseKey,
                              case_id, carol.key.x25519_secret(), carol.key.x25519_public());
    REQUIRE(key.ok());
    opened = key->Equals(ck);
  }
  CHECK(opened);
}

}  // namespace
}  // namespace dojava::api::testing
