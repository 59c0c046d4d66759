// Decrypting a case: notes events applied in order, replays dropped, a
// tampered message named by its sequence number; display and CSV safety.
#include "client/case_view.h"

#include <boost/json.hpp>
#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"
#include "base/utf8.h"
#include "crypto/admin_key.h"
#include "crypto/reviewer_key.h"

namespace dojava::client {
namespace {
namespace json = boost::json;

struct Fixture {
  crypto::AdminKey admin = crypto::AdminKey::Generate();
  crypto::ReviewerKey reviewer = crypto::ReviewerKey::Generate();
  crypto::Id reviewer_id = crypto::RandomId();
  crypto::Id instance_id = crypto::RandomId();
  crypto::Id case_id = crypto::RandomId();
  SecretBytes ck = SecretBytes::Random(32);
  SecretBytes nk = SecretBytes::Random(32);
  crypto::Ed25519KeyPair source = crypto::Ed25519FromSeed(SecretBytes::Random(32).reveal());
  std::optional<RosterView> roster;
  std::vector<ApiMessage> messages;
  crypto::v2::Digest prev{};  // the event hash of the last record added

  Fixture() {
    crypto::v2::Roster r;
    r.instance_id = instance_id;
    r.version = 1;
    r.expires_day = 20030;
    crypto::v2::RosterEntry e;
    e.reviewer_id = reviewer_id;
    e.ed25519 = reviewer.ed25519_public();
    e.x25519 = reviewer.x25519_public();
    e.name = "Ana";
    r.entries.push_back(e);
    roster.emplace(
        *VerifyAnyRoster(*admin.SignRosterV2(r), admin.public_key(), instance_id, std::nullopt));
  }
  // A record signed by `signer_key` as `signer_id` (or by the source), after
  // the last one added (PROTOCOL.md §8.3-8.4).
  Bytes Record(uint8_t kind, const std::string& body, bool by_reviewer,
               const crypto::ReviewerKey* signer_key = nullptr,
               const crypto::Id* signer_id = nullptr) {
    const crypto::ReviewerKey& key = signer_key ? *signer_key : reviewer;
    crypto::v2::Signer s{protocol::kAuthorSource, {}, source.public_key, &source.secret_key};
    if (by_reviewer) {
      s = {protocol::kAuthorReviewer, signer_id ? *signer_id : reviewer_id, {},
           key.Signer(reviewer_id).ed25519_secret};
    }
    auto rec = crypto::v2::EncryptMessage(kind == protocol::kKindNotes ? nk : ck, kind, case_id,
                                          crypto::RandomId(), AsBytes(body), s, {1, 20000, prev});
    REQUIRE(rec.ok());
    return std::move(rec).value();
  }
  void Add(uint8_t kind, const std::string& body, bool by_reviewer) {
    Push(Record(kind, body, by_reviewer));
  }
  void Push(Bytes record) {
    prev = crypto::v2::EventHash(record);
    messages.push_back({messages.size() + 1, 20000, std::move(record)});
  }
  std::vector<CaseEntry> Decrypt() {
    return ReadRecords(messages, case_id, &ck, &nk, &*roster, {}).entries;
  }
};

TEST_CASE("case view: conversation and notes decrypted, state from events in order",
          "[cli][case]") {
  Fixture f;
  f.Add(protocol::kKindConversation,
        R"({"type":"report","source_pk":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",)"
        R"("form":{"country":"RS"},"text":"spyware","files":[]})",
        false);
  f.Add(protocol::kKindNotes, R"({"type":"status","status":"triage"})", true);
  f.Add(protocol::kKindNotes, R"({"type":"labels","add":["pegasus","sms"],"remove":[]})", true);
  f.Add(protocol::kKindNotes, R"({"type":"labels","add":[],"remove":["sms"]})", true);
  f.Add(protocol::kKindNotes,
        R"({"type":"assign","reviewer":")" + Base64UrlEncode(f.reviewer_id) + R"("})", true);
  f.Add(protocol::kKindNotes, R"({"type":"status","status":"investigating"})", true);
  f.Add(protocol::kKindConversation, R"({"type":"message","text":"thanks","files":[]})", true);
  auto entries = f.Decrypt();
  REQUIRE(entries.size() == 7);
  for (const auto& e : entries) CHECK(e.error.empty());
  CHECK(entries[0].from_source);
  CHECK(entries[0].type == "report");
  CHECK(entries[6].author == "Ana");
  const CaseState st = ComputeState(entries);
  CHECK(st.status == "investigating");
  CHECK(st.labels == std::set<std::string>{"pegasus"});
  REQUIRE(st.assignee.has_value());
  CHECK(*st.assignee == f.reviewer_id);
}

TEST_CASE("case view: a replayed message is shown once; a tampered one is named", "[cli][case]") {
  Fixture f;
  f.Add(protocol::kKindConversation, R"({"type":"message","text":"one","files":[]})", false);
  f.messages.push_back({2, 20000, f.messages[0].record});  // the server replays #1 as #2
  f.Add(protocol::kKindConversation, R"({"type":"message","text":"three","files":[]})", false);
  f.messages[2].record[70] ^= 1;  // flip a ciphertext bit of #3
  auto entries = f.Decrypt();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].error.empty());
  CHECK(entries[1].seq == 3);
  CHECK(entries[1].error.find("message #3") != std::string::npos);
  CHECK(entries[1].error.find("decryption failed") != std::string::npos);
}

TEST_CASE("case view: notes without the notes key are reported, not fatal", "[cli][case]") {
  Fixture f;
  f.Add(protocol::kKindNotes, R"({"type":"status","status":"closed"})", true);
  auto entries = ReadRecords(f.messages, f.case_id, &f.ck, nullptr, &*f.roster, {}).entries;
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].error.find("notes key") != std::string::npos);
  CHECK(ComputeState(entries).status == "new");
}

// Regression (found by fuzz/notes_event_fuzzer.cc): a body cut short right
// after an object key made Boost.JSON 1.81 free the abandoned key with
// another alignment than it was allocated with, and the wiping resource
// passed that on to aligned operator delete: a new/delete mismatch that
// AddressSanitizer aborts on (the asan preset of ops/test). A source writes
// message bodies, so a reviewer's CLI must survive any of them.
TEST_CASE("case view: a body cut short after a key is an error entry (no mismatched free)",
          "[cli][case]") {
  Fixture f;
  f.Add(protocol::kKindConversation,
        R"({"type":"report","source_pk":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",)"
        R"("files")",
        false);
  f.Add(protocol::kKindConversation, R"({"some key here":)", false);
  f.Add(protocol::kKindNotes, R"({"type":"status","status":"triage"})", true);
  auto entries = f.Decrypt();
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].error == "message #1: body is not a JSON object");
  CHECK(entries[1].error == "message #2: body is not a JSON object");
  CHECK(entries[2].error.empty());
  CHECK(ComputeState(entries).status == "triage");
  // The same through the storage directly, as every CLI parser uses it.
  json::error_code ec;
  json::value v = json::parse(R"({"a":1,"abandoned key":)", ec, WipingStorage());
  CHECK(ec);
}

// Dojava 0.1.0 wrote version-1 records and rosters (retired, PROTOCOL.md
// §16): this client names them and reads nothing of them.
TEST_CASE("case view: a version-1 record or roster is unsupported_version", "[cli][case]") {
  Fixture f;
  f.Add(protocol::kKindConversation,
        R"({"type":"report","source_pk":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",)"
        R"("form":{},"text":"t","files":[]})",
        false);
  Bytes old = f.Record(protocol::kKindConversation, R"({"type":"message","text":"x"})", false);
  old[0] = 1;
  f.Push(old);
  ReadCase r = ReadRecords(f.messages, f.case_id, &f.ck, &f.nk, &*f.roster, {});
  REQUIRE(r.entries.size() == 2);
  CHECK(r.entries[0].error.empty());
  CHECK(r.entries[1].outcome == Code::kUnsupportedVersion);
  CHECK(r.entries[1].error.find("message #2") != std::string::npos);
  CHECK(r.entries[1].error.find("version-1 record") != std::string::npos);
  // A case whose report is version 1 (a 0.1.0 case) is not trusted at all.
  Fixture g;
  Bytes old_report =
      g.Record(protocol::kKindConversation,
               R"({"type":"report","source_pk":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",)"
               R"("form":{},"text":"t"})",
               false);
  old_report[0] = 1;
  g.Push(old_report);
  ReadCase gr = ReadRecords(g.messages, g.case_id, &g.ck, &g.nk, &*g.roster, {});
  CHECK(gr.entries[0].outcome == Code::kUnsupportedVersion);
  CHECK_FALSE(gr.trust.ok());
  // The roster.
  crypto::v2::Roster roster = f.roster->v2()->roster();
  Bytes bytes = *f.admin.SignRosterV2(roster);
  bytes[0] = 1;
  CHECK(VerifyAnyRoster(bytes, f.admin.public_key(), f.instance_id, std::nullopt).code() ==
        Code::kUnsupportedVersion);
}

TEST_CASE("notes events: unknown statuses and types change nothing", "[cli][case]") {
  CaseState st;
  ApplyNotesEvent(json::parse(R"({"type":"status","status":"hacked"})"), &st);
  ApplyNotesEvent(json::parse(R"({"type":"frobnicate"})"), &st);
  ApplyNotesEvent(json::parse(R"({"type":"assign","reviewer":"not-an-id"})"), &st);
  ApplyNotesEvent(json::parse(R"([1,2])"), &st);
  CHECK(st.status == "new");
  CHECK_FALSE(st.assignee);
  ApplyNotesEvent(json::parse(R"({"type":"assign","reviewer":"AAAAAAAAAAAAAAAAAAAAAA"})"), &st);
  CHECK(st.assignee);
  ApplyNotesEvent(json::parse(R"({"type":"assign","reviewer":null})"), &st);
  CHECK_FALSE(st.assignee);
}

TEST_CASE("file references: strict, and names made safe for the file system", "[cli][case]") {
  const std::string key = Base64UrlEncode(SecretBytes::Random(32).reveal());
  const std::string prefix = Base64UrlEncode(Bytes(20, 7));
  const std::string id = Base64UrlEncode(Bytes(16, 1));
  auto body = [&](uint64_t chunks, uint64_t size, const std::string& name) {
    json::value ref = {{"id", id},     {"key", key},   {"prefix", prefix},    {"chunks", chunks},
                       {"size", size}, {"name", name}, {"mime", "text/plain"}};
    json::value v = {{"type", "message"}, {"text", "t"}, {"files", json::array{ref}}};
    return payload::ParseBody(AsBytes(json::serialize(v)));
  };
  auto ok = body(1, 10, "../../etc/passwd");
  REQUIRE(ok.ok());
  REQUIRE(ok->files.size() == 1);
  CHECK(ok->files[0].name == "passwd");
  CHECK(body(2, 10, "a")->bad_files == 1);  // chunks != ChunkCount(size)
  CHECK(body(2, 524288, "a")->files.size() == 1);
  CHECK(payload::CleanFileName("..") == "file");
  CHECK(payload::CleanFileName(".bashrc") == "_.bashrc");
  CHECK(payload::CleanFileName("-rf") == "_-rf");
  CHECK(payload::CleanFileName("a\x1b[2Jb") == "a[2Jb");
  // Regression (issue 14): the CLI's own cleaner kept U+202E, which turns
  // invoice<RLO>fdp.exe into a name that reads invoiceexe.pdf, and cut a
  // two-byte letter in half at byte 200; that name became the reviewer's file.
  CHECK(payload::CleanFileName("invoice\u202efdp.exe") == "invoicefdp.exe");
  std::string long_name;
  for (int i = 0; i < 150; ++i) long_name += "\xc3\xa9";  // é
  long_name = "x" + long_name;                            // a letter straddles byte 200
  const std::string cleaned = payload::CleanFileName(long_name);
  CHECK(cleaned == long_name);  // 151 code points: under the limit, nothing cut
  CHECK(IsValidUtf8(AsBytes(cleaned)));
}

TEST_CASE("output never carries file keys", "[cli][case]") {
  CaseEntry e;
  e.body = json::parse(
      R"({"type":"message","text":"t","files":[{"id":"i","key":"K","prefix":"P","name":"n"}]})");
  const std::string out = json::serialize(BodyForOutput(e));
  CHECK(out.find("\"key\"") == std::string::npos);
  CHECK(out.find("\"prefix\"") == std::string::npos);
  CHECK(out.find("\"name\":\"n\"") != std::string::npos);
}

TEST_CASE("export escapes untrusted text", "[cli][case]") {
  CHECK(CsvField("a\"b") == "\"a\"\"b\"");
  CHECK(CsvField("=HYPERLINK(1)") == "\"'=HYPERLINK(1)\"");
  CHECK(CsvField("multi\nline") == "\"multi\nline\"");
}

TEST_CASE("message bodies are serialised without escaping non-ASCII, and bounded", "[cli][case]") {
  json::value v = {{"type", "message"}, {"text", "Tužba protiv novinara"}};
  auto s = SerializeBody(v, 1000);
  REQUIRE(s.ok());
  CHECK(s->reveal_chars().find("Tužba") != std::string::npos);
  CHECK(SerializeBody(v, 10).code() == Code::kResourceExhausted);
}

TEST_CASE("case view: nothing new is encrypted under a case that may carry a swapped key",
          "[cli][case]") {
  const std::string report =
      R"({"type":"report","source_pk":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",)"
      R"("form":{},"text":"spyware","files":[]})";
  const std::string message = R"({"type":"message","text":"hello","files":[]})";
  {  // A clean case starting with the source's report: fine.
    Fixture f;
    f.Add(protocol::kKindConversation, report, false);
    f.Add(protocol::kKindConversation, message, true);
    CHECK(CheckSafeToEncrypt(f.Decrypt()).ok());
  }
  {  // No messages at all (a server serving a fresh key of its own).
    Fixture f;
    Status st = CheckSafeToEncrypt(f.Decrypt());
    CHECK(st.code() == Code::kDecryptFailed);
    CHECK(st.message().find("message #1") != std::string::npos);
  }
  {  // Message #1 is not a report (a forged unsigned "source" message).
    Fixture f;
    f.Add(protocol::kKindConversation, message, false);
    CHECK(CheckSafeToEncrypt(f.Decrypt()).code() == Code::kDecryptFailed);
  }
  {  // Message #1 by a reviewer, not the source.
    Fixture f;
    f.Add(protocol::kKindConversation, report, true);
    CHECK(CheckSafeToEncrypt(f.Decrypt()).code() == Code::kDecryptFailed);
  }
  {  // A later message that does not open is named, and never blocks writing
     // (PROTOCOL.md §8.4: message #1 and the anchors decide).
    Fixture f;
    f.Add(protocol::kKindConversation, report, false);
    f.Add(protocol::kKindConversation, message, true);
    f.messages[1].record[120] ^= 1;
    auto entries = f.Decrypt();
    REQUIRE(entries.size() == 2);
    CHECK(entries[1].outcome == Code::kDecryptFailed);
    CHECK(CheckSafeToEncrypt(entries).ok());
  }
  {  // A reply by a reviewer removed from the roster since decrypted under this
     // key: shown as unknown author, and the case stays writable.
    Fixture f;
    f.Add(protocol::kKindConversation, report, false);
    const crypto::ReviewerKey gone = crypto::ReviewerKey::Generate();
    const crypto::Id gone_id = crypto::RandomId();
    f.Push(f.Record(protocol::kKindConversation, message, true, &gone, &gone_id));
    auto entries = f.Decrypt();
    REQUIRE(entries.size() == 2);
    CHECK_FALSE(entries[1].error.empty());
    CHECK(CheckSafeToEncrypt(entries).ok());
  }
  {  // The messages do not open under the key we hold (the key was swapped).
    Fixture f;
    f.Add(protocol::kKindConversation, report, false);
    f.ck = SecretBytes::Random(32);
    CHECK(CheckSafeToEncrypt(f.Decrypt()).code() == Code::kDecryptFailed);
  }
}

}  // namespace
}  // namespace dojava::client
