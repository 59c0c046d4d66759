// The no-JavaScript pages' test harness (tests/nojs): multipart bodies as a
// browser writes them, a real API over a real SQLCipher file with the pages'
// routes on a test clock, reviewer Ana on the roster, and what a reviewer
// reads of a case (the crypto library, as the CLI would).
#ifndef DOJAVA_TESTS_NOJS_PLAIN_HARNESS_H_
#define DOJAVA_TESTS_NOJS_PLAIN_HARNESS_H_

#include <sodium.h>

#include <atomic>
#include <catch2/catch_test_macros.hpp>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "crypto/attachment.h"
#include "crypto/receipt.h"
#include "crypto/sealed_key.h"
#include "service/nojs/nojs_pages.h"
#include "tests/support/api_harness.h"

namespace dojava::nojs {

using api::testing::Harness;
using api::testing::kSource;
using api::testing::Reviewer;
using api::testing::Unb64;
using http::HttpResponse;

inline constexpr const char* kBoundary = "----dojavaTestBoundary7MA4YWxk";

struct Part {
  Part(std::string n, std::string v) : name(std::move(n)), value(std::move(v)) {}
  Part(std::string n, std::string v, bool file, std::string fname,
       std::string type = "application/octet-stream")
      : name(std::move(n)),
        value(std::move(v)),
        is_file(file),
        filename(std::move(fname)),
        mime(std::move(type)) {}
  std::string name;
  std::string value;
  bool is_file = false;
  std::string filename;
  std::string mime = "application/octet-stream";
};

inline std::string Multipart(const std::vector<Part>& parts,
                             const std::string& boundary = kBoundary) {
  std::string b;
  for (const Part& p : parts) {
    b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
    if (p.is_file) b += "; filename=\"" + p.filename + "\"\r\nContent-Type: " + p.mime;
    b += "\r\n\r\n" + p.value + "\r\n";
  }
  b += "--" + boundary + "--\r\n";
  return b;
}

inline api::testing::Options FormType(const std::string& type) {
  api::testing::Options o;
  o.content_type = type;
  return o;
}
inline api::testing::Options MultipartType() {
  return FormType(std::string("multipart/form-data; boundary=") + kBoundary);
}
inline api::testing::Options UrlEncodedType() {
  return FormType("application/x-www-form-urlencoded");
}

inline std::string RandomContent(size_t n) {
  std::string s(n, '\0');
  randombytes_buf(s.data(), s.size());
  return s;
}

// The text between `open` and the next '<' in `html`, or "".
inline std::string Between(const std::string& html, const std::string& open) {
  const size_t at = html.find(open);
  if (at == std::string::npos) return "";
  const size_t from = at + open.size();
  return html.substr(from, html.find('<', from) - from);
}

// The hidden one-time token of a report form page.
inline std::string FormTokenOf(const HttpResponse& r) {
  std::smatch m;
  static const std::regex kToken("name=\"form_token\" value=\"([A-Za-z0-9_-]{43})\"");
  REQUIRE(std::regex_search(r.body, m, kToken));
  return m[1];
}

inline std::string LocationOf(const HttpResponse& r) {
  for (const auto& [name, value] : r.headers) {
    if (name == "Location") return value;
  }
  FAIL("no Location header");
  return "";
}

class PlainHarness {
 public:
  explicit PlainHarness(NojsOptions options = {})
      : h_({}, 0,
           [this, options](http::Router* router, service::Store* store,
                           std::shared_ptr<api::CaseIntake> intake) mutable {
             http::HttpConfig http;
             http.static_dir = std::string(DOJAVA_SOURCE_DIR) + "/static/www";
             auto clock = clock_ns_;
             options.now = [clock] {
               return std::chrono::steady_clock::time_point(
                   std::chrono::nanoseconds(clock->load()));
             };
             auto added =
                 AddNojsRoutes(router, store, std::move(intake), options, api::ApiOptions{}, http);
             REQUIRE(added.ok());
             pages_ = std::move(added).value();
           }) {
    ana_.name = "Ana";
    h_.InstallRoster({&ana_}, 1);
  }

  Harness& h() { return h_; }
  NojsPages& pages() { return *pages_; }
  const Reviewer& ana() const { return ana_; }
  void AdvanceSeconds(int64_t s) { clock_ns_->fetch_add(s * 1'000'000'000); }

  // The one-time token of a fresh report form (GET /plain).
  std::string FormToken(const std::string& query = "lang=en") {
    HttpResponse form = h_.Get(kSource, "/plain?" + query);
    REQUIRE(form.status == 200);
    return FormTokenOf(form);
  }
  // POST /plain/submit as it is, under `token` (none if empty).
  HttpResponse PostForm(std::vector<Part> parts, const std::string& token) {
    if (!token.empty()) parts.emplace_back("form_token", token);
    return h_.Post(kSource, "/plain/submit", Multipart(parts), MultipartType());
  }
  // Follows a 303 as a browser does (GET of its Location).
  HttpResponse Follow(const HttpResponse& r) {
    REQUIRE(r.status == 303);
    return h_.Get(kSource, LocationOf(r));
  }
  // A report sent as a browser sends it: a fresh form's token, the POST,
  // the redirect followed. The receipt page, or the refusal.
  HttpResponse Submit(const std::vector<Part>& parts) {
    HttpResponse r = PostForm(parts, FormToken());
    return r.status == 303 ? Follow(r) : r;
  }

  size_t CaseCount() {
    auto cases = h_.store().ListCasesChangedSince(0, std::nullopt, 1000);
    REQUIRE(cases.ok());
    return cases->size();
  }

  // The receipt shown on a receipt page.
  static std::string ReceiptOf(const HttpResponse& r) {
    return Between(r.body, "id=\"receipt-value\" translate=\"no\">");
  }

  // The case of `receipt`, found as a client would (§4.3).
  service::CaseInfo CaseOf(const std::string& receipt, crypto::ReceiptKeys* keys_out = nullptr) {
    auto parsed = crypto::Receipt::Parse(receipt);
    REQUIRE(parsed.ok());
    auto rk = crypto::DeriveReceiptKeys(*parsed, h_.settings().salt);
    REQUIRE(rk.ok());
    const Bytes hash = crypto::LookupHash(rk->lookup_key.reveal());
    service::LookupHash lookup{};
    std::copy(hash.begin(), hash.end(), lookup.begin());
    auto info = h_.store().FindCaseByLookupHash(lookup);
    REQUIRE(info.ok());
    if (keys_out) *keys_out = std::move(rk).value();
    return *info;
  }

  // The case key as reviewer Ana opens it.
  SecretBytes ReviewerCaseKey(const service::Id& case_id) {
    auto keys = h_.store().GetSealedKeys(case_id);
    REQUIRE(keys.ok());
    for (const auto& k : *keys) {
      if (k.reviewer && *k.reviewer == ana_.id && k.role == service::Role::kCaseKey) {
        auto ck = crypto::OpenSealedKey(k.sealed, protocol::kRoleCaseKey, case_id,
                                        ana_.key.x25519_secret(), ana_.key.x25519_public());
        REQUIRE(ck.ok());
        return std::move(ck).value();
      }
    }
    FAIL("no case key for the reviewer");
    return {};
  }

  // A conversation record of `case_id` under `ck` signed by reviewer `who`,
  // after the last stored record (PROTOCOL.md §8.3-8.4): what a reviewer's
  // client writes under roster version 1.
  Bytes ReviewerRecord(const Reviewer& who, const service::Id& case_id, const SecretBytes& ck,
                       std::string_view body) {
    auto msgs = h_.store().ListMessages(case_id, 0, 1000, 1 << 26);
    REQUIRE(msgs.ok());
    REQUIRE(!msgs->empty());
    const crypto::v2::Signer signer{protocol::kAuthorReviewer, who.id, {},
                                    who.key.Signer(who.id).ed25519_secret};
    const crypto::v2::EventContext context{1, static_cast<uint32_t>(h_.day_clock().Today()),
                                           crypto::v2::EventHash(msgs->back().record)};
    auto r = crypto::v2::EncryptMessage(ck, protocol::kKindConversation, case_id,
                                        crypto::RandomId(), AsBytes(body), signer, context);
    REQUIRE(r.ok());
    return std::move(r).value();
  }

  // Message `seq` of the case decrypted by the reviewer: the §11 body.
  std::string ReviewerBody(const service::Id& case_id, uint64_t seq) {
    const SecretBytes ck = ReviewerCaseKey(case_id);
    auto msgs = h_.store().ListMessages(case_id, seq - 1, 1, 1 << 24);
    REQUIRE(msgs.ok());
    REQUIRE(msgs->size() == 1);
    auto stored = h_.store().GetRoster();
    REQUIRE(stored.ok());
    auto roster = crypto::v2::VerifyRoster(stored->signed_bytes, h_.admin().public_key(),
                                           h_.instance_id(), std::nullopt);
    REQUIRE(roster.ok());
    crypto::v2::CaseKeys keys{&ck, nullptr};
    auto opened = crypto::v2::DecryptMessage((*msgs)[0].record, case_id, keys, *roster);
    REQUIRE(opened.ok());
    CHECK(opened->author == protocol::kAuthorSource);
    return std::string(opened->body.reveal_chars());
  }

  // The plaintext of an attachment given its FILEREF fields, as a reviewer
  // downloads and decrypts it.
  std::string ReviewerFile(const service::Id& case_id, const api::JsonValue& ref) {
    auto obj = api::JsonObject::Of(ref);
    REQUIRE(obj.ok());
    const Bytes id = Unb64(*obj->String("id"));
    const Bytes key = Unb64(*obj->String("key"));
    const Bytes prefix = Unb64(*obj->String("prefix"));
    const int64_t chunks = *obj->Int("chunks", 1, 1 << 20);
    const int64_t size = *obj->Int("size", 0, int64_t{1} << 40);
    CHECK(static_cast<uint64_t>(chunks) == crypto::ChunkCount(static_cast<uint64_t>(size)));
    auto secrets = crypto::FileSecrets::FromBytes(key, prefix, id);
    REQUIRE(secrets.ok());
    service::Id fid{};
    std::copy(id.begin(), id.end(), fid.begin());
    std::string out;
    for (int64_t i = 0; i < chunks; ++i) {
      auto record = h_.store().GetChunk(case_id, fid, static_cast<uint32_t>(i));
      REQUIRE(record.ok());
      auto plain =
          crypto::DecryptChunk(*secrets, static_cast<uint64_t>(i), i + 1 == chunks, *record);
      REQUIRE(plain.ok());
      out += plain->reveal_chars();
    }
    return out;
  }

 private:
  std::shared_ptr<std::atomic<int64_t>> clock_ns_ =
      std::make_shared<std::atomic<int64_t>>(int64_t{5'000} * 1'000'000'000);
  std::shared_ptr<NojsPages> pages_;
  Reviewer ana_;
  Harness h_;
};

inline std::vector<Part> ReportParts(std::vector<Part> files = {}) {
  std::vector<Part> parts = {{"lang", "en"},
                             {"country", "RS"},
                             {"incident", "spyware"},
                             {"when", " 2026-10 "},
                             {"responsible", "state"},
                             {"title", "Phone infected"},
                             {"text", "Line one\r\nLine \"two\" <b>\\ \xc5\xa1\t\x01"}};
  for (auto& f : files) parts.push_back(std::move(f));
  return parts;
}

// The session token of a conversation page.
inline std::string TokenOf(const HttpResponse& r) {
  std::smatch m;
  static const std::regex kToken("name=\"token\" value=\"([A-Za-z0-9_-]{43})\"");
  REQUIRE(std::regex_search(r.body, m, kToken));
  return m[1];
}

}  // namespace dojava::nojs

#endif  // DOJAVA_TESTS_NOJS_PLAIN_HARNESS_H_
