// PUT /api/v1/roster: verified as a client would, the rollback rule, and the
// cache that GET /api/v1/instance serves.
#include <catch2/catch_test_macros.hpp>

#include "tests/support/api_harness.h"

namespace dojava::api::testing {
namespace {

// The installed roster as the store holds it (version 0, empty if none).
service::Roster StoredRoster(Harness& h) {
  auto r = h.store().GetRoster();
  if (!r.ok()) {
    REQUIRE(r.code() == Code::kNotFound);
    return {};
  }
  return *r;
}

TEST_CASE("roster: none installed yet", "[api][roster]") {
  Harness h;
  Json j(h.Get(kSource, "/api/v1/instance").body);
  CHECK(j["roster"].is_null());
  CHECK(j.Int("roster_version") == 0);
}

TEST_CASE("roster: install, re-install the same, then a newer one", "[api][roster]") {
  Harness h;
  Reviewer alice, bob;
  alice.name = "Alice";
  bob.name = "Bob";
  const Bytes v1 = h.SignRoster({&alice}, 1);
  REQUIRE(h.PutRoster(v1).status == 204);
  CHECK(h.PutRoster(v1).status == 204);  // the same again: a no-op
  Json j(h.Get(kReviewer, "/api/v1/instance").body);
  CHECK(j.Int("roster_version") == 1);
  CHECK(Unb64(j.Str("roster")) == v1);

  const Bytes v3 = h.SignRoster({&alice, &bob}, 3);  // versions may skip
  REQUIRE(h.PutRoster(v3).status == 204);
  Json j3(h.Get(kSource, "/api/v1/instance").body);
  CHECK(j3.Int("roster_version") == 3);
  CHECK(Unb64(j3.Str("roster")) == v3);
  CHECK(StoredRoster(h).version == 3);
  CHECK(StoredRoster(h).signed_bytes == v3);
}

TEST_CASE("roster: rejected rosters change nothing", "[api][roster]") {
  Harness h;
  Reviewer alice, bob;
  alice.name = "Alice";
  bob.name = "Bob";
  const Bytes v2 = h.SignRoster({&alice}, 2);
  REQUIRE(h.PutRoster(v2).status == 204);

  SECTION("bad signature: another admin key") {
    crypto::AdminKey mallory = crypto::AdminKey::Generate();
    crypto::v2::Roster forged;
    forged.instance_id = h.instance_id();
    forged.version = 5;
    forged.expires_day = static_cast<uint32_t>(h.day_clock().Today() + 30);
    forged.prev_digest = crypto::v2::RosterDigest(v2);
    forged.entries.push_back(bob.EntryV2());
    auto bytes = mallory.SignRosterV2(forged);
    REQUIRE(bytes.ok());
    HttpResponse r = h.PutRoster(*bytes);
    CHECK(r.status == 400);
    CHECK(ErrorCode(r) == "bad_signature");
  }
  SECTION("bad signature: a flipped bit in the signed bytes") {
    Bytes v3 = h.SignRoster({&alice, &bob}, 3);
    v3[v3.size() - 1] ^= 1;
    HttpResponse r = h.PutRoster(v3);
    CHECK(r.status == 400);
    CHECK((ErrorCode(r) == "bad_signature" || ErrorCode(r) == "bad_request"));
  }
  SECTION("lower version") {
    HttpResponse r = h.PutRoster(h.SignRoster({&alice, &bob}, 1));
    CHECK(r.status == 409);
    CHECK(ErrorCode(r) == "rollback");
  }
  SECTION("same version, other bytes") {
    HttpResponse r = h.PutRoster(h.SignRoster({&alice, &bob}, 2));
    CHECK(r.status == 409);
    CHECK(ErrorCode(r) == "rollback");
  }
  SECTION("another instance id") {
    crypto::v2::Roster other;
    other.instance_id = service::testing::RandomId();
    other.version = 7;
    other.expires_day = static_cast<uint32_t>(h.day_clock().Today() + 30);
    other.prev_digest = crypto::v2::RosterDigest(v2);
    other.entries.push_back(bob.EntryV2());
    auto bytes = h.admin().SignRosterV2(other);
    REQUIRE(bytes.ok());
    HttpResponse r = h.PutRoster(*bytes);
    CHECK(r.status == 400);
    CHECK(ErrorCode(r) == "bad_request");
  }
  SECTION("version byte 1: the retired format of 0.1.0") {
    Bytes old = h.SignRoster({&alice, &bob}, 3);
    old[0] = 1;
    HttpResponse r = h.PutRoster(old);
    CHECK(r.status == 400);
    CHECK(ErrorCode(r) == "unsupported_version");
  }
  SECTION("not a roster") {
    HttpResponse r = h.PutRoster(service::testing::RandomBytes(200));
    CHECK(r.status == 400);
    HttpResponse e = h.PutRoster(Bytes{});
    CHECK(e.status == 400);
    CHECK(h.Do(kReviewer, Method::kPut, "/api/v1/roster", "{\"roster\":\"!!\"}").status == 400);
    CHECK(h.Do(kReviewer, Method::kPut, "/api/v1/roster", "{\"roster\":null}").status == 400);
    CHECK(h.Do(kReviewer, Method::kPut, "/api/v1/roster", "{}").status == 400);
  }
  SECTION("wrong media type, wrong listener") {
    Options o;
    o.content_type = "application/octet-stream";
    CHECK(h.Do(kReviewer, Method::kPut, "/api/v1/roster", "{\"roster\":\"" + B64(v2) + "\"}", o)
              .status == 415);
    CHECK(
        h.Do(kSource, Method::kPut, "/api/v1/roster", "{\"roster\":\"" + B64(v2) + "\"}").status ==
        404);
  }
  CHECK(StoredRoster(h).version == 2);
  CHECK(StoredRoster(h).signed_bytes == v2);
  Json j(h.Get(kSource, "/api/v1/instance").body);
  CHECK(j.Int("roster_version") == 2);
  CHECK(Unb64(j.Str("roster")) == v2);
}

TEST_CASE("roster: a new Api over the same store serves the installed roster", "[api][roster]") {
  Harness h;
  Reviewer alice;
  alice.name = "Alice";
  const Bytes v4 = h.SignRoster({&alice}, 4);
  REQUIRE(h.PutRoster(v4).status == 204);
  http::Router router;
  {
    auto api = AddApiRoutes(&router, &h.store(), ApiOptions{});
    REQUIRE(api.ok());
  }  // The Api object may be dropped: the routes share its state.
  http::RequestHandler handler(http::HttpConfig{}, std::move(router), http::StaticFiles{});
  HttpRequest q;
  q.listener = kReviewer;
  q.path = "/api/v1/instance";
  HttpResponse r = handler.Handle(q);
  REQUIRE(r.status == 200);
  Json j(std::string(http::ResponseBody(r)));
  CHECK(j.Int("roster_version") == 4);
  CHECK(Unb64(j.Str("roster")) == v4);
}

TEST_CASE("instance: fields and limits as documented", "[api][instance]") {
  ApiOptions options;
  options.instance_name = "Example \"Newsroom\"";
  Harness h(options);
  HttpResponse r = h.Get(kSource, "/api/v1/instance");
  REQUIRE(r.status == 200);
  CHECK(r.content_type == "application/json");
  Json j(r.body);
  CHECK(j.Int("version") == 1);
  CHECK(j.Str("name") == "Example \"Newsroom\"");
  CHECK(Unb64(j.Str("salt")) == Bytes(h.settings().salt.begin(), h.settings().salt.end()));
  CHECK(j.Str("admin_fingerprint") == crypto::AdminKey::FingerprintText(h.admin().public_key()));
  CHECK(Json::At(j["kdf"], "algorithm").string_value() == "argon2id13");
  CHECK(Json::At(j["kdf"], "ops").int_value() == 2);
  CHECK(Json::At(j["kdf"], "mem_bytes").int_value() == 8388608);
  const JsonValue& limits = j["limits"];
  CHECK(Json::At(limits, "json_body_bytes").int_value() == 1048576);
  CHECK(Json::At(limits, "message_record_bytes").int_value() == 524394);  // the largest v2 record
  CHECK(Json::At(limits, "chunk_record_bytes").int_value() == 524305);
  CHECK(Json::At(limits, "chunk_plain_bytes").int_value() == 524288);
  CHECK(Json::At(limits, "max_chunks_per_file").int_value() == 4096);
  CHECK(Json::At(limits, "max_files_per_message").int_value() == 64);
  CHECK(Json::At(limits, "message_characters").int_value() == 100000);
  CHECK(Json::At(limits, "upload_ttl_days").int_value() == 1);
  CHECK(Json::At(limits, "retention_days").int_value() == 90);
  // A query or a body is refused; other methods are 404.
  CHECK(h.Get(kSource, "/api/v1/instance?x=1").status == 400);
  CHECK(h.Post(kSource, "/api/v1/instance", "{}").status == 404);
}

TEST_CASE("AddApiRoutes: refuses an uninitialised store and bad options", "[api][instance]") {
  service::testing::TempDir dir;
  auto clock = std::make_shared<service::ManualClock>(service::testing::kToday);
  SecretBytes key = SecretBytes::Random(32);
  service::StoreOptions so;
  so.disk_reserve_bytes = 0;
  auto store = service::SqlcipherStore::Create(dir.File("db"), key, clock, so);
  REQUIRE(store.ok());
  http::Router router;
  CHECK(AddApiRoutes(&router, store->get(), ApiOptions{}).code() == Code::kNotFound);
  REQUIRE((*store)->PutSettings(service::testing::TestSettings()).ok());
  ApiOptions bad;
  bad.instance_name = "";
  CHECK(AddApiRoutes(&router, store->get(), bad).code() == Code::kInvalidArgument);
  bad.instance_name = "News\xff";
  CHECK(AddApiRoutes(&router, store->get(), bad).code() == Code::kInvalidArgument);
  bad.instance_name = "News\nroom";
  CHECK(AddApiRoutes(&router, store->get(), bad).code() == Code::kInvalidArgument);
  CHECK(router.size() == 0);
  CHECK(AddApiRoutes(&router, store->get(), ApiOptions{}).ok());
  CHECK(router.size() > 20);
}

// An instance upgraded from 0.1.0 holds a version-1 roster (PROTOCOL.md
// §16): the server starts, serves it as it is (clients refuse it, naming
// it), lets nobody log in or submit, and takes a version-2 roster above it.
TEST_CASE("roster: a stored version-1 roster is served unread until a v2 one replaces it",
          "[api][roster]") {
  Harness h;
  Reviewer alice;
  alice.name = "Alice";
  Bytes old = h.SignRoster({&alice}, 4);
  old[0] = 1;  // what 0.1.0 stored (the store verifies no signature)
  REQUIRE(h.store().PutRoster(service::Roster{4, old, std::nullopt}).ok());
  http::Router router;
  auto api = AddApiRoutes(&router, &h.store(), ApiOptions{});
  REQUIRE(api.ok());
  http::HttpConfig config;
  for (auto& r : config.rate) r = http::RateLimit{0, 0, 0, 0};  // the HTTP layer's own limits
  http::RequestHandler handler(config, std::move(router), http::StaticFiles{});
  auto send = [&](ListenerKind l, Method m, const std::string& path, const std::string& body) {
    HttpRequest q;
    q.listener = l;
    q.method = m;
    q.path = path;
    if (!body.empty()) q.headers.emplace_back("content-type", SecretBytes::Copy("application/json"));
    q.body = SecretBytes::Copy(std::string_view(body));
    HttpResponse r = handler.Handle(q);
    if (r.public_body) r.body = *r.public_body;
    return r;
  };
  HttpResponse inst = send(kSource, Method::kGet, "/api/v1/instance", "");
  REQUIRE(inst.status == 200);
  CHECK(Unb64(Json(inst.body).Str("roster")) == old);
  CHECK(Json(inst.body).Int("roster_version") == 4);
  auto login = [&] {
    HttpResponse challenge = send(kReviewer, Method::kPost, "/api/v1/login/challenge",
                                  "{\"reviewer_id\":\"" + B64(alice.id) + "\"}");
    REQUIRE(challenge.status == 200);
    const std::string c = Json(challenge.body).Str("challenge");
    auto sig = alice.key.SignLogin(h.instance_id(), alice.id, Unb64(c));
    REQUIRE(sig.ok());
    return send(kReviewer, Method::kPost, "/api/v1/login",
                "{\"reviewer_id\":\"" + B64(alice.id) + "\",\"challenge\":\"" + c +
                    "\",\"signature\":\"" + B64(*sig) + "\"}");
  };
  CHECK(ErrorCode(login()) == "login_failed");  // nobody is on a roster this server reads
  // Not above it: the store's rollback rule.
  auto put = [&](ByteView roster) {
    return send(kReviewer, Method::kPut, "/api/v1/roster", "{\"roster\":\"" + B64(roster) + "\"}");
  };
  CHECK(ErrorCode(put(h.SignRosterV2({alice.EntryV2()}, 1, {}))) == "rollback");
  const Bytes next = h.SignRosterV2({alice.EntryV2()}, 5, old);
  CHECK(put(next).status == 204);
  HttpResponse after = send(kSource, Method::kGet, "/api/v1/instance", "");
  CHECK(Unb64(Json(after.body).Str("roster")) == next);
  CHECK(login().status == 200);
}

TEST_CASE("AddApiRoutes: a stored roster that does not verify is refused", "[api][roster]") {
  Harness h;
  // The store never verifies signatures (the API must): plant a forged one.
  Bytes forged = service::testing::RandomBytes(300);
  forged[0] = 2;  // a version-2 roster that does not verify (not one of 0.1.0)
  REQUIRE(h.store().PutRoster(service::Roster{9, forged, std::nullopt}).ok());
  http::Router router;
  CHECK(AddApiRoutes(&router, &h.store(), ApiOptions{}).code() == Code::kInternal);
}

}  // namespace
}  // namespace dojava::api::testing
