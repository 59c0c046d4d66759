// End to end on a real dojavad (tests/support DojavadInstance): the admin
// installs a version-2 roster, a source reports through the no-JavaScript
// form, a reviewer reads it with crypto::v2 over the API and replies with a
// signed v2 record, and the source comes back with the receipt, reads the
// verified reply and follows up; the reviewer checks the follow-up is signed
// by the report's key and names the reply as `prev` (PROTOCOL.md §8.3, §8.4).
#include <boost/json.hpp>
#include <catch2/catch_test_macros.hpp>
#include <fstream>
#include <iterator>
#include <regex>

#include "base/encoding.h"
#include "crypto/admin_key.h"
#include "crypto/case_order.h"
#include "crypto/key_file.h"
#include "crypto/message_v2.h"
#include "crypto/reviewer_key.h"
#include "crypto/roster_v2.h"
#include "crypto/sealed_key.h"
#include "service/store/clock.h"
#include "tests/support/dojavad_instance.h"
#include "tests/support/raw_http.h"

namespace dojava::nojs {
namespace {

namespace v2 = crypto::v2;
using http::testing::Conn;
using http::testing::RawResponse;

RawResponse Send(uint16_t port, const std::string& method, const std::string& target,
                 const std::string& body, const std::string& type, const std::string& extra = "") {
  Conn c = Conn::Tcp(port);
  REQUIRE(c.ok());
  REQUIRE(c.Send(method + " " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + type +
                 "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra + "\r\n" +
                 body));
  auto r = c.Read(std::chrono::seconds(30));
  REQUIRE(r.has_value());
  return *r;
}

boost::json::object Json(const RawResponse& r) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(r.body, ec);
  REQUIRE((!ec && v.is_object()));
  return v.as_object();
}

Bytes Unb64(boost::json::string_view s) {
  auto b = Base64UrlDecode(std::string_view(s.data(), s.size()));
  REQUIRE(b.ok());
  return std::move(b).value();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string TokenOf(const std::string& html) {
  std::smatch m;
  static const std::regex kToken("name=\"token\" value=\"([A-Za-z0-9_-]{43})\"");
  REQUIRE(std::regex_search(html, m, kToken));
  return m[1];
}

constexpr const char* kBoundary = "----dojavaE2E";
std::string Multipart(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string b;
  for (const auto& [name, value] : fields) {
    b += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name +
         "\"\r\n\r\n" + value + "\r\n";
  }
  return b + "--" + kBoundary + "--\r\n";
}

// The reviewer's side over the API: login, the case's CK, its records.
struct ReviewerClient {
  uint16_t port;
  crypto::Id instance_id;
  crypto::Id id;
  const crypto::ReviewerKey& key;
  std::string token;

  void Login() {
    const std::string rid = Base64UrlEncode(id);
    RawResponse ch = Send(port, "POST", "/api/v1/login/challenge",
                          "{\"reviewer_id\":\"" + rid + "\"}", "application/json");
    REQUIRE(ch.status == 200);
    const std::string challenge(Json(ch).at("challenge").as_string());
    auto sig = key.SignLogin(instance_id, id, Unb64(challenge));
    REQUIRE(sig.ok());
    RawResponse r = Send(port, "POST", "/api/v1/login",
                         "{\"reviewer_id\":\"" + rid + "\",\"challenge\":\"" + challenge +
                             "\",\"signature\":\"" + Base64UrlEncode(*sig) + "\"}",
                         "application/json");
    REQUIRE(r.status == 200);
    token = std::string(Json(r).at("token").as_string());
  }
  std::string Auth() const { return "Authorization: Bearer " + token + "\r\n"; }
  RawResponse Get(const std::string& target) const {
    return Send(port, "GET", target, "", "application/json", Auth());
  }
};

TEST_CASE("end to end: a v2 no-JS report, a reviewer's v2 reply, the source's signed follow-up") {
  testing::DojavadInstance inst({.admin_key_by_cli = true, .rate_limits_off = true});
  auto server = inst.Serve({"static_dir=" DOJAVA_SOURCE_DIR "/static/www"});
  const uint32_t today = static_cast<uint32_t>(service::SystemClock().Today());
  // The admin key from the CLI's key file (§5.3), and a roster v2 of Ana.
  auto opened =
      crypto::OpenKeyFile(AsBytes(ReadFile(inst.Path("admin.key"))),
                          SecretBytes::Copy(std::string_view("correct horse battery staple")));
  REQUIRE(opened.ok());
  auto admin = crypto::AdminKey::FromSeed(opened->seed);
  REQUIRE(admin.ok());
  const SecretBytes ed_seed = crypto::Kdf(opened->seed.reveal(), protocol::kLabelAdminEd25519);
  const crypto::Ed25519KeyPair admin_pair = crypto::Ed25519FromSeed(ed_seed.reveal());
  const Bytes instance_bytes = Unb64(inst.instance_id());
  crypto::Id instance_id{};
  std::copy(instance_bytes.begin(), instance_bytes.end(), instance_id.begin());
  const crypto::ReviewerKey ana_key = crypto::ReviewerKey::Generate();
  v2::Roster r;
  r.instance_id = instance_id;
  r.version = 1;
  r.expires_day = today + 30;
  v2::RosterEntry ana_entry;
  ana_entry.reviewer_id = crypto::RandomId();
  ana_entry.ed25519 = ana_key.ed25519_public();
  ana_entry.x25519 = ana_key.x25519_public();
  ana_entry.name = "Ana";
  r.entries.push_back(ana_entry);
  auto roster_bytes = v2::SignRoster(r, admin_pair.secret_key, admin->public_key());
  REQUIRE(roster_bytes.ok());
  REQUIRE(Send(inst.reviewer_port(), "PUT", "/api/v1/roster",
               "{\"roster\":\"" + Base64UrlEncode(*roster_bytes) + "\"}", "application/json")
              .status == 204);
  auto roster = v2::VerifyRoster(*roster_bytes, admin->public_key(), instance_id, today);
  REQUIRE(roster.ok());

  // The source reports through the plain form.
  const std::string multipart = "multipart/form-data; boundary=" + std::string(kBoundary);
  RawResponse sent = Send(inst.source_port(), "POST", "/plain/submit",
                          Multipart({{"lang", "en"},
                                     {"country", "RS"},
                                     {"incident", "spyware"},
                                     {"when", ""},
                                     {"responsible", "state"},
                                     {"title", "Phone infected"},
                                     {"text", "It started in May."}}),
                          multipart);
  REQUIRE(sent.status == 201);
  std::smatch m;
  REQUIRE(std::regex_search(sent.body, m,
                            std::regex("id=\"receipt-value\" translate=\"no\">([0-9-]{34})<")));
  const std::string receipt = m[1];

  // Ana reads it as a v2 client and replies.
  ReviewerClient ana{inst.reviewer_port(), instance_id, ana_entry.reviewer_id, ana_key, ""};
  ana.Login();
  RawResponse cases = ana.Get("/api/v1/cases");
  REQUIRE(cases.status == 200);
  const boost::json::object cases_json = Json(cases);
  const auto& list = cases_json.at("cases").as_array();
  REQUIRE(list.size() == 1);
  const std::string case_b64(list[0].as_object().at("case_id").as_string());
  const Bytes case_bytes = Unb64(case_b64);
  crypto::Id case_id{};
  std::copy(case_bytes.begin(), case_bytes.end(), case_id.begin());
  RawResponse got = ana.Get("/api/v1/cases/" + case_b64);
  REQUIRE(got.status == 200);
  SecretBytes ck;
  const boost::json::object case_json = Json(got);
  for (const auto& k : case_json.at("keys").as_array()) {
    if (k.as_object().at("recipient").as_string() != Base64UrlEncode(ana.id)) continue;
    auto opened_ck =
        crypto::OpenSealedKey(Unb64(k.as_object().at("sealed").as_string()), protocol::kRoleCaseKey,
                              case_id, ana_key.x25519_secret(), ana_key.x25519_public());
    REQUIRE(opened_ck.ok());
    ck = std::move(opened_ck).value();
  }
  REQUIRE(ck.size() == protocol::kKeySize);
  auto records = [&] {
    RawResponse msgs = ana.Get("/api/v1/cases/" + case_b64 + "/messages");
    REQUIRE(msgs.status == 200);
    std::vector<v2::OpenedMessage> out;
    const boost::json::object page_json = Json(msgs);
    for (const auto& msg : page_json.at("messages").as_array()) {
      auto o = v2::DecryptMessage(Unb64(msg.as_object().at("record").as_string()), case_id,
                                  v2::CaseKeys{&ck, nullptr}, *roster);
      REQUIRE(o.ok());
      out.push_back(std::move(o).value());
    }
    return out;
  };
  std::vector<v2::OpenedMessage> seen = records();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].author == protocol::kAuthorSource);
  CHECK(std::string(seen[0].body.reveal_chars()).find("Phone infected") != std::string::npos);
  const crypto::ReviewerSigner rs = ana_key.Signer(ana.id);
  v2::Signer signer;
  signer.author = protocol::kAuthorReviewer;
  signer.reviewer_id = ana.id;
  signer.secret_key = rs.ed25519_secret;
  const std::string reply_body =
      "{\"type\":\"message\",\"text\":\"Thank you, Ana here\",\"files\":[]}";
  auto reply = v2::EncryptMessage(ck, protocol::kKindConversation, case_id, crypto::RandomId(),
                                  AsBytes(reply_body), signer,
                                  v2::EventContext{1, today, seen[0].event_hash});
  REQUIRE(reply.ok());
  REQUIRE(Send(inst.reviewer_port(), "POST", "/api/v1/cases/" + case_b64 + "/messages",
               "{\"message\":\"" + Base64UrlEncode(*reply) + "\"}", "application/json", ana.Auth())
              .status == 201);

  // The source returns, reads the verified reply, and follows up.
  RawResponse page = Send(inst.source_port(), "POST", "/plain/return", "lang=en&receipt=" + receipt,
                          "application/x-www-form-urlencoded");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("Reviewer: Ana") != std::string::npos);
  CHECK(page.body.find("Thank you, Ana here") != std::string::npos);
  CHECK(page.body.find("data-outcome") == std::string::npos);
  RawResponse followed =
      Send(inst.source_port(), "POST", "/plain/reply",
           Multipart({{"token", TokenOf(page.body)}, {"lang", "en"}, {"text", "More detail"}}),
           multipart);
  REQUIRE(followed.status == 200);
  CHECK(followed.body.find("More detail") != std::string::npos);
  seen = records();
  REQUIRE(seen.size() == 3);
  CHECK(seen[2].author == protocol::kAuthorSource);
  CHECK(seen[2].source_public == seen[0].source_public);
  CHECK(seen[2].context.prev == seen[1].event_hash);
  std::vector<v2::ListedRecord> listing;
  for (const auto& o : seen) listing.push_back(v2::ListedRecord{o.event_hash, &o});
  const v2::CaseOrderReport order = v2::CheckCaseOrder(listing, *roster, {});
  CHECK(order.case_status.ok());
  for (const Status& s : order.records) CHECK(s.ok());
}

}  // namespace
}  // namespace dojava::nojs
