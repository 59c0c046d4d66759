// A whole conversation through the API, with the crypto library doing
// exactly what a client does: the server only ever sees ciphertext, and both
// sides decrypt byte-identical reports and attachments.
#include <catch2/catch_test_macros.hpp>

#include "crypto/attachment.h"
#include "crypto/source_key_wrap.h"
#include "tests/support/api_harness.h"

namespace dojava::api::testing {
namespace {

using crypto::FileSecrets;

// The file reference a message body carries (PROTOCOL.md §11 has the real
// payload format; the server never sees it, so any encoding works here).
std::string FileRef(const FileSecrets& f) {
  return B64(f.file_key().reveal()) + "." + B64(f.nonce_prefix()) + "." + B64(f.file_id());
}
FileSecrets ParseFileRef(std::string_view ref) {
  const size_t a = ref.find('.');
  const size_t b = ref.find('.', a + 1);
  auto f = FileSecrets::FromBytes(Unb64(ref.substr(0, a)), Unb64(ref.substr(a + 1, b - a - 1)),
                                  Unb64(ref.substr(b + 1)));
  REQUIRE(f.ok());
  return std::move(f).value();
}

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

TEST_CASE("conversation: submit with a resumed 2-chunk upload, reply, notes, follow-up, delete",
          "[api][conversation]") {
  Harness h;
  Reviewer alice;
  alice.name = "Alice";
  h.InstallRoster({&alice}, 1);

  // --- the source's client: instance, pinned admin key, receipt ----------
  HttpResponse inst = h.Get(kSource, "/api/v1/instance");
  REQUIRE(inst.status == 200);
  Json instance(inst.body);
  REQUIRE(instance.Str("admin_public_key") == B64(h.admin().public_key()));
  const Bytes instance_id = Unb64(instance.Str("instance_id"));
  REQUIRE(instance_id == Bytes(h.instance_id().begin(), h.instance_id().end()));
  auto verified =
      crypto::VerifyRoster(Unb64(instance.Str("roster")), h.admin().public_key(), h.instance_id());
  REQUIRE(verified.ok());
  REQUIRE(instance.Int("roster_version") == 1);

  const crypto::Receipt receipt = crypto::Receipt::Generate();
  auto keys = crypto::DeriveReceiptKeys(receipt, Unb64(instance.Str("salt")));
  REQUIRE(keys.ok());
  const std::string lookup_key = B64(keys->lookup_key.reveal());

  const Id case_id = service::testing::RandomId();
  const SecretBytes ck = SecretBytes::Random(32);

  // --- attachment: 2 chunks, the upload interrupted after chunk 0 --------
  const FileSecrets file = FileSecrets::Generate();
  const Bytes plain = service::testing::RandomBytes(protocol::kChunkPlainSize + 1000);
  const ByteView plain_view(plain);
  const Bytes c0 = Chunk(file, 0, false, plain_view.subspan(0, protocol::kChunkPlainSize));
  const Bytes c1 = Chunk(file, 1, true, plain_view.subspan(protocol::kChunkPlainSize));
  const std::string file_b64 = B64(file.file_id());
  const std::string create_upload = "{\"file_id\":\"" + file_b64 + "\",\"chunks\":2}";
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

  // --- create the case -----------------------------------------------------
  const std::string report = "Spyware on my phone since March. " + FileRef(file);
  const Bytes first = Record(ck, protocol::kKindConversation, case_id, report);
  const std::string create =
      "{\"case_id\":\"" + B64(case_id) + "\",\"lookup_key\":\"" + lookup_key +
      "\",\"source_public_key\":\"" + B64(keys->source_public) + "\",\"keys\":[" +
      // The source's copy is wrapped (PROTOCOL §7.1): the server holds it like a sealed key.
      SealedKeyJson("source", "case",
                    crypto::WrapSourceKey(ck, protocol::kRoleCaseKey, case_id, keys->source_wrap)
                        .value()) +
      "," +
      SealedKeyJson(B64(alice.id), "case",
                    Seal(ck, protocol::kRoleCaseKey, case_id, alice.key.x25519_public())) +
      "],\"message\":\"" + B64(first) + "\",\"files\":[\"" + file_b64 + "\"]}";
  HttpResponse created = h.Post(kSource, "/api/v1/cases", create);
  REQUIRE(created.status == 201);
  CHECK(created.body == "{\"case_id\":\"" + B64(case_id) + "\",\"seq\":1}");
  // The upload is bound now: no longer an upload.
  CHECK(h.Get(kSource, "/api/v1/uploads/" + file_b64).status == 404);

  // --- a reviewer logs in and reads --------------------------------------
  const std::string token = h.Login(alice);
  const auto auth = Harness::Bearer(token);
  HttpResponse list = h.Get(kReviewer, "/api/v1/cases", auth);
  REQUIRE(list.status == 200);
  Json listed(list.body);
  REQUIRE(listed["cases"].array().size() == 1);
  CHECK(Json::At(listed["cases"].array()[0], "case_id").string_value() == B64(case_id));
  CHECK(listed["next"].is_null());

  const std::string case_path = "/api/v1/cases/" + B64(case_id);
  HttpResponse got = h.Get(kReviewer, case_path, auth);
  REQUIRE(got.status == 200);
  Json got_json(got.body);
  std::optional<SecretBytes> reviewer_ck;
  for (const JsonValue& k : got_json["keys"].array()) {
    if (Json::At(k, "recipient").string_value() == B64(alice.id)) {
      REQUIRE(Json::At(k, "role").string_value() == "case");
      auto opened =
          crypto::OpenSealedKey(Unb64(Json::At(k, "sealed").string_value()), protocol::kRoleCaseKey,
                                case_id, alice.key.x25519_secret(), alice.key.x25519_public());
      REQUIRE(opened.ok());
      reviewer_ck = std::move(opened).value();
    }
  }
  REQUIRE(reviewer_ck.has_value());
  CHECK(reviewer_ck->Equals(ck));

  const auto authors = crypto::AuthorsOf({&verified.value()});
  HttpResponse msgs = h.Get(kReviewer, case_path + "/messages", auth);
  REQUIRE(msgs.status == 200);
  Json msgs_json(msgs.body);
  REQUIRE(msgs_json["messages"].array().size() == 1);
  CHECK(msgs_json["more"].bool_value() == false);
  const JsonValue& m1 = msgs_json["messages"].array()[0];
  CHECK(Json::At(m1, "seq").int_value() == 1);
  CHECK(Json::At(m1, "day").int_value() == service::testing::kToday);
  auto opened1 = crypto::DecryptMessage(Unb64(Json::At(m1, "record").string_value()), case_id,
                                        crypto::CaseKeys{&*reviewer_ck, nullptr}, authors);
  REQUIRE(opened1.ok());
  CHECK(opened1->author == protocol::kAuthorSource);
  REQUIRE(opened1->body.reveal_chars() == report);

  // The attachment, from the reference inside the decrypted report.
  const std::string_view body1 = opened1->body.reveal_chars();
  const FileSecrets source_file = ParseFileRef(body1.substr(body1.rfind(' ') + 1));
  const std::string chunk_base = case_path + "/files/" + file_b64 + "/chunks/";
  HttpResponse g0 = h.Get(kReviewer, chunk_base + "0", auth);
  HttpResponse g1 = h.Get(kReviewer, chunk_base + "1", auth);
  REQUIRE(g0.status == 200);
  REQUIRE(g1.status == 200);
  CHECK(g0.content_type == "application/octet-stream");
  auto p0 = crypto::DecryptChunk(source_file, 0, false, AsBytes(g0.body));
  auto p1 = crypto::DecryptChunk(source_file, 1, true, AsBytes(g1.body));
  REQUIRE(p0.ok());
  REQUIRE(p1.ok());
  Bytes joined(p0->reveal().begin(), p0->reveal().end());
  joined.insert(joined.end(), p1->reveal().begin(), p1->reveal().end());
  CHECK(joined == plain);
  CHECK(h.Get(kReviewer, chunk_base + "2", auth).status == 404);

  // --- the reviewer replies with an attachment ----------------------------
  const FileSecrets reply_file = FileSecrets::Generate();
  const Bytes reply_plain = service::testing::RandomBytes(3000);
  const Bytes rc0 = Chunk(reply_file, 0, true, reply_plain);
  const std::string reply_file_b64 = B64(reply_file.file_id());
  REQUIRE(h.Post(kReviewer, "/api/v1/uploads",
                 "{\"file_id\":\"" + reply_file_b64 + "\",\"chunks\":1}", auth)
              .status == 201);
  REQUIRE(h.Do(kReviewer, Method::kPut, "/api/v1/uploads/" + reply_file_b64 + "/chunks/0",
               AsString(rc0), Octets(auth))
              .status == 204);
  const crypto::ReviewerSigner signer = alice.key.Signer(alice.id);
  const std::string reply_text =
      "Thank you. Please see the attached checklist. " + FileRef(reply_file);
  const Bytes reply = Record(ck, protocol::kKindConversation, case_id, reply_text, &signer);
  HttpResponse replied =
      h.Post(kReviewer, case_path + "/messages",
             "{\"message\":\"" + B64(reply) + "\",\"files\":[\"" + reply_file_b64 + "\"]}", auth);
  REQUIRE(replied.status == 201);
  CHECK(replied.body == "{\"seq\":2}");

  // --- the notes key, then a signed notes event ---------------------------
  const SecretBytes nk = SecretBytes::Random(32);
  HttpResponse nk_put = h.Post(
      kReviewer, case_path + "/keys",
      "{\"keys\":[" +
          SealedKeyJson(B64(alice.id), "notes",
                        Seal(nk, protocol::kRoleNotesKey, case_id, alice.key.x25519_public())) +
          "]}",
      auth);
  REQUIRE(nk_put.status == 204);
  const Bytes note =
      Record(nk, protocol::kKindNotes, case_id, "status: open; label: spyware", &signer);
  HttpResponse noted =
      h.Post(kReviewer, case_path + "/messages", "{\"message\":\"" + B64(note) + "\"}", auth);
  REQUIRE(noted.status == 201);
  CHECK(noted.body == "{\"seq\":3}");

  // --- the source returns with the lookup key -----------------------------
  const auto source_auth = Harness::LookupKey(lookup_key);
  HttpResponse back = h.Get(kSource, "/api/v1/source/case", source_auth);
  REQUIRE(back.status == 200);
  Json back_json(back.body);
  CHECK(back_json.Str("case_id") == B64(case_id));
  auto source_ck = crypto::OpenSourceKey(Unb64(back_json.Str("sealed_key")), protocol::kRoleCaseKey,
                                         case_id, keys->source_wrap);
  REQUIRE(source_ck.ok());
  const auto& back_msgs = back_json["messages"].array();
  REQUIRE(back_msgs.size() == 2);  // the notes event is never shown to the source
  CHECK(Json::At(back_msgs[1], "seq").int_value() == 2);
  auto opened2 = crypto::DecryptMessage(Unb64(Json::At(back_msgs[1], "record").string_value()),
                                        case_id, crypto::CaseKeys{&*source_ck, nullptr}, authors);
  REQUIRE(opened2.ok());
  CHECK(opened2->author == protocol::kAuthorReviewer);
  CHECK(opened2->reviewer_id == alice.id);
  REQUIRE(opened2->body.reveal_chars() == reply_text);
  const std::string_view body2 = opened2->body.reveal_chars();
  const FileSecrets got_reply_file = ParseFileRef(body2.substr(body2.rfind(' ') + 1));
  HttpResponse rg0 =
      h.Get(kSource, "/api/v1/source/files/" + reply_file_b64 + "/chunks/0", source_auth);
  REQUIRE(rg0.status == 200);
  auto rp0 = crypto::DecryptChunk(got_reply_file, 0, true, AsBytes(rg0.body));
  REQUIRE(rp0.ok());
  CHECK(Bytes(rp0->reveal().begin(), rp0->reveal().end()) == reply_plain);

  // A follow-up, and paging by `after`.
  const Bytes follow = Record(*source_ck, protocol::kKindConversation, case_id, "More details.");
  HttpResponse followed = h.Post(kSource, "/api/v1/source/messages",
                                 "{\"message\":\"" + B64(follow) + "\",\"files\":[]}", source_auth);
  REQUIRE(followed.status == 201);
  CHECK(followed.body == "{\"seq\":4}");
  Json after2(h.Get(kSource, "/api/v1/source/case?after=2", source_auth).body);
  REQUIRE(after2["messages"].array().size() == 1);
  CHECK(Json::At(after2["messages"].array()[0], "seq").int_value() == 4);

  // The reviewer sees everything, notes included, in order.
  Json all(h.Get(kReviewer, case_path + "/messages", auth).body);
  REQUIRE(all["messages"].array().size() == 4);
  auto opened3 =
      crypto::DecryptMessage(Unb64(Json::At(all["messages"].array()[2], "record").string_value()),
                             case_id, crypto::CaseKeys{&*reviewer_ck, &nk}, authors);
  REQUIRE(opened3.ok());
  CHECK(opened3->kind == protocol::kKindNotes);
  CHECK(opened3->reviewer_id == alice.id);

  // --- delete: everything is gone -----------------------------------------
  REQUIRE(h.Do(kReviewer, Method::kDelete, case_path, "", auth).status == 204);
  CHECK(h.Get(kReviewer, case_path, auth).status == 404);
  CHECK(h.Get(kReviewer, case_path + "/messages", auth).status == 404);
  CHECK(h.Get(kReviewer, chunk_base + "0", auth).status == 404);
  CHECK(h.Get(kSource, "/api/v1/source/case", source_auth).status == 404);
  CHECK(
      h.Get(kSource, "/api/v1/source/files/" + reply_file_b64 + "/chunks/0", source_auth).status ==
      404);
  CHECK(h.Do(kReviewer, Method::kDelete, case_path, "", auth).status == 404);
  CHECK(h.store().GetCase(case_id).code() == Code::kNotFound);
  CHECK(Json(h.Get(kReviewer, "/api/v1/cases", auth).body)["cases"].array().empty());
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
                 "{\"keys\":[" +
                     SealedKeyJson(
                         B64(alice.id), "notes",
                         Seal(nk, protocol::kRoleNotesKey, case_id, alice.key.x25519_public())) +
                     "]}",
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
