#include "tests/hostile/newsroom.h"

#include <signal.h>

#include <boost/json.hpp>
#include <catch2/catch_test_macros.hpp>
#include <ctime>

#include "base/encoding.h"
#include "crypto/key_file.h"
#include "tests/hostile/api_json.h"
#include "tests/support/raw_requests.h"

namespace dojava::hostile {
namespace {

namespace json = boost::json;
constexpr const char* kPassphrase = "correct horse battery staple";

SecretBytes OpenSeed(const std::string& key_file) {
  auto bytes = crypto::ReadKeyFile(key_file);
  REQUIRE(bytes.ok());
  auto opened = crypto::OpenKeyFile(*bytes, SecretBytes::Copy(std::string_view(kPassphrase)));
  REQUIRE(opened.ok());
  return std::move(opened->seed);
}

}  // namespace

uint32_t Today() { return static_cast<uint32_t>(std::time(nullptr) / 86400); }

std::string Describe(const ProcessResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\nstdout: " + r.out + "\nstderr: " + r.err;
}

Newsroom::Newsroom()
    : inst_({.name = "Hostile Newsroom", .admin_key_by_cli = true, .rate_limits_off = true}) {
  server_ = inst_.Serve();
  reviewer_proxy_ = std::make_unique<HostileProxy>(inst_.reviewer_port());
  source_proxy_ = std::make_unique<HostileProxy>(inst_.source_port());
}

Newsroom::~Newsroom() {
  reviewer_proxy_.reset();
  source_proxy_.reset();
  if (server_) {
    server_->Signal(SIGTERM);
    server_->Wait();
  }
}

void Newsroom::AddReviewer(const std::string& name) { inst_.AddReviewer(name); }

void Newsroom::RemoveReviewer(const std::string& name) {
  const ProcessResult r =
      inst_.Cli({"roster", "remove", "--name", name, "--server", inst_.ReviewerUrl(), "--state-dir",
                 inst_.Path("state-admin"), "--admin-key", inst_.Path("admin.key"),
                 "--passphrase-file", inst_.Path("pass")});
  INFO(Describe(r));
  REQUIRE(r.exit_code == 0);
}

std::vector<std::string> Newsroom::ReviewerArgs(const std::string& name, bool fingerprint) const {
  std::vector<std::string> a = {
      "--server",          reviewer_proxy_->url(), "--key-file",  inst_.Path(name + ".key"),
      "--passphrase-file", inst_.Path("pass"),     "--state-dir", inst_.Path("state-" + name)};
  if (fingerprint) {
    a.push_back("--admin-fingerprint");
    a.push_back(inst_.fingerprint());
  }
  return a;
}

ProcessResult Newsroom::As(const std::string& name, std::vector<std::string> args) const {
  for (auto& a : ReviewerArgs(name, true)) args.push_back(std::move(a));
  return inst_.Cli(args);
}

ProcessResult Newsroom::AsPinned(const std::string& name, std::vector<std::string> args) const {
  for (auto& a : ReviewerArgs(name, false)) args.push_back(std::move(a));
  return inst_.Cli(args);
}

ProcessResult Newsroom::AsSource(std::vector<std::string> args, const std::string& state,
                                 bool fingerprint) const {
  args.push_back("--server");
  args.push_back(source_proxy_->url());
  if (!state.empty()) {
    args.push_back("--state-dir");
    args.push_back(inst_.Path(state));
  }
  if (fingerprint) {
    args.push_back("--admin-fingerprint");
    args.push_back(inst_.fingerprint());
  }
  return inst_.Cli(args);
}

std::string Newsroom::Submit(const std::string& text, const std::string& state) {
  static int n = 0;
  const std::string file = inst_.Path("report-" + std::to_string(++n) + ".txt");
  testing::WritePrivateFile(file, text);
  const ProcessResult r = AsSource({"submit", "--text-file", file, "--json"}, state);
  INFO(Describe(r));
  REQUIRE(r.exit_code == 0);
  const std::string receipt = StringField(r.out, "receipt");
  REQUIRE(receipt.size() == 34);
  return receipt;
}

ProcessResult Newsroom::Inbox(const std::string& receipt, const std::string& followup) {
  static int n = 0;
  const std::string file = inst_.Path("receipt-" + std::to_string(++n));
  testing::WritePrivateFile(file, receipt + "\n");
  std::vector<std::string> args = {"inbox", "--receipt-file", file};
  if (!followup.empty()) {
    testing::WritePrivateFile(file + ".followup", followup);
    args.push_back("--reply-file");
    args.push_back(file + ".followup");
  }
  return AsSource(args);
}

std::string Newsroom::OnlyCase(const std::string& name) {
  const ProcessResult r = As(name, {"cases", "--json"});
  INFO(Describe(r));
  REQUIRE(r.exit_code == 0);
  json::value v = json::parse(r.out);
  const json::array& cases = v.as_object().at("cases").as_array();
  REQUIRE(cases.size() == 1);
  return std::string(cases[0].as_object().at("case_id").as_string());
}

crypto::ReviewerKey Newsroom::ReviewerKeyOf(const std::string& name) const {
  auto key = crypto::ReviewerKey::FromSeed(OpenSeed(inst_.Path(name + ".key")));
  REQUIRE(key.ok());
  return std::move(key).value();
}

crypto::AdminKey Newsroom::AdminKeyOf() const {
  auto key = crypto::AdminKey::FromSeed(OpenSeed(inst_.Path("admin.key")));
  REQUIRE(key.ok());
  return std::move(key).value();
}

std::string Newsroom::InstanceJson() const {
  testing::Conn c = testing::Conn::Tcp(inst_.source_port());
  const testing::RawResponse r = testing::Exchange(c, testing::Get("/api/v1/instance"));
  REQUIRE(r.status == 200);
  return r.body;
}

Bytes Newsroom::RosterBytes() const {
  auto roster = InstanceRoster(InstanceJson());
  REQUIRE(roster);
  return *roster;
}

crypto::v2::Roster Newsroom::CurrentRoster() const {
  const crypto::AdminKey admin = AdminKeyOf();
  auto v = crypto::v2::VerifyRoster(RosterBytes(), admin.public_key(), instance_id(), std::nullopt);
  REQUIRE(v.ok());
  return v->roster();
}

crypto::Id Newsroom::instance_id() const {
  const Bytes id = InstanceId(InstanceJson());
  REQUIRE(id.size() == 16);
  crypto::Id out{};
  std::copy(id.begin(), id.end(), out.begin());
  return out;
}

Bytes Newsroom::salt() const {
  auto s = Base64UrlDecode(StringField(InstanceJson(), "salt"));
  REQUIRE(s.ok());
  return std::move(s).value();
}

crypto::Id Newsroom::ReviewerId(const std::string& name) const {
  for (const auto& e : CurrentRoster().entries) {
    if (e.name == name) return e.reviewer_id;
  }
  FAIL("no reviewer " << name << " on the roster");
  return {};
}

crypto::v2::Digest Newsroom::RosterDigestOf(ByteView roster) const {
  return crypto::v2::RosterDigest(roster);
}

std::string Newsroom::Login(const std::string& name) const {
  const crypto::ReviewerKey key = ReviewerKeyOf(name);
  const crypto::Id id = ReviewerId(name);
  const std::string id_text = Base64UrlEncode(id);
  auto [status, challenge_body] = PostWithToken(
      "", "/api/v1/login/challenge", json::serialize(json::object{{"reviewer_id", id_text}}));
  REQUIRE(status == 200);
  auto challenge = Base64UrlDecode(StringField(challenge_body, "challenge"));
  REQUIRE(challenge.ok());
  auto signature = key.SignLogin(instance_id(), id, *challenge);
  REQUIRE(signature.ok());
  auto [login_status, login_body] =
      PostWithToken("", "/api/v1/login",
                    json::serialize(json::object{{"reviewer_id", id_text},
                                                 {"challenge", Base64UrlEncode(*challenge)},
                                                 {"signature", Base64UrlEncode(*signature)}}));
  REQUIRE(login_status == 200);
  const std::string token = StringField(login_body, "token");
  REQUIRE(!token.empty());
  return token;
}

std::pair<int, std::string> Newsroom::PostWithToken(const std::string& token,
                                                    const std::string& path,
                                                    const std::string& json) const {
  testing::Conn c = testing::Conn::Tcp(inst_.reviewer_port());
  const std::string auth = token.empty() ? "" : "Authorization: Bearer " + token + "\r\n";
  const testing::RawResponse r = testing::Exchange(c, testing::Post(path, json, auth));
  return {r.status, r.body};
}

std::pair<int, std::string> Newsroom::GetWithToken(const std::string& token,
                                                   const std::string& path) const {
  testing::Conn c = testing::Conn::Tcp(inst_.reviewer_port());
  const testing::RawResponse r =
      testing::Exchange(c, testing::Get(path, "Authorization: Bearer " + token + "\r\n"));
  return {r.status, r.body};
}

}  // namespace dojava::hostile
