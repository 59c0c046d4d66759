// Test harness of the API: a real SqlcipherStore in a temp dir, the routes
// of AddApiRoutesForTesting behind a real http::RequestHandler (pure, no
// sockets), a manual monotonic clock, and the client side done with the
// crypto library exactly as a client would.
#ifndef DOJAVA_TESTS_SUPPORT_API_HARNESS_H_
#define DOJAVA_TESTS_SUPPORT_API_HARNESS_H_

#include <algorithm>
#include <atomic>
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/encoding.h"
#include "crypto/admin_key.h"
#include "crypto/login.h"
#include "crypto/message_v2.h"
#include "crypto/notes_genesis.h"
#include "crypto/protocol_constants.h"
#include "crypto/receipt.h"
#include "crypto/reviewer_key.h"
#include "crypto/roster_v2.h"
#include "crypto/sealed_key.h"
#include "crypto/statement_envelope.h"
#include "service/api/api.h"
#include "service/api/json_reader.h"
#include "service/api/testing.h"
#include "service/http/request_handler.h"
#include "tests/support/disk_full_store.h"
#include "tests/support/store_test_util.h"

namespace dojava::api::testing {

using http::HttpRequest;
using http::HttpResponse;
using http::ListenerKind;
using http::Method;
using service::Id;

inline constexpr ListenerKind kSource = ListenerKind::kSource;
inline constexpr ListenerKind kReviewer = ListenerKind::kReviewer;

// A parsed JSON response body (strictly, with the API's own reader).
class Json {
 public:
  explicit Json(const std::string& text) {
    auto parsed = JsonObject::Parse(text);
    REQUIRE(parsed.ok());
    object_ = std::make_shared<JsonObject>(std::move(parsed).value());
  }
  const JsonValue& root() const { return object_->value(); }

  static const JsonValue& At(const JsonValue& v, std::string_view name) {
    REQUIRE(v.is_object());
    for (const auto& m : v.members()) {
      if (m.first == name) return m.second;
    }
    FAIL("missing member " << name);
    return v;
  }
  const JsonValue& operator[](std::string_view name) const { return At(root(), name); }
  std::string Str(std::string_view name) const {
    const JsonValue& v = (*this)[name];
    REQUIRE(v.is_string());
    return std::string(v.string_value());
  }
  int64_t Int(std::string_view name) const {
    const JsonValue& v = (*this)[name];
    REQUIRE(v.is_int());
    return v.int_value();
  }

 private:
  std::shared_ptr<JsonObject> object_;
};

inline std::string ErrorCode(const HttpResponse& r) {
  Json j(r.body);
  return std::string(Json::At(j["error"], "code").string_value());
}

inline std::string B64(ByteView b) { return Base64UrlEncode(b); }
template <size_t N>
std::string B64(const std::array<uint8_t, N>& a) {
  return Base64UrlEncode(ByteView(a.data(), a.size()));
}
inline Bytes Unb64(std::string_view s) {
  auto r = Base64UrlDecode(s);
  REQUIRE(r.ok());
  return std::move(r).value();
}

// One reviewer as a client holds it.
struct Reviewer {
  Id id = service::testing::RandomId();
  crypto::ReviewerKey key = crypto::ReviewerKey::Generate();
  std::string name;

  // The roster entry (PROTOCOL.md §6); retired_at 0: active.
  crypto::v2::RosterEntry EntryV2(uint64_t retired_at = 0) const {
    crypto::v2::RosterEntry e;
    e.reviewer_id = id;
    e.retired_at = retired_at;
    e.ed25519 = key.ed25519_public();
    e.x25519 = key.x25519_public();
    e.name = name;
    return e;
  }
};

// Headers of one test request. content_type is sent with a body and on
// every POST and PUT.
struct Options {
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type = "application/json";
};

class Harness {
 public:
  // Routes added after the API's (the no-JavaScript pages), on the same
  // router and store, with the API's typed intake.
  using ExtraRoutes =
      std::function<void(http::Router*, service::Store*, std::shared_ptr<CaseIntake>)>;

  // `disk_reserve_bytes` > 0 reopens the store with that reserve (to make
  // uploads run out of space).
  explicit Harness(ApiOptions options = {}, uint64_t disk_reserve_bytes = 0,
                   const ExtraRoutes& extra_routes = {}) {
    store_.settings.admin_public_key = admin_.public_key();
    REQUIRE(store_.Create().ok());
    if (disk_reserve_bytes > 0) {
      store_.store.reset();
      service::StoreOptions so;
      so.disk_reserve_bytes = disk_reserve_bytes;
      auto reopened = service::SqlcipherStore::Open(store_.db_path(), store_.key, store_.clock, so);
      REQUIRE(reopened.ok());
      store_.store = std::move(reopened).value();
    }
    store_under_test_ = std::make_unique<service::testing::DiskFullStore>(store_.store.get());
    http::Router router;
    auto clock = clock_ns_;
    auto api = AddApiRoutesForTesting(&router, store_under_test_.get(), options, [clock] {
      return std::chrono::steady_clock::time_point(std::chrono::nanoseconds(clock->load()));
    });
    REQUIRE(api.ok());
    api_ = std::move(api).value();
    if (extra_routes) extra_routes(&router, store_under_test_.get(), api_->Intake());
    http::HttpConfig config;
    for (auto& r : config.rate) r = http::RateLimit{0, 0, 0, 0};  // the HTTP layer's own limits
    handler_ =
        std::make_unique<http::RequestHandler>(config, std::move(router), http::StaticFiles{});
  }

  service::Store& store() { return *store_under_test_; }
  // The SQLCipher file and its key, to read what a seized database shows.
  const service::testing::TestStore& test_store() const { return store_; }
  // From now on every write fails as on a full disk (reads still work).
  void SetDiskFull(bool full) { store_under_test_->SetFull(full); }
  Api& api() { return *api_; }
  const service::Settings& settings() const { return store_.settings; }
  const Id& instance_id() const { return store_.settings.instance_id; }
  const crypto::AdminKey& admin() const { return admin_; }
  service::ManualClock& day_clock() { return *store_.clock; }
  void AdvanceSeconds(int64_t s) { clock_ns_->fetch_add(s * 1'000'000'000); }

  // Sends one request. `target` is the path, optionally with "?query".
  HttpResponse Do(ListenerKind listener, Method method, const std::string& target,
                  const std::string& body = "", const Options& o = Options()) {
    HttpRequest q;
    q.listener = listener;
    q.method = method;
    const size_t mark = target.find('?');
    q.path = target.substr(0, mark);
    if (mark != std::string::npos) q.query = target.substr(mark + 1);
    if ((!body.empty() || method == Method::kPost || method == Method::kPut) &&
        !o.content_type.empty()) {
      q.headers.emplace_back("content-type", SecretBytes::Copy(std::string_view(o.content_type)));
    }
    for (const auto& [name, value] : o.headers) {
      q.headers.emplace_back(name, SecretBytes::Copy(std::string_view(value)));
    }
    q.body = SecretBytes::Copy(std::string_view(body));
    HttpResponse r = handler_->Handle(q);
    // The tests read `body`; a shared public body (the instance document)
    // is what the server sends instead, so they see the same bytes.
    if (r.public_body) r.body = *r.public_body;
    return r;
  }
  HttpResponse Get(ListenerKind l, const std::string& target, const Options& o = Options()) {
    return Do(l, Method::kGet, target, "", o);
  }
  HttpResponse Post(ListenerKind l, const std::string& target, const std::string& body,
                    const Options& o = Options()) {
    return Do(l, Method::kPost, target, body, o);
  }

  static Options Bearer(const std::string& token) {
    Options o;
    o.headers.emplace_back("authorization", "Bearer " + token);
    return o;
  }
  static Options LookupKey(const std::string& key_b64) {
    Options o;
    o.headers.emplace_back("x-dojava-lookup-key", key_b64);
    return o;
  }

  // Signs a roster of `reviewers` (active) at `version` with the instance's
  // admin key, linked to the roster this harness signed last below `version`
  // (PROTOCOL.md §6 chain; none for version 1), whose reviewers missing here
  // stay as retired entries (removing is retiring).
  Bytes SignRoster(const std::vector<const Reviewer*>& reviewers, uint64_t version) {
    std::vector<crypto::v2::RosterEntry> entries;
    for (const Reviewer* r : reviewers) entries.push_back(r->EntryV2());
    Bytes previous;
    auto below = signed_.lower_bound(version);
    if (version > 1 && below != signed_.begin()) {
      previous = std::prev(below)->second;
      for (crypto::v2::RosterEntry e : entries_[std::prev(below)->first]) {
        auto same = [&](const auto& n) { return n.reviewer_id == e.reviewer_id; };
        if (std::any_of(entries.begin(), entries.end(), same)) continue;
        if (e.retired_at == 0) e.retired_at = version;
        entries.push_back(e);
      }
    }
    if (version > 1 && previous.empty()) previous = Bytes{0};  // a predecessor never signed here
    return SignRosterV2(entries, version, previous);
  }
  // Signs a roster (PROTOCOL.md §6) of `entries` at `version` with the
  // instance's admin key. prev_digest: the digest of `previous` (the signed
  // roster it follows); all zero when `previous` is empty (version 1).
  // Expires `valid_days` after the store's today.
  Bytes SignRosterV2(const std::vector<crypto::v2::RosterEntry>& entries, uint64_t version,
                     ByteView previous, int64_t valid_days = 30) {
    crypto::v2::Roster roster;
    roster.instance_id = instance_id();
    roster.version = version;
    roster.expires_day = static_cast<uint32_t>(day_clock().Today() + valid_days);
    if (!previous.empty()) roster.prev_digest = crypto::v2::RosterDigest(previous);
    roster.entries = entries;
    const SecretBytes ed_seed = crypto::Kdf(admin_.seed().reveal(), protocol::kLabelAdminEd25519);
    const crypto::Ed25519KeyPair pair = crypto::Ed25519FromSeed(ed_seed.reveal());
    auto signed_roster = crypto::v2::SignRoster(roster, pair.secret_key, pair.public_key);
    REQUIRE(signed_roster.ok());
    signed_[version] = *signed_roster;
    entries_[version] = entries;
    return std::move(signed_roster).value();
  }
  HttpResponse PutRoster(ByteView roster) {
    return Do(kReviewer, Method::kPut, "/api/v1/roster", "{\"roster\":\"" + B64(roster) + "\"}");
  }
  void InstallRoster(const std::vector<const Reviewer*>& reviewers, uint64_t version) {
    const Bytes roster = SignRoster(reviewers, version);
    REQUIRE(PutRoster(roster).status == 204);
  }

  std::string Challenge(const Id& reviewer_id) {
    HttpResponse r = Post(kReviewer, "/api/v1/login/challenge",
                          "{\"reviewer_id\":\"" + B64(reviewer_id) + "\"}");
    REQUIRE(r.status == 200);
    return Json(r.body).Str("challenge");
  }
  HttpResponse LoginWith(const Id& reviewer_id, const std::string& challenge,
                         const crypto::Signature& signature) {
    return Post(kReviewer, "/api/v1/login",
                "{\"reviewer_id\":\"" + B64(reviewer_id) + "\",\"challenge\":\"" + challenge +
                    "\",\"signature\":\"" + B64(signature) + "\"}");
  }
  crypto::Signature Sign(const Reviewer& r, const Id& as_id, const std::string& challenge) {
    auto sig = r.key.SignLogin(instance_id(), as_id, Unb64(challenge));
    REQUIRE(sig.ok());
    return *sig;
  }
  // Full challenge/response login; the token.
  std::string Login(const Reviewer& r) {
    const std::string challenge = Challenge(r.id);
    HttpResponse resp = LoginWith(r.id, challenge, Sign(r, r.id, challenge));
    REQUIRE(resp.status == 200);
    return Json(resp.body).Str("token");
  }

 private:
  crypto::AdminKey admin_ = crypto::AdminKey::Generate();
  service::testing::TestStore store_;
  std::unique_ptr<service::testing::DiskFullStore> store_under_test_;
  std::shared_ptr<std::atomic<int64_t>> clock_ns_ =
      std::make_shared<std::atomic<int64_t>>(int64_t{1'000'000} * 1'000'000'000);
  std::shared_ptr<Api> api_;
  std::unique_ptr<http::RequestHandler> handler_;
  std::map<uint64_t, Bytes> signed_;  // the last roster signed at each version
  std::map<uint64_t, std::vector<crypto::v2::RosterEntry>> entries_;  // its entries
};

// A message record of `case_id` sealed under `key` (the server cannot open
// it), signed by `signer` or else by a source key of its own, under roster
// version 1, first in its case (PROTOCOL.md §8.3). For the server's checks,
// which read the header only; tests of readers use api_v2_case.h.
inline Bytes Record(const SecretBytes& key, uint8_t kind, const Id& case_id, std::string_view body,
                    const crypto::ReviewerSigner* signer = nullptr) {
  const crypto::Ed25519KeyPair source = crypto::Ed25519FromSeed(SecretBytes::Random(32).reveal());
  crypto::v2::Signer s;
  if (signer != nullptr) {
    s.author = protocol::kAuthorReviewer;
    s.reviewer_id = signer->reviewer_id;
    s.secret_key = signer->ed25519_secret;
  } else {
    s.source_public = source.public_key;
    s.secret_key = &source.secret_key;
  }
  auto r = crypto::v2::EncryptMessage(key, kind, case_id, service::testing::RandomId(),
                                      AsBytes(body), s, {1, 20000, {}});
  REQUIRE(r.ok());
  return std::move(r).value();
}

// The notes-key genesis (PROTOCOL.md §7.2) by `creator`, who holds `ck`,
// for `nk` sealed to `recipients`, under roster `roster_version`.
inline Bytes NotesGenesis(const Reviewer& creator, const Id& case_id, uint64_t roster_version,
                          std::vector<Id> recipients, const SecretBytes& ck,
                          const SecretBytes& nk) {
  auto g = crypto::v2::MakeNotesGenesis({case_id, creator.id, roster_version, std::move(recipients)},
                                        ck, nk, *creator.key.Signer(creator.id).ed25519_secret);
  REQUIRE(g.ok());
  return std::move(g).value();
}

// A POST .../keys body `{"keys":[...]}` with `"genesis"` added, in clear
// and as its envelope sealed under `ck` (PROTOCOL.md §7.4).
inline std::string KeysWithGenesis(std::string keys_body, ByteView genesis, const SecretBytes& ck) {
  REQUIRE(!keys_body.empty());
  REQUIRE(genesis.size() > 1 + 16);
  Id case_id{};
  std::copy(genesis.begin() + 1, genesis.begin() + 17, case_id.begin());
  auto envelope = crypto::v2::SealStatement(ck, protocol::kStatementGenesis, case_id, genesis);
  REQUIRE(envelope.ok());
  keys_body.pop_back();  // the closing brace
  return keys_body + ",\"genesis\":\"" + B64(genesis) + "\",\"genesis_envelope\":\"" +
         B64(*envelope) + "\"}";
}

inline std::string SealedKeyJson(const std::string& recipient, const char* role, ByteView sealed) {
  return "{\"recipient\":\"" + recipient + "\",\"role\":\"" + role + "\",\"sealed\":\"" +
         B64(sealed) + "\"}";
}

inline Bytes Seal(const SecretBytes& key, uint8_t role, const Id& case_id,
                  const crypto::X25519Public& to) {
  auto r = crypto::SealKey(key, role, case_id, to);
  REQUIRE(r.ok());
  return std::move(r).value();
}

}  // namespace dojava::api::testing

#endif  // DOJAVA_TESTS_SUPPORT_API_HARNESS_H_
