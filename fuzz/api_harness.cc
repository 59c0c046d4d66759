#include "fuzz/api_harness.h"

#include <sodium.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>

#include "crypto/admin_key.h"
#include "base/encoding.h"
#include "crypto/receipt.h"
#include "crypto/reviewer_key.h"
#include "crypto/roster_v2.h"
#include "fuzz/fuzz_input.h"
#include "service/api/api.h"
#include "service/api/json_reader.h"
#include "service/api/testing.h"
#include "tests/support/store_test_util.h"

namespace dojava::fuzz {
namespace {

using http::HttpRequest;
using http::HttpResponse;
using http::ListenerKind;
using http::Method;

[[noreturn]] void SetupFailed(const char* what) {
  std::fprintf(stderr, "fuzz harness setup failed: %s\n", what);
  std::abort();
}

template <size_t N>
std::string B64(const std::array<uint8_t, N>& a) {
  return Base64UrlEncode(ByteView(a.data(), a.size()));
}

std::string JsonString(const std::string& body, std::string_view name) {
  auto parsed = api::JsonObject::Parse(body);
  if (!parsed.ok()) SetupFailed("response is not JSON");
  for (const auto& [key, value] : parsed->value().members()) {
    if (key == name && value.is_string()) return std::string(value.string_value());
  }
  SetupFailed("response lacks a member");
}

void ReplaceAll(std::string* s, std::string_view from, const std::string& to) {
  for (size_t pos = s->find(from); pos != std::string::npos; pos = s->find(from, pos + to.size())) {
    s->replace(pos, from.size(), to);
  }
}

}  // namespace

struct ApiHarness::State {
  service::testing::TestStore store;
  std::shared_ptr<api::Api> api;
  std::unique_ptr<http::RequestHandler> handler;
  crypto::ReviewerKey reviewer = crypto::ReviewerKey::Generate();
  service::Id reviewer_id{};
  service::Id case_id{};

  HttpResponse Do(ListenerKind listener, Method method, std::string path, std::string_view body,
                  const std::string& token = "") {
    HttpRequest q;
    q.listener = listener;
    q.method = method;
    q.path = std::move(path);
    q.headers.emplace_back("content-type", SecretBytes::Copy(std::string_view("application/json")));
    if (!token.empty()) {
      q.headers.emplace_back("authorization", SecretBytes::Copy(std::string_view("Bearer " + token)));
    }
    q.body = SecretBytes::Copy(body);
    return handler->Handle(q);
  }
};

ApiHarness& ApiHarness::Get() {
  static ApiHarness harness;
  return harness;
}

ApiHarness::ApiHarness() {
  // A tmpfs keeps SQLCipher's fsyncs (synchronous=FULL) from bounding exec/s.
  if (std::getenv("TMPDIR") == nullptr && ::access("/dev/shm", W_OK) == 0) {
    ::setenv("TMPDIR", "/dev/shm", 0);
  }
  state_ = new State;
  State& state = *state_;
  const crypto::AdminKey admin = crypto::AdminKey::Generate();
  state.store.settings.admin_public_key = admin.public_key();
  if (!state.store.Create().ok()) SetupFailed("store");

  api::ApiOptions options;
  // One token serves every input: no rate limit or expiry may end it. The
  // clock moves 1 us per reading, which refills the largest bucket a config
  // allows (1,000,000 a second) by a request each time; the token's idle
  // timeout is 1.8e9 readings away.
  options.token_requests_per_second = 1'000'000;
  options.token_burst = 1'000'000;
  http::Router router;
  auto api = api::AddApiRoutesForTesting(&router, state.store.store.get(), options, [] {
    static std::atomic<int64_t> ticks{0};
    return std::chrono::steady_clock::time_point(std::chrono::seconds(1'000'000) +
                                                 std::chrono::microseconds(++ticks));
  });
  if (!api.ok()) SetupFailed("routes");
  state.api = std::move(api).value();
  for (auto& r : config_.rate) r = http::RateLimit{0, 0, 0, 0};  // no HTTP-layer limits
  state.handler =
      std::make_unique<http::RequestHandler>(config_, std::move(router), http::StaticFiles{});
  handler_ = state.handler.get();

  // A roster with one reviewer, who logs in.
  state.reviewer_id.fill(kFuzzReviewerIdByte);
  crypto::v2::Roster roster;
  roster.instance_id = state.store.settings.instance_id;
  roster.version = 1;
  roster.expires_day = static_cast<uint32_t>(state.store.clock->Today() + 30);
  crypto::v2::RosterEntry entry;
  entry.reviewer_id = state.reviewer_id;
  entry.ed25519 = state.reviewer.ed25519_public();
  entry.x25519 = state.reviewer.x25519_public();
  entry.name = "Fuzz Reviewer";
  roster.entries.push_back(entry);
  auto signed_roster = admin.SignRosterV2(roster);
  if (!signed_roster.ok()) SetupFailed("roster");
  const std::string roster_body = "{\"roster\":\"" + Base64UrlEncode(*signed_roster) + "\"}";
  if (state.Do(ListenerKind::kReviewer, Method::kPut, "/api/v1/roster", roster_body).status != 204)
    SetupFailed("PUT roster");
  reviewer_id_ = B64(state.reviewer_id);
  Login();
  CreateCase();
  // Closed by an exit handler registered after OpenSSL's own (SQLCipher
  // initialised it above), so it runs first: a store closed after
  // OPENSSL_cleanup leaves OpenSSL's per-thread state of the writer thread
  // behind, which LeakSanitizer reports.
  std::atexit([] {
    delete Get().state_;
    Get().state_ = nullptr;
  });
}

void ApiHarness::Login() {
  State& state = *state_;
  HttpResponse challenge = state.Do(ListenerKind::kReviewer, Method::kPost,
                                    "/api/v1/login/challenge",
                                    "{\"reviewer_id\":\"" + reviewer_id_ + "\"}");
  if (challenge.status != 200) SetupFailed("challenge");
  const std::string challenge_text = JsonString(challenge.body, "challenge");
  auto challenge_bytes = Base64UrlDecode(challenge_text);
  if (!challenge_bytes.ok()) SetupFailed("challenge bytes");
  auto signature = state.reviewer.SignLogin(state.store.settings.instance_id, state.reviewer_id,
                                            *challenge_bytes);
  if (!signature.ok()) SetupFailed("sign login");
  HttpResponse login =
      state.Do(ListenerKind::kReviewer, Method::kPost, "/api/v1/login",
               "{\"reviewer_id\":\"" + reviewer_id_ + "\",\"challenge\":\"" + challenge_text +
                   "\",\"signature\":\"" + B64(*signature) + "\"}");
  if (login.status != 200) SetupFailed("login");
  token_ = JsonString(login.body, "token");
}

void ApiHarness::CreateCase() {
  // One case the source can return to (records are opaque to the server).
  State& state = *state_;
  // Fixed ids, so that seeds can carry records of this case and a crash
  // replays the same way (a deleted case comes back with the same ids).
  std::array<uint8_t, 32> lookup;
  lookup.fill(kFuzzLookupKeyByte);
  service::NewCase c = service::testing::RandomCase({state.reviewer_id});
  c.case_id.fill(kFuzzCaseIdByte);
  const Bytes hash = crypto::LookupHash(lookup);
  if (hash.size() != c.lookup_hash.size()) SetupFailed("lookup hash size");
  std::copy(hash.begin(), hash.end(), c.lookup_hash.begin());
  if (!state.store.store->CreateCase(c).ok()) SetupFailed("case");
  lookup_key_ = B64(lookup);
  case_id_ = B64(c.case_id);
  state.case_id = c.case_id;
}

void ApiHarness::BeginInput() {
  if (state_->api->SessionCount() == 0) Login();
  if (!state_->store.store->GetCase(state_->case_id).ok()) CreateCase();
}

std::string ApiHarness::Substitute(std::string_view text) const {
  std::string s(text);
  if (s.find('$') == std::string::npos) return s;
  ReplaceAll(&s, kTokenPlaceholder, token_);
  ReplaceAll(&s, kLookupPlaceholder, lookup_key_);
  ReplaceAll(&s, kCasePlaceholder, case_id_);
  ReplaceAll(&s, kReviewerPlaceholder, reviewer_id_);
  return s;
}

void ApiHarness::CheckResponse(const HttpRequest& request, const HttpResponse& response) {
  DOJAVA_FUZZ_CHECK(response.status >= 200 && response.status <= 599);
  DOJAVA_FUZZ_CHECK(response.status != 500);
  if (response.status >= 400 && http::IsApiPath(request.path)) {
    DOJAVA_FUZZ_CHECK(response.content_type.starts_with("application/json"));
    DOJAVA_FUZZ_CHECK(api::JsonObject::Parse(response.body).ok());
  }
}

}  // namespace dojava::fuzz
