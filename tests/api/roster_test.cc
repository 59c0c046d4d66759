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
    crypto::Roster forged;
    forged.instance_id = h.instance_id();
    forged.version = 5;
    forged.entries.push_back(bob.Entry());
    auto bytes = mallory.SignRoster(forged);
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
    crypto::Roster other;
    other.instance_id = service::testing::RandomId();
    other.version = 7;
    other.entries.push_back(bob.Entry());
    auto bytes = h.admin().SignRoster(other);
    REQUIRE(bytes.ok());
    HttpResponse r = h.PutRoster(*bytes);
    CHECK(r.status == 400);
    CHECK(ErrorCode(r) == "bad_request");
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
  CHECK(Json::At(limits, "message_record_bytes").int_value() == 524362);
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

TEST_CASE("AddApiRoutes: a stored roster that does not verify is refused", "[api][roster]") {
  Harness h;
  // The store never verifies signatures (the API must): plant a forged one.
  REQUIRE(h.store()
              .PutRoster(service::Roster{9, service::testing::RandomBytes(300), std::nullopt})
              .ok());
  http::Router router;
  CHECK(AddApiRoutes(&router, &h.store(), ApiOptions{}).code() == Code::kInternal);
}

}  // namespace
}  // namespace dojava::api::testing
