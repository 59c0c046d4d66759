// The no-JavaScript pages and protocol version 2 (crypto/PROTOCOL.md §6,
// §8, §12.5): the return page reads v2 cases — reviewers' replies verified
// against the roster (retired entries included), the source's records
// against the receipt's signing key, the order of crypto::v2 CheckCaseOrder
// — names every record that does not open or verify, and refuses to write
// into a case whose message #1 is not this receipt's report. Rosters of
// either version are verified before sealing; an expired v2 roster is not
// sealed to. The reviewer side is built with crypto::v2 as a client would.
#include <catch2/catch_test_macros.hpp>
#include <regex>

#include "crypto/case_order.h"
#include "crypto/message_v2.h"
#include "crypto/rekey.h"
#include "crypto/roster_v2.h"
#include "crypto/sealed_key.h"
#include "crypto/source_key_wrap.h"
#include "crypto/statement_envelope.h"
#include "service/nojs/nojs_pages.h"
#include "service/nojs/page_roster.h"
#include "tests/support/api_harness.h"

namespace dojava::nojs {
namespace {

namespace v2 = crypto::v2;
using api::testing::Harness;
using api::testing::kSource;
using api::testing::Reviewer;
using http::HttpResponse;

constexpr const char* kBoundary = "----dojavaV2Boundary";

std::string Multipart(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string b;
  for (const auto& [name, value] : fields) {
    b += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name +
         "\"\r\n\r\n" + value + "\r\n";
  }
  return b + "--" + kBoundary + "--\r\n";
}

api::testing::Options ContentType(const std::string& type) {
  api::testing::Options o;
  o.content_type = type;
  return o;
}

const std::string kReport =
    "{\"type\":\"report\",\"form\":{\"country\":\"RS\",\"incident\":\"spyware\",\"when\":\"\","
    "\"responsible\":\"state\",\"title\":\"Phone infected\"},\"text\":\"It started in May.\","
    "\"files\":[]}";

std::string Message(const std::string& text) {
  return "{\"type\":\"message\",\"text\":\"" + text + "\",\"files\":[]}";
}

// A source's case as a v2 client (the JS page, `dojava submit`) makes it.
struct SourceCase {
  std::string receipt;
  crypto::Id case_id{};
  SecretBytes ck;
  crypto::ReceiptKeys keys;
  crypto::Ed25519KeyPair sign;
};

class V2Harness {
 public:
  V2Harness()
      : h_({}, 0,
           [this](http::Router* router, service::Store* store,
                  std::shared_ptr<api::CaseIntake> intake) {
             http::HttpConfig http;
             http.static_dir = std::string(DOJAVA_SOURCE_DIR) + "/static/www";
             auto added = AddNojsRoutes(router, store, std::move(intake), NojsOptions{},
                                        api::ApiOptions{}, http);
             REQUIRE(added.ok());
             pages_ = std::move(added).value();
           }) {
    ana_.name = "Ana";
    bob_.name = "Bob";
    InstallRoster(1, 0);
  }

  Harness& h() { return h_; }
  const Reviewer& ana() const { return ana_; }
  const Reviewer& bob() const { return bob_; }
  uint64_t roster_version() const { return roster_version_; }

  // Signs roster `version` of Ana and Bob (Bob retired from `bob_retired_at`
  // if not 0), chained to the previous one, and installs it with
  // PUT /api/v1/roster.
  void InstallRoster(uint64_t version, uint64_t bob_retired_at) {
    const Bytes roster =
        h_.SignRosterV2({ana_.EntryV2(), bob_.EntryV2(bob_retired_at)}, version, previous_roster_);
    REQUIRE(h_.PutRoster(roster).status == 204);
    previous_roster_ = roster;
    roster_version_ = version;
  }

  // The store's day: the server's, as the pages and the API see it.
  uint32_t Today() { return static_cast<uint32_t>(h_.day_clock().Today()); }

  // A case whose report is signed with the receipt's key, or with `as`;
  // `version`: the report's version byte as stored.
  SourceCase NewCase(const std::string& report = kReport,
                     const crypto::Ed25519KeyPair* as = nullptr, uint8_t version = 2) {
    SourceCase c;
    crypto::Receipt receipt = crypto::Receipt::Generate();
    c.receipt = std::string(receipt.Formatted().reveal_chars());
    auto rk = crypto::DeriveReceiptKeys(receipt, h_.settings().salt);
    REQUIRE(rk.ok());
    c.keys = std::move(rk).value();
    c.sign = crypto::Ed25519FromSeed(c.keys.source_sign_seed.reveal());
    c.case_id = crypto::RandomId();
    c.ck = SecretBytes::Random(protocol::kKeySize);
    service::NewCase n;
    n.case_id = c.case_id;
    const Bytes hash = crypto::LookupHash(c.keys.lookup_key.reveal());
    std::copy(hash.begin(), hash.end(), n.lookup_hash.begin());
    n.source_public_key = c.keys.source_public;
    auto wrapped =
        crypto::WrapSourceKey(c.ck, protocol::kRoleCaseKey, c.case_id, c.keys.source_wrap);
    REQUIRE(wrapped.ok());
    service::SealedKey source{std::nullopt, service::Role::kCaseKey, {}};
    std::copy(wrapped->begin(), wrapped->end(), source.sealed.begin());
    n.keys.push_back(source);
    for (const Reviewer* who : {&ana_, &bob_}) {
      auto sealed =
          crypto::SealKey(c.ck, protocol::kRoleCaseKey, c.case_id, who->key.x25519_public());
      REQUIRE(sealed.ok());
      service::SealedKey k{who->id, service::Role::kCaseKey, {}};
      std::copy(sealed->begin(), sealed->end(), k.sealed.begin());
      n.keys.push_back(k);
    }
    // §11.1: a report names the receipt's source_pk (kReport and the like
    // get it here; a test that wants another writes the member itself).
    std::string body = report;
    const std::string report_start = "{\"type\":\"report\",";
    if (body.rfind(report_start, 0) == 0 && body.find("\"source_pk\"") == std::string::npos) {
      body.insert(report_start.size(),
                  "\"source_pk\":\"" + Base64UrlEncode(c.keys.source_public) + "\",");
    }
    n.first_message = SourceRecord(c, body, v2::Digest{}, as);
    n.first_message[0] = version;
    REQUIRE(h_.store().CreateCase(n).ok());
    return c;
  }

  Bytes SourceRecord(const SourceCase& c, const std::string& body, const v2::Digest& prev,
                     const crypto::Ed25519KeyPair* as = nullptr) {
    const crypto::Ed25519KeyPair& key = as ? *as : c.sign;
    v2::Signer signer;
    signer.author = protocol::kAuthorSource;
    signer.source_public = key.public_key;
    signer.secret_key = &key.secret_key;
    auto record =
        v2::EncryptMessage(c.ck, protocol::kKindConversation, c.case_id, crypto::RandomId(),
                           AsBytes(body), signer, v2::EventContext{roster_version_, Today(), prev});
    REQUIRE(record.ok());
    return std::move(record).value();
  }

  Bytes ReviewerRecord(const Reviewer& who, const SecretBytes& key, const crypto::Id& case_id,
                       const std::string& body, const v2::Digest& prev, uint64_t roster_version) {
    const crypto::ReviewerSigner rs = who.key.Signer(who.id);
    v2::Signer signer;
    signer.author = protocol::kAuthorReviewer;
    signer.reviewer_id = who.id;
    signer.secret_key = rs.ed25519_secret;
    auto record =
        v2::EncryptMessage(key, protocol::kKindConversation, case_id, crypto::RandomId(),
                           AsBytes(body), signer, v2::EventContext{roster_version, Today(), prev});
    REQUIRE(record.ok());
    return std::move(record).value();
  }

  // Appends a record straight into the store (a server writing what it
  // likes); its event hash.
  v2::Digest Append(const crypto::Id& case_id, const Bytes& record) {
    REQUIRE(h_.store().AppendMessage(case_id, record, {}).ok());
    return v2::EventHash(record);
  }

  // Posts a reviewer's record through POST /api/v1/cases/{id}/messages with
  // their token; its event hash.
  v2::Digest Post(const Reviewer& who, const crypto::Id& case_id, const Bytes& record) {
    const std::string token = h_.Login(who);
    HttpResponse r = h_.Post(
        api::testing::kReviewer, "/api/v1/cases/" + api::testing::B64(case_id) + "/messages",
        "{\"message\":\"" + api::testing::B64(record) + "\"}", Harness::Bearer(token));
    REQUIRE(r.status == 201);
    return v2::EventHash(record);
  }

  // The event hash of message #1 of the case.
  v2::Digest ReportHash(const SourceCase& c) {
    auto first = h_.store().ListMessages(c.case_id, 0, 1, 1 << 20);
    REQUIRE(first.ok());
    REQUIRE(first->size() == 1);
    return v2::EventHash(first->front().record);
  }

  HttpResponse Open(const std::string& receipt) {
    return h_.Post(kSource, "/plain/return", "lang=en&receipt=" + receipt,
                   ContentType("application/x-www-form-urlencoded"));
  }

 private:
  std::shared_ptr<NojsPages> pages_;
  Reviewer ana_;
  Reviewer bob_;
  Bytes previous_roster_;
  uint64_t roster_version_ = 0;
  Harness h_;
};

std::string TokenOf(const HttpResponse& r) {
  std::smatch m;
  static const std::regex kToken("name=\"token\" value=\"([A-Za-z0-9_-]{43})\"");
  REQUIRE(std::regex_search(r.body, m, kToken));
  return m[1];
}

// The outcome a page names for message `seq`, "" if the message is shown.
std::string OutcomeOf(const HttpResponse& page, uint64_t seq) {
  std::smatch m;
  const std::regex item("<li class=\"message[^\"]*\" id=\"m" + std::to_string(seq) +
                        "\"( data-outcome=\"([a-z_]+)\")?>");
  REQUIRE(std::regex_search(page.body, m, item));
  return m[2];
}

HttpResponse Reply(V2Harness& p, const HttpResponse& page, const std::string& text) {
  return p.h().Post(kSource, "/plain/reply",
                    Multipart({{"token", TokenOf(page)}, {"lang", "en"}, {"text", text}}),
                    ContentType(std::string("multipart/form-data; boundary=") + kBoundary));
}

TEST_CASE("v2 return page: a reviewer's v2 reply is shown, verified against the roster") {
  V2Harness p;
  const SourceCase c = p.NewCase();
  const v2::Digest report = p.ReportHash(c);
  p.Post(
      p.ana(), c.case_id,
      p.ReviewerRecord(p.ana(), c.ck, c.case_id, Message("Thank you <b>for</b> this"), report, 1));
  HttpResponse page = p.Open(c.receipt);
  REQUIRE(page.status == 200);
  CHECK(OutcomeOf(page, 1).empty());
  CHECK(OutcomeOf(page, 2).empty());
  CHECK(page.body.find("Phone infected") != std::string::npos);
  CHECK(page.body.find("Reviewer: Ana") != std::string::npos);
  CHECK(page.body.find("Thank you &lt;b&gt;for&lt;/b&gt; this") != std::string::npos);
  CHECK(page.body.find("id=\"plain-untrusted\"") == std::string::npos);
}

TEST_CASE("v2 return page: reordered, wrong-key, foreign-source and back-dated records are named") {
  V2Harness p;
  const SourceCase c = p.NewCase();
  const v2::Digest report = p.ReportHash(c);
  // #2: names a record that is not listed before it (the server moved it
  // up, or withholds what its writer saw).
  v2::Digest unseen{};
  unseen.fill(7);
  p.Post(p.ana(), c.case_id,
         p.ReviewerRecord(p.ana(), c.ck, c.case_id, Message("moved"), unseen, 1));
  // #3: written under another case key.
  const SecretBytes other = SecretBytes::Random(protocol::kKeySize);
  p.Post(p.ana(), c.case_id,
         p.ReviewerRecord(p.ana(), other, c.case_id, Message("other key"), report, 1));
  // #4: "from the source", but signed with a key this receipt does not give.
  const crypto::Ed25519KeyPair stranger = crypto::Ed25519FromSeed(SecretBytes::Random(32).reveal());
  p.Append(c.case_id, p.SourceRecord(c, Message("not me"), report, &stranger));
  // Bob is retired from roster 2 on; Ana writes under roster 2 (#5), then
  // Bob back-dates an event to roster 1 (#6).
  p.InstallRoster(2, 2);
  const v2::Digest five =
      p.Post(p.ana(), c.case_id,
             p.ReviewerRecord(p.ana(), c.ck, c.case_id, Message("still here"), report, 2));
  p.Append(c.case_id, p.ReviewerRecord(p.bob(), c.ck, c.case_id, Message("back-dated"), five, 1));

  HttpResponse page = p.Open(c.receipt);
  REQUIRE(page.status == 200);
  CHECK(OutcomeOf(page, 1).empty());
  CHECK(OutcomeOf(page, 2) == "reordered");
  CHECK(OutcomeOf(page, 3) == "wrong_key");
  CHECK(OutcomeOf(page, 4) == "unknown_author");
  CHECK(OutcomeOf(page, 5).empty());
  CHECK(OutcomeOf(page, 6) == "retired_author");
  for (const char* hidden : {"moved", "other key", "not me", "back-dated"}) {
    CHECK(page.body.find(hidden) == std::string::npos);
  }
  CHECK(page.body.find("still here") != std::string::npos);
  CHECK(page.body.find("id=\"plain-untrusted\"") == std::string::npos);
}

TEST_CASE(
    "v2 return page: a case whose message #1 is not this receipt's report is not written to") {
  V2Harness p;
  SECTION("#1 signed by another source key") {
    const crypto::Ed25519KeyPair stranger =
        crypto::Ed25519FromSeed(SecretBytes::Random(32).reveal());
    const SourceCase c = p.NewCase(kReport, &stranger);
    HttpResponse page = p.Open(c.receipt);
    REQUIRE(page.status == 200);
    CHECK(OutcomeOf(page, 1) == "unknown_author");
    CHECK(page.body.find("id=\"plain-untrusted\"") != std::string::npos);
    HttpResponse sent = Reply(p, page, "More detail");
    CHECK(sent.status == 409);
    CHECK(p.h().store().ListMessages(c.case_id, 0, 10, 1 << 20)->size() == 1);
  }
  SECTION("#1 a message, not a report") {
    const SourceCase c = p.NewCase(Message("hello"));
    HttpResponse page = p.Open(c.receipt);
    REQUIRE(page.status == 200);
    CHECK(page.body.find("id=\"plain-untrusted\" data-outcome=\"malformed\"") != std::string::npos);
    CHECK(Reply(p, page, "More detail").status == 409);
  }
  SECTION("#1 a report without source_pk (§11.1)") {
    const SourceCase c = p.NewCase(
        "{\"type\":\"report\",\"source_pk\":null,\"form\":{},\"text\":\"x\",\"files\":[]}");
    HttpResponse page = p.Open(c.receipt);
    REQUIRE(page.status == 200);
    CHECK(page.body.find("id=\"plain-untrusted\" data-outcome=\"malformed\"") != std::string::npos);
    CHECK(Reply(p, page, "More detail").status == 409);
  }
  SECTION("#1 a report naming another source key than the receipt's (§11.1, §12.3)") {
    const crypto::X25519Public other = crypto::X25519Base(SecretBytes::Random(32).reveal());
    const SourceCase c =
        p.NewCase("{\"type\":\"report\",\"source_pk\":\"" + Base64UrlEncode(other) +
                  "\",\"form\":{},\"text\":\"x\",\"files\":[]}");
    HttpResponse page = p.Open(c.receipt);
    REQUIRE(page.status == 200);
    CHECK(page.body.find("id=\"plain-untrusted\" data-outcome=\"wrong_key\"") != std::string::npos);
    CHECK(Reply(p, page, "More detail").status == 409);
  }
}

// Dojava 0.1.0 wrote version-1 records (retired, PROTOCOL.md §16): the page
// names one as unsupported_version and shows nothing of it; a case whose
// report is version 1 is not written to.
TEST_CASE("v2 return page: a version-1 record is unsupported_version") {
  V2Harness p;
  const SourceCase c = p.NewCase();
  const v2::Digest report = p.ReportHash(c);
  Bytes old = p.ReviewerRecord(p.ana(), c.ck, c.case_id, Message("from 0.1.0"), report, 1);
  old[0] = 1;
  p.Append(c.case_id, old);
  HttpResponse page = p.Open(c.receipt);
  REQUIRE(page.status == 200);
  CHECK(OutcomeOf(page, 1).empty());
  CHECK(OutcomeOf(page, 2) == "unsupported_version");
  CHECK(page.body.find("from 0.1.0") == std::string::npos);
  CHECK(page.body.find("id=\"plain-untrusted\"") == std::string::npos);
  CHECK(Reply(p, page, "More detail").status != 409);

  // A case 0.1.0 wrote: its report is version 1.
  const SourceCase d = p.NewCase(kReport, nullptr, 1);
  HttpResponse old_case = p.Open(d.receipt);
  REQUIRE(old_case.status == 200);
  CHECK(OutcomeOf(old_case, 1) == "unsupported_version");
  CHECK(old_case.body.find("id=\"plain-untrusted\"") != std::string::npos);
  CHECK(Reply(p, old_case, "More detail").status == 409);
  CHECK(p.h().store().ListMessages(d.case_id, 0, 10, 1 << 20)->size() == 1);
}

// The one-time token of a fresh report form (GET /plain).
std::string FormToken(V2Harness& p) {
  HttpResponse form = p.h().Get(kSource, "/plain?lang=en");
  REQUIRE(form.status == 200);
  std::smatch m;
  static const std::regex kToken("name=\"form_token\" value=\"([A-Za-z0-9_-]{43})\"");
  REQUIRE(std::regex_search(form.body, m, kToken));
  return m[1];
}

// A report sent as a browser sends it: under a fresh form's token, the 303
// followed to the receipt page (or the refusal as it is).
HttpResponse Submit(V2Harness& p) {
  const std::string form = Multipart({{"lang", "en"},
                                      {"form_token", FormToken(p)},
                                      {"country", "RS"},
                                      {"incident", "spyware"},
                                      {"when", ""},
                                      {"responsible", "state"},
                                      {"title", "Phone infected"},
                                      {"text", "It started in May."}});
  HttpResponse sent =
      p.h().Post(kSource, "/plain/submit", form,
                 ContentType(std::string("multipart/form-data; boundary=") + kBoundary));
  if (sent.status != 303) return sent;
  for (const auto& [name, value] : sent.headers) {
    if (name == "Location") return p.h().Get(kSource, value);
  }
  FAIL("a 303 without Location");
  return sent;
}

// The case of a receipt shown on a receipt page, found as a client would.
struct Found {
  std::string receipt;
  crypto::Id case_id{};
  crypto::Ed25519Public source_sign{};
};
Found FindCase(V2Harness& p, const HttpResponse& receipt_page) {
  std::smatch m;
  static const std::regex kReceipt("id=\"receipt-value\" translate=\"no\">([0-9-]{34})<");
  REQUIRE(std::regex_search(receipt_page.body, m, kReceipt));
  Found f;
  f.receipt = m[1];
  auto parsed = crypto::Receipt::Parse(f.receipt);
  REQUIRE(parsed.ok());
  auto rk = crypto::DeriveReceiptKeys(*parsed, p.h().settings().salt);
  REQUIRE(rk.ok());
  f.source_sign = crypto::Ed25519FromSeed(rk->source_sign_seed.reveal()).public_key;
  const Bytes hash = crypto::LookupHash(rk->lookup_key.reveal());
  service::LookupHash lookup{};
  std::copy(hash.begin(), hash.end(), lookup.begin());
  auto info = p.h().store().FindCaseByLookupHash(lookup);
  REQUIRE(info.ok());
  f.case_id = info->case_id;
  return f;
}

// Reviewer `who` reads the case as a v2 client: opens its CK, every record
// with crypto::v2, and the order of the listing.
struct ReviewerView {
  SecretBytes ck;
  std::vector<v2::OpenedMessage> opened;
  v2::CaseOrderReport order;
};
ReviewerView ReadAsReviewer(V2Harness& p, const Reviewer& who, const crypto::Id& case_id,
                            const v2::VerifiedRoster& roster) {
  ReviewerView view;
  auto keys = p.h().store().GetSealedKeys(case_id);
  REQUIRE(keys.ok());
  for (const auto& k : *keys) {
    if (k.reviewer && *k.reviewer == who.id) {
      auto ck = crypto::OpenSealedKey(k.sealed, protocol::kRoleCaseKey, case_id,
                                      who.key.x25519_secret(), who.key.x25519_public());
      REQUIRE(ck.ok());
      view.ck = std::move(ck).value();
    }
  }
  REQUIRE(view.ck.size() == protocol::kKeySize);
  auto records = p.h().store().ListMessages(case_id, 0, 100, 1 << 24);
  REQUIRE(records.ok());
  view.opened.reserve(records->size());
  std::vector<v2::ListedRecord> listing;
  for (const service::Message& m : *records) {
    auto opened = v2::DecryptMessage(m.record, case_id, v2::CaseKeys{&view.ck, nullptr}, roster);
    INFO(opened.status().ToString());
    REQUIRE(opened.ok());
    view.opened.push_back(std::move(opened).value());
    listing.push_back(v2::ListedRecord{v2::EventHash(m.record), &view.opened.back()});
  }
  view.order = v2::CheckCaseOrder(listing, roster, {});
  return view;
}

TEST_CASE(
    "v2 no-JS submit and follow-up: signed v2 records a v2 reviewer reads, sealed to active "
    "reviewers only") {
  V2Harness p;
  p.InstallRoster(2, 2);  // Bob retired
  HttpResponse sent = Submit(p);
  REQUIRE(sent.status == 200);  // the receipt page, after the 303
  const Found f = FindCase(p, sent);
  auto keys = p.h().store().GetSealedKeys(f.case_id);
  REQUIRE(keys.ok());
  CHECK(keys->size() == 2);  // the source's and Ana's: never the retired Bob's
  for (const auto& k : *keys) CHECK((!k.reviewer || *k.reviewer == p.ana().id));

  auto roster = PageRoster::Load(&p.h().store(), true);
  REQUIRE(roster.ok());
  REQUIRE(roster->v2() != nullptr);
  {
    ReviewerView ana = ReadAsReviewer(p, p.ana(), f.case_id, *roster->v2());
    REQUIRE(ana.opened.size() == 1);
    const v2::OpenedMessage& report = ana.opened[0];
    CHECK(report.author == protocol::kAuthorSource);
    CHECK(report.source_public == f.source_sign);  // the receipt's key (§4.3)
    CHECK(report.context.roster_version == 2);
    CHECK(report.context.day == p.Today());
    CHECK(report.context.prev == v2::Digest{});
    CHECK(ana.order.case_status.ok());
    CHECK(std::string(report.body.reveal_chars()).find("\"type\":\"report\"") != std::string::npos);
  }
  // The source comes back, reads its report, and follows up.
  HttpResponse page = p.Open(f.receipt);
  REQUIRE(page.status == 200);
  CHECK(OutcomeOf(page, 1).empty());
  CHECK(page.body.find("Phone infected") != std::string::npos);
  HttpResponse followed = Reply(p, page, "More detail");
  REQUIRE(followed.status == 200);
  CHECK(OutcomeOf(followed, 2).empty());
  CHECK(followed.body.find("More detail") != std::string::npos);
  ReviewerView ana = ReadAsReviewer(p, p.ana(), f.case_id, *roster->v2());
  REQUIRE(ana.opened.size() == 2);
  CHECK(ana.opened[1].source_public == f.source_sign);
  CHECK(ana.opened[1].context.prev == ana.opened[0].event_hash);
  CHECK(ana.order.case_status.ok());
  for (const Status& s : ana.order.records) CHECK(s.ok());
}

TEST_CASE("v2: a record that does not open is named and does not block a reply") {
  V2Harness p;
  const SourceCase c = p.NewCase();
  const v2::Digest report = p.ReportHash(c);
  const v2::Digest two = p.Post(
      p.ana(), c.case_id, p.ReviewerRecord(p.ana(), c.ck, c.case_id, Message("hello"), report, 1));
  const SecretBytes other = SecretBytes::Random(protocol::kKeySize);
  p.Post(p.ana(), c.case_id, p.ReviewerRecord(p.ana(), other, c.case_id, Message("junk"), two, 1));
  HttpResponse page = p.Open(c.receipt);
  REQUIRE(page.status == 200);
  CHECK(OutcomeOf(page, 3) == "wrong_key");
  HttpResponse followed = Reply(p, page, "Still here");
  REQUIRE(followed.status == 200);
  CHECK(OutcomeOf(followed, 4).empty());
  // The follow-up names the last record the source accepted, not the junk.
  auto records = p.h().store().ListMessages(c.case_id, 3, 1, 1 << 20);
  REQUIRE(records.ok());
  REQUIRE(records->size() == 1);
  auto roster = PageRoster::Load(&p.h().store(), true);
  REQUIRE(roster.ok());
  auto opened = v2::DecryptMessage(records->front().record, c.case_id, v2::CaseKeys{&c.ck, nullptr},
                                   *roster->v2());
  REQUIRE(opened.ok());
  CHECK(opened->context.prev == two);
  CHECK(opened->source_public == c.sign.public_key);
}

TEST_CASE(
    "v2: a signed re-key moves the source to CK'; an unsigned key for the source is not used") {
  V2Harness p;
  const SourceCase c = p.NewCase();
  const v2::Digest report = p.ReportHash(c);
  // Ana re-keys the case (§7.3): CK' sealed to the stored source_pk, and to
  // her, with her signed statement.
  const SecretBytes ck2 = SecretBytes::Random(protocol::kKeySize);
  auto source_seal = crypto::SealKey(ck2, protocol::kRoleCaseKey, c.case_id, c.keys.source_public);
  REQUIRE(source_seal.ok());
  const crypto::ReviewerSigner ana = p.ana().key.Signer(p.ana().id);
  auto statement =
      v2::MakeRekey(c.case_id, p.ana().id, c.ck, ck2, *source_seal, 1, *ana.ed25519_secret);
  REQUIRE(statement.ok());
  auto sealed =
      crypto::SealKey(ck2, protocol::kRoleCaseKey, c.case_id, p.ana().key.x25519_public());
  REQUIRE(sealed.ok());
  service::SealedKey ana_key{p.ana().id, service::Role::kCaseKey, {}};
  std::copy(sealed->begin(), sealed->end(), ana_key.sealed.begin());
  // Stored only as its envelope (§7.4), sealed under the CK it moves from.
  auto seal = [&](const SecretBytes& under, ByteView s) {
    auto e = v2::SealStatement(under, protocol::kStatementRekey, c.case_id, s);
    REQUIRE(e.ok());
    return std::move(e).value();
  };
  SECTION("signed: records under CK' open, and the follow-up is written under CK'") {
    REQUIRE(
        p.h().store().AddRekey(c.case_id, seal(c.ck, *statement), {ana_key}, std::nullopt).ok());
    p.Post(p.ana(), c.case_id,
           p.ReviewerRecord(p.ana(), ck2, c.case_id, Message("under the new key"), report, 1));
    HttpResponse page = p.Open(c.receipt);
    REQUIRE(page.status == 200);
    CHECK(OutcomeOf(page, 2).empty());
    CHECK(page.body.find("under the new key") != std::string::npos);
    REQUIRE(Reply(p, page, "After the re-key").status == 200);
    auto records = p.h().store().ListMessages(c.case_id, 2, 1, 1 << 20);
    REQUIRE(records.ok());
    REQUIRE(records->size() == 1);
    auto header = v2::ParseMessageHeader(records->front().record);
    REQUIRE(header.ok());
    CHECK(header->key_commitment == v2::KeyCommitment(ck2));
  }
  SECTION("an envelope that does not open is ignored; the next generation still applies") {
    // Generation 1: junk sealed under a key the source does not hold.
    REQUIRE(p.h()
                .store()
                .AddRekey(c.case_id, seal(SecretBytes::Random(protocol::kKeySize), *statement),
                          {ana_key}, std::nullopt)
                .ok());
    REQUIRE(
        p.h().store().AddRekey(c.case_id, seal(c.ck, *statement), {ana_key}, std::nullopt).ok());
    p.Post(p.ana(), c.case_id,
           p.ReviewerRecord(p.ana(), ck2, c.case_id, Message("under the new key"), report, 1));
    HttpResponse page = p.Open(c.receipt);
    REQUIRE(page.status == 200);
    CHECK(OutcomeOf(page, 2).empty());
    CHECK(page.body.find("under the new key") != std::string::npos);
  }
  SECTION("a statement signed by nobody on the roster: CK' is not taken") {
    Reviewer stranger;
    stranger.name = "Mallory";
    const crypto::ReviewerSigner m = stranger.key.Signer(stranger.id);
    auto forged =
        v2::MakeRekey(c.case_id, stranger.id, c.ck, ck2, *source_seal, 1, *m.ed25519_secret);
    REQUIRE(forged.ok());
    REQUIRE(p.h().store().AddRekey(c.case_id, seal(c.ck, *forged), {ana_key}, std::nullopt).ok());
    p.Post(p.ana(), c.case_id,
           p.ReviewerRecord(p.ana(), ck2, c.case_id, Message("under the new key"), report, 1));
    HttpResponse page = p.Open(c.receipt);
    REQUIRE(page.status == 200);
    CHECK(OutcomeOf(page, 2) == "wrong_key");
    REQUIRE(Reply(p, page, "Still under CK").status == 200);
    auto records = p.h().store().ListMessages(c.case_id, 2, 1, 1 << 20);
    REQUIRE(records.ok());
    auto header = v2::ParseMessageHeader(records->front().record);
    REQUIRE(header.ok());
    CHECK(header->key_commitment == v2::KeyCommitment(c.ck));
  }
}

TEST_CASE("v2 rosters: verified before sealing; an expired one is not sealed to but still reads") {
  V2Harness p;
  const SourceCase c = p.NewCase();
  p.h().day_clock().Advance(31);  // the roster expired yesterday
  const std::string form = Multipart({{"lang", "en"},
                                      {"form_token", FormToken(p)},
                                      {"country", "RS"},
                                      {"incident", "spyware"},
                                      {"when", ""},
                                      {"responsible", "state"},
                                      {"title", "t"},
                                      {"text", "x"}});
  HttpResponse sent =
      p.h().Post(kSource, "/plain/submit", form,
                 ContentType(std::string("multipart/form-data; boundary=") + kBoundary));
  CHECK(sent.status == 503);
  HttpResponse page = p.Open(c.receipt);
  REQUIRE(page.status == 200);
  CHECK(OutcomeOf(page, 1).empty());
  CHECK(page.body.find("Phone infected") != std::string::npos);
}

}  // namespace
}  // namespace dojava::nojs
