// The no-JavaScript pages (service/nojs, service/API.md "No-JavaScript
// pages"): a plain form submission becomes a case that a reviewer opens with
// the crypto library to the same §11 payload and byte-identical files;
// returning with the receipt shows verified replies and accepts follow-ups;
// bad forms get readable pages and change nothing; sessions expire.
#include <catch2/catch_test_macros.hpp>
#include <regex>

#include "crypto/sealed_key.h"
#include "crypto/source_key_wrap.h"
#include "payload/body.h"
#include "service/nojs/catalogues.h"
#include "service/nojs/form_data.h"
#include "service/nojs/nojs_pages.h"
#include "tests/nojs/plain_harness.h"

namespace dojava::nojs {
namespace {

using api::testing::B64;
using api::testing::kReviewer;

TEST_CASE("a plain submission is a case the reviewer opens to the JS page's payload and the same file bytes") {
  PlainHarness p;
  const std::string evidence = RandomContent(700'000);  // two chunks
  HttpResponse r = p.Submit(ReportParts({{"files", evidence, true, "C:\\Users\\ana\\IMG_1.jpg", "image/jpeg"},
                                         {"files", "", true, "", "application/octet-stream"}}));
  REQUIRE(r.status == 200);
  CHECK(r.content_type == "text/html; charset=utf-8");
  CHECK(r.body.find("<script") == std::string::npos);
  const std::string receipt = PlainHarness::ReceiptOf(r);
  REQUIRE(std::regex_match(receipt, std::regex("([0-9]{4}-){6}[0-9]{4}")));
  CHECK(r.body.find("id=\"plain-path\"") != std::string::npos);

  crypto::ReceiptKeys rk;
  const service::CaseInfo info = p.CaseOf(receipt, &rk);
  CHECK(info.source_public_key == rk.source_public);
  // The source's own copy of the case key opens with the receipt's keys
  // (as `dojava inbox` and the JS return page open it).
  auto keys = p.h().store().GetSealedKeys(info.case_id);
  REQUIRE(keys.ok());
  CHECK(keys->size() == 2);
  bool source_key_seen = false;
  for (const auto& k : *keys) {
    if (k.reviewer) continue;
    source_key_seen = true;
    // Wrapped under source_wrap (PROTOCOL.md §7.1), not sealed to the public source_pk.
    CHECK(crypto::OpenSourceKey(k.sealed, protocol::kRoleCaseKey, info.case_id, rk.source_wrap).ok());
    CHECK_FALSE(crypto::OpenSealedKey(k.sealed, protocol::kRoleCaseKey, info.case_id,
                                      rk.source_secret, rk.source_public)
                    .ok());
  }
  CHECK(source_key_seen);

  const std::string body = p.ReviewerBody(info.case_id, 1);
  // Byte for byte what payload.js buildReport + encodeBody write for these
  // fields: CRLF -> LF, `when` and `title` trimmed, JSON.stringify escapes.
  // §11.1: source_pk is the one the receipt shown to the source gives (and
  // the case stores, above).
  const std::string expected_start =
      "{\"type\":\"report\",\"source_pk\":\"" + Base64UrlEncode(rk.source_public) +
      "\",\"form\":{\"country\":\"RS\",\"incident\":\"spyware\",\"when\":"
      "\"2026-10\",\"responsible\":\"state\",\"title\":\"Phone infected\"},\"text\":\"Line "
      "one\\nLine \\\"two\\\" <b>\\\\ \xc5\xa1\\t\\u0001\",\"files\":[{\"id\":\"";
  CHECK(body.substr(0, expected_start.size()) == expected_start);
  auto parsed = api::JsonObject::Parse(body);
  REQUIRE(parsed.ok());
  const api::JsonValue& files = api::testing::Json::At(parsed->value(), "files");
  REQUIRE(files.array().size() == 1);  // the empty file input is not a file
  const api::JsonValue& ref = files.array()[0];
  CHECK(api::testing::Json::At(ref, "name").string_value() == "IMG_1.jpg");
  CHECK(api::testing::Json::At(ref, "mime").string_value() == "image/jpeg");
  CHECK(api::testing::Json::At(ref, "size").int_value() == 700'000);
  // The member order of payload.js fileRef().
  std::vector<std::string> names;
  for (const auto& m : ref.members()) names.push_back(m.first);
  CHECK(names == std::vector<std::string>{"id", "key", "prefix", "chunks", "size", "name", "mime"});
  CHECK(p.ReviewerFile(info.case_id, ref) == evidence);
}

// A refused form's page: readable HTML with `words`, no script.
void ExpectPage(const HttpResponse& r, int status, const std::string& words) {
  CHECK(r.status == status);
  CHECK(r.content_type == "text/html; charset=utf-8");
  CHECK(r.body.find(words) != std::string::npos);
  CHECK(r.body.find("<script") == std::string::npos);
}

// Nothing was created, and nothing half-written waits to be purged.
void ExpectNothingStored(PlainHarness& p) {
  CHECK(p.CaseCount() == 0);
  auto uploads = p.h().store().Purge();
  REQUIRE(uploads.ok());
}

TEST_CASE("bad plain forms: a bad field gets a readable page and changes nothing") {
  PlainHarness p;
  SECTION("missing title") {
    auto parts = ReportParts();
    parts[5].value = "   ";
    ExpectPage(p.Submit(parts), 400, "Please fill in: Title.");
  }  SECTION("a choice outside the list") {
    auto parts = ReportParts();
    parts[1].value = "XX";
    ExpectPage(p.Submit(parts), 400, "Please choose: Country.");
  }  SECTION("a title too long") {
    auto parts = ReportParts();
    parts[5].value = std::string(201, 'a');
    ExpectPage(p.Submit(parts), 400, "Too long: Title.");
  }  SECTION("text that is not UTF-8") {
    auto parts = ReportParts();
    parts[6].value = "bad \xff byte";
    ExpectPage(p.Submit(parts), 400, "cannot be sent");
  }  ExpectNothingStored(p);
}

TEST_CASE("bad plain forms: a form that does not parse or is over a limit changes nothing") {
  PlainHarness p;
  SECTION("broken multipart: no closing delimiter") {
    std::string body = Multipart(ReportParts());
    body.resize(body.size() - 10);
    ExpectPage(p.h().Post(kSource, "/plain/submit", body, MultipartType()), 400,
                "The form could not be read.");
  }  SECTION("an unreadable form still answers in the language of the action URL") {
    std::string body = Multipart(ReportParts());
    body.resize(body.size() - 10);
    HttpResponse r = p.h().Post(kSource, "/plain/submit?lang=mk", body, MultipartType());
    ExpectPage(r, 400, "<html lang=\"mk\">");
  }  SECTION("a part header that is not allowed") {
    std::string body = Multipart(ReportParts());
    body.insert(body.find("\r\n\r\n"), "\r\nX-Other: 1");
    ExpectPage(p.h().Post(kSource, "/plain/submit", body, MultipartType()), 400,
                "The form could not be read.");
  }  SECTION("another boundary than announced") {
    ExpectPage(p.h().Post(kSource, "/plain/submit", Multipart(ReportParts(), "other"),
                           MultipartType()),
                400, "The form could not be read.");
  }  SECTION("not multipart") {
    ExpectPage(p.h().Post(kSource, "/plain/submit", "title=x", UrlEncodedType()), 400,
                "The form could not be read.");
  }  SECTION("too many parts") {
    auto parts = ReportParts();
    for (int i = 0; i < 100; ++i) parts.push_back({"x" + std::to_string(i), "y"});
    ExpectPage(p.Submit(parts), 413, "too large for this page");
  }  SECTION("too many files") {
    std::vector<Part> files;
    for (int i = 0; i < 65; ++i) files.push_back({"files", "z", true, "f.txt"});
    ExpectPage(p.Submit(ReportParts(files)), 413, "too large for this page");
  }  SECTION("a body over form_body_limit_bytes: 413 from the HTTP layer") {
    const std::string big = std::string(33u * 1024 * 1024, 'a');
    HttpResponse r = p.h().Post(kSource, "/plain/submit?lang=sq",
                                Multipart(ReportParts({{"files", big, true, "big.bin"}})),
                                MultipartType());
    CHECK(r.status == 413);
    CHECK(r.close);
    CHECK(r.content_type == "text/html; charset=utf-8");
    // The route's own page, in the language of the form's action URL.
    CHECK(r.body.find("<html lang=\"sq\">") != std::string::npos);
    CHECK(r.body.find("32 MB") != std::string::npos);
  }  ExpectNothingStored(p);
}

TEST_CASE("bad plain forms: receipts and sessions that do not open change nothing") {
  PlainHarness p;
  SECTION("a mistyped receipt") {
    ExpectPage(p.h().Post(kSource, "/plain/return", "lang=en&receipt=1234", UrlEncodedType()), 400,
                "A receipt has 28 digits.");
  }  SECTION("an unknown receipt") {
    crypto::Receipt other = crypto::Receipt::Generate();
    const SecretBytes shown = other.Formatted();
    ExpectPage(p.h().Post(kSource, "/plain/return",
                           "lang=en&receipt=" + std::string(shown.reveal_chars()), UrlEncodedType()),
                404, "No conversation was found for this receipt.");
  }  SECTION("a broken percent escape") {
    ExpectPage(p.h().Post(kSource, "/plain/return", "lang=en&receipt=%zz", UrlEncodedType()), 400,
                "The form could not be read.");
  }  SECTION("a follow-up with no session") {
    ExpectPage(p.h().Post(kSource, "/plain/reply",
                           Multipart({{"lang", "en"}, {"token", std::string(43, 'A')}, {"text", "x"}}),
                           MultipartType()),
                403, "This conversation is closed");
  }  ExpectNothingStored(p);
}

TEST_CASE("bad plain forms: a receipt with a typo opens nothing") {
  PlainHarness p;
  HttpResponse ok = p.Submit(ReportParts());
  REQUIRE(ok.status == 200);
  std::string receipt = PlainHarness::ReceiptOf(ok);
  receipt[0] = receipt[0] == '9' ? '0' : static_cast<char>(receipt[0] + 1);
  ExpectPage(p.h().Post(kSource, "/plain/return", "lang=en&receipt=" + receipt, UrlEncodedType()),
              400, "This receipt has a typo");
  CHECK(p.CaseCount() == 1);
}

TEST_CASE("no roster yet: the plain form says the organisation is not ready") {
  Harness h({}, 0, [](http::Router* router, service::Store* store,
                      std::shared_ptr<api::CaseIntake> intake) {
    http::HttpConfig http;
    http.static_dir = std::string(DOJAVA_SOURCE_DIR) + "/static/www";
    REQUIRE(AddNojsRoutes(router, store, std::move(intake), NojsOptions{}, api::ApiOptions{}, http)
                .ok());
  });
  std::vector<Part> parts = ReportParts();
  parts.emplace_back("form_token", FormTokenOf(h.Get(kSource, "/plain")));
  HttpResponse r = h.Post(kSource, "/plain/submit", Multipart(parts), MultipartType());
  CHECK(r.status == 503);
  CHECK(r.body.find("not ready to receive reports") != std::string::npos);
}


// A case with a verified reply carrying a file and a message forged by
// the server, opened by its source on the plain return page.
struct Returning {
  PlainHarness p;
  std::string receipt;
  service::CaseInfo info;
  std::string reply_file;
  HttpResponse page;
  std::string session;
};

void OpenReturning(Returning* r) {
  PlainHarness& p = r->p;
  HttpResponse submitted = p.Submit(ReportParts());
  REQUIRE(submitted.status == 200);
  r->receipt = PlainHarness::ReceiptOf(submitted);
  r->info = p.CaseOf(r->receipt);
  const SecretBytes ck = p.ReviewerCaseKey(r->info.case_id);

  // Ana replies with a file (as the CLI does: chunks, then the message).
  r->reply_file = RandomContent(1000);
  crypto::FileSecrets fs = crypto::FileSecrets::Generate();
  REQUIRE(p.h().store().CreateUpload(fs.file_id(), 1, std::nullopt).ok());
  auto chunk = crypto::EncryptChunk(fs, 0, true, AsBytes(r->reply_file));
  REQUIRE(chunk.ok());
  REQUIRE(p.h().store().PutChunk(fs.file_id(), 0, *chunk).ok());
  const std::string reply_body =
      "{\"type\":\"message\",\"text\":\"Thank you <script>alert(1)</script>\",\"files\":[{\"id\":\"" +
      B64(fs.file_id()) + "\",\"key\":\"" + B64(fs.file_key().reveal()) + "\",\"prefix\":\"" +
      B64(fs.nonce_prefix()) + "\",\"chunks\":1,\"size\":1000,\"name\":\"form.pdf\",\"mime\":\"\"}]}";
  const Bytes reply = p.ReviewerRecord(p.ana(), r->info.case_id, ck, reply_body);
  const std::string token = p.h().Login(p.ana());
  HttpResponse posted = p.h().Post(
      kReviewer, "/api/v1/cases/" + B64(r->info.case_id) + "/messages",
      "{\"message\":\"" + B64(reply) + "\",\"files\":[\"" + B64(fs.file_id()) + "\"]}",
      Harness::Bearer(token));
  REQUIRE(posted.status == 201);
  // A message signed by someone not on the roster (the server forging one).
  Reviewer mallory;
  const Bytes fake = p.ReviewerRecord(mallory, r->info.case_id, ck,
                                      "{\"type\":\"message\",\"text\":\"FORGED\",\"files\":[]}");
  REQUIRE(p.h().store().AppendMessage(r->info.case_id, fake, {}).ok());

  r->page = p.h().Post(kSource, "/plain/return", "lang=en&receipt=" + r->receipt, UrlEncodedType());
  REQUIRE(r->page.status == 200);
  r->session = TokenOf(r->page);
}

TEST_CASE("returning: verified replies shown, follow-ups with files, downloads, expiry and leaving") {
  Returning r;
  OpenReturning(&r);
  PlainHarness& p = r.p;
  const HttpResponse& page = r.page;
  const std::string& receipt = r.receipt;
  const std::string& session = r.session;
  const service::CaseInfo& info = r.info;

  SECTION("the page shows the verified reply, escaped, and never the receipt") {
    CHECK(page.body.find("Reviewer: Ana") != std::string::npos);
    CHECK(page.body.find("Thank you &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page.body.find("<script") == std::string::npos);
    CHECK(page.body.find("FORGED") == std::string::npos);
    CHECK(page.body.find("whose sender could not be verified") != std::string::npos);
    CHECK(page.body.find("Phone infected") != std::string::npos);
    CHECK(page.body.find(receipt) == std::string::npos);  // never echoed
    CHECK(p.pages().SessionCount() == 1);
  }
  SECTION("the reviewer's file downloads") {
    // Download the reviewer's file.
    HttpResponse file = p.h().Post(kSource, "/plain/file",
                                   "lang=en&token=" + session + "&seq=2&n=0", UrlEncodedType());
    REQUIRE(file.status == 200);
    CHECK(file.content_type == "application/octet-stream");
    CHECK(file.body == r.reply_file);
  }
  SECTION("a follow-up with a file, then the session expires after the idle time") {
    // A follow-up with a file, without typing the receipt again.
    const std::string more = RandomContent(5000);
    HttpResponse sent = p.h().Post(
        kSource, "/plain/reply",
        Multipart({{"token", session}, {"lang", "sq"}, {"text", "More\r\ndetail"},
                   {"files", more, true, "/tmp/x/notes.txt", "text/plain"}}),
        MultipartType());
    REQUIRE(sent.status == 200);
    CHECK(sent.body.find("lang=\"sq\"") != std::string::npos);
    const std::string follow = p.ReviewerBody(info.case_id, 4);
    const std::string follow_start = "{\"type\":\"message\",\"text\":\"More\\ndetail\",\"files\":[{\"id\":\"";
    CHECK(follow.substr(0, follow_start.size()) == follow_start);
    auto parsed = api::JsonObject::Parse(follow);
    REQUIRE(parsed.ok());
    const api::JsonValue& ref = api::testing::Json::At(parsed->value(), "files").array()[0];
    CHECK(api::testing::Json::At(ref, "name").string_value() == "notes.txt");
    CHECK(p.ReviewerFile(info.case_id, ref) == more);

    p.AdvanceSeconds(601);
    HttpResponse late = p.h().Post(kSource, "/plain/reply",
                                   Multipart({{"token", session}, {"lang", "en"}, {"text", "late"}}),
                                   MultipartType());
    CHECK(late.status == 403);
    CHECK(late.body.find("This conversation is closed") != std::string::npos);
    CHECK(p.pages().SessionCount() == 0);
    auto msgs = p.h().store().ListMessages(info.case_id, 0, 100, 1 << 24);
    REQUIRE(msgs.ok());
    CHECK(msgs->size() == 4);
  }
  SECTION("use keeps it open; leaving closes it") {
    p.AdvanceSeconds(500);
    REQUIRE(p.h().Post(kSource, "/plain/file", "lang=en&token=" + session + "&seq=2&n=0",
                       UrlEncodedType()).status == 200);
    p.AdvanceSeconds(500);
    HttpResponse left = p.h().Post(kSource, "/plain/leave", "lang=en&token=" + session, UrlEncodedType());
    CHECK(left.status == 200);
    CHECK(p.pages().SessionCount() == 0);
    CHECK(p.h().Post(kSource, "/plain/file", "lang=en&token=" + session + "&seq=2&n=0",
                     UrlEncodedType()).status == 403);
  }
  SECTION("a file number that does not exist") {
    HttpResponse none = p.h().Post(kSource, "/plain/file", "lang=en&token=" + session + "&seq=2&n=5",
                                   UrlEncodedType());
    CHECK(none.status == 404);
  }
}

// Regression (issue 15): on a full disk a plain follow-up answered 409 with
// "The server refused this because of a conflict" instead of saying the
// server has no room, as the plain submission already did.
TEST_CASE("regression: a plain reply on a full disk says the server has no room (507)") {
  PlainHarness p;
  HttpResponse submitted = p.Submit(ReportParts());
  REQUIRE(submitted.status == 200);
  HttpResponse page = p.h().Post(kSource, "/plain/return",
                                 "lang=en&receipt=" + PlainHarness::ReceiptOf(submitted),
                                 UrlEncodedType());
  REQUIRE(page.status == 200);
  const std::string session = TokenOf(page);
  const service::CaseInfo info = p.CaseOf(PlainHarness::ReceiptOf(submitted));
  p.h().SetDiskFull(true);
  for (bool with_file : {false, true}) {
    INFO("with a file: " << with_file);
    std::vector<Part> parts = {{"token", session}, {"lang", "en"}, {"text", "More detail"}};
    if (with_file) parts.push_back({"files", RandomContent(100), true, "a.txt", "text/plain"});
    HttpResponse sent = p.h().Post(kSource, "/plain/reply", Multipart(parts), MultipartType());
    CHECK(sent.status == 507);
    CHECK(sent.body.find("The server has no room") != std::string::npos);
    CHECK(sent.body.find("conflict") == std::string::npos);
  }
  HttpResponse again = p.Submit(ReportParts());
  CHECK(again.status == 507);
  CHECK(again.body.find("The server has no room") != std::string::npos);
  p.h().SetDiskFull(false);
  auto messages = p.h().store().ListMessages(info.case_id, 0, 100, 1 << 24);
  REQUIRE(messages.ok());
  CHECK(messages->size() == 1);  // nothing was added
}

TEST_CASE("a reviewer file over max_download_bytes is not served; the page says why") {
  NojsOptions o;
  o.max_download_bytes = 100;
  PlainHarness p(o);
  HttpResponse submitted = p.Submit(ReportParts({{"files", std::string(500, 'x'), true, "a.bin"}}));
  REQUIRE(submitted.status == 200);
  HttpResponse page = p.h().Post(kSource, "/plain/return",
                                 "lang=en&receipt=" + PlainHarness::ReceiptOf(submitted), UrlEncodedType());
  REQUIRE(page.status == 200);
  CHECK(page.body.find("too large for this page") != std::string::npos);
  HttpResponse file = p.h().Post(kSource, "/plain/file",
                                 "lang=en&token=" + TokenOf(page) + "&seq=1&n=0", UrlEncodedType());
  CHECK(file.status == 413);
  CHECK(file.content_type == "text/html; charset=utf-8");
}

// Review finding: the download body is reserved for the FILEREF's size; a
// reviewer's (or a server's) FILEREF claiming fewer bytes than its chunks
// hold made the body grow past it, handing the outgrown block of decrypted
// file bytes back to the heap unwiped. Now refused before appending.
TEST_CASE("regression: a FILEREF smaller than its chunks is refused before the download grows") {
  PlainHarness p;
  HttpResponse submitted = p.Submit(ReportParts());
  REQUIRE(submitted.status == 200);
  const std::string receipt = PlainHarness::ReceiptOf(submitted);
  const service::CaseInfo info = p.CaseOf(receipt);
  const SecretBytes ck = p.ReviewerCaseKey(info.case_id);
  const std::string content = RandomContent(1000);
  crypto::FileSecrets fs = crypto::FileSecrets::Generate();
  REQUIRE(p.h().store().CreateUpload(fs.file_id(), 1, std::nullopt).ok());
  auto chunk = crypto::EncryptChunk(fs, 0, true, AsBytes(content));
  REQUIRE(chunk.ok());
  REQUIRE(p.h().store().PutChunk(fs.file_id(), 0, *chunk).ok());
  const std::string body =  // size 10, one chunk: consistent on its face
      "{\"type\":\"message\",\"text\":\"see file\",\"files\":[{\"id\":\"" + B64(fs.file_id()) +
      "\",\"key\":\"" + B64(fs.file_key().reveal()) + "\",\"prefix\":\"" + B64(fs.nonce_prefix()) +
      "\",\"chunks\":1,\"size\":10,\"name\":\"short.bin\",\"mime\":\"\"}]}";
  const Bytes reply = p.ReviewerRecord(p.ana(), info.case_id, ck, body);
  const std::string login = p.h().Login(p.ana());
  REQUIRE(p.h().Post(kReviewer, "/api/v1/cases/" + B64(info.case_id) + "/messages",
                     "{\"message\":\"" + B64(reply) + "\",\"files\":[\"" + B64(fs.file_id()) + "\"]}",
                     Harness::Bearer(login))
              .status == 201);
  HttpResponse page =
      p.h().Post(kSource, "/plain/return", "lang=en&receipt=" + receipt, UrlEncodedType());
  REQUIRE(page.status == 200);
  HttpResponse file = p.h().Post(kSource, "/plain/file",
                                 "lang=en&token=" + TokenOf(page) + "&seq=2&n=0", UrlEncodedType());
  CHECK(file.status == 500);
  CHECK(file.content_type == "text/html; charset=utf-8");
  CHECK(file.body.find("Data from the server is not valid") != std::string::npos);
  CHECK(file.body.find(content) == std::string::npos);
}

// Review finding: another site's page could post the forms from the
// source's browser; posted to /plain/return with the attacker's receipt, it
// opened the attacker's case there, and what the source then wrote in it
// the attacker read. Forms a browser marks cross-site (or same-site) are
// refused; same-origin ones and requests without the header work.
TEST_CASE("regression: forms posted from another site are refused (Sec-Fetch-Site)") {
  CHECK(http::IsForwardedHeader("Sec-Fetch-Site"));  // the session hands it to the pages
  PlainHarness p;
  HttpResponse submitted = p.Submit(ReportParts());
  REQUIRE(submitted.status == 200);
  const std::string receipt = PlainHarness::ReceiptOf(submitted);
  auto from = [](const char* site, api::testing::Options o) {
    o.headers.emplace_back("sec-fetch-site", site);
    return o;
  };
  for (const char* site : {"cross-site", "same-site"}) {
    HttpResponse opened = p.h().Post(kSource, "/plain/return?lang=sq", "lang=en&receipt=" + receipt,
                                     from(site, UrlEncodedType()));
    CHECK(opened.status == 403);
    CHECK(opened.body.find("<html lang=\"sq\">") != std::string::npos);
    CHECK(opened.body.find("name=\"token\"") == std::string::npos);
    CHECK(p.pages().SessionCount() == 0);
    HttpResponse sent = p.h().Post(kSource, "/plain/submit", Multipart(ReportParts()),
                                   from(site, MultipartType()));
    CHECK(sent.status == 403);
    CHECK(p.CaseCount() == 1);
  }
  HttpResponse same = p.h().Post(kSource, "/plain/return", "lang=en&receipt=" + receipt,
                                 from("same-origin", UrlEncodedType()));
  CHECK(same.status == 200);
  CHECK(p.pages().SessionCount() == 1);
  HttpResponse follow = p.h().Post(
      kSource, "/plain/reply",
      Multipart({{"token", TokenOf(same)}, {"lang", "en"}, {"text", "planted"}}),
      from("cross-site", MultipartType()));
  CHECK(follow.status == 403);
}

TEST_CASE("every language renders the plain pages; an unknown one falls back to English") {
  PlainHarness p;
  for (const Language& l : Languages()) {
    for (const char* path : {"/plain", "/plain/return"}) {
      HttpResponse r = p.h().Get(kSource, std::string(path) + "?lang=" + std::string(l.code));
      CHECK(r.status == 200);
      CHECK(r.body.find("<html lang=\"" + std::string(l.code) + "\">") != std::string::npos);
      CHECK(r.body.find("plain_") == std::string::npos);  // no bare catalogue key
    }
  }
  HttpResponse r = p.h().Get(kSource, "/plain?lang=%3Cscript%3E");
  CHECK(r.body.find("<html lang=\"en\">") != std::string::npos);
  CHECK(r.body.find("%3Cscript") == std::string::npos);
  // Not on the reviewer listener.
  CHECK(p.h().Get(kReviewer, "/plain").status == 404);
}

TEST_CASE("FormData: strict multipart and urlencoded parsing") {
  const FormLimits limits;
  auto ct = std::string("multipart/form-data; boundary=\"") + kBoundary + "\"";
  auto parsed = FormData::ParseMultipart(AsBytes(Multipart({{"a", "1"}, {"b", "x\r\ny"}})), ct, limits);
  REQUIRE(parsed.ok());
  CHECK(parsed->Text("a") == "1");
  CHECK(parsed->Text("b") == "x\r\ny");
  // A repeated text field, an unnamed part, a name with other characters.
  CHECK(!FormData::ParseMultipart(AsBytes(Multipart({{"a", "1"}, {"a", "2"}})), ct, limits).ok());
  CHECK(!FormData::ParseMultipart(AsBytes(Multipart({{"A-b", "1"}})), ct, limits).ok());
  CHECK(!FormData::ParseMultipart(AsBytes(std::string("")), ct, limits).ok());
  CHECK(!FormData::ParseMultipart(AsBytes(Multipart({{"a", "1"}}) + "junk"), ct, limits).ok());
  auto url = FormData::ParseUrlEncoded(AsBytes(std::string("a=x+y%21&b=")), limits);
  REQUIRE(url.ok());
  CHECK(url->Text("a") == "x y!");
  CHECK(url->Text("b") == "");
  for (const char* bad : {"a", "a=1&", "a=1&a=2", "=1", "a=%2", "a=%g1", "A=1"}) {
    CHECK(!FormData::ParseUrlEncoded(AsBytes(std::string(bad)), limits).ok());
  }
  CHECK(payload::CleanFileName("../../etc/passwd") == "passwd");
  CHECK(payload::CleanFileName("C:\\x\\..") == "file");
  CHECK(payload::CleanFileName("a\x01\xe2\x80\xae" "b.txt") == "ab.txt");
  CHECK(payload::CleanFileName(std::string(300, 'n')).size() == 255);
}

TEST_CASE("plural forms: CLDR rules for whole numbers, and the session texts use them") {
  // The page's rules (Intl.PluralRules; static/test/web-i18n.test.mjs checks the same table).
  struct Want {
    const char* lang;
    uint64_t n;
    const char* form;
  };
  for (const Want& w :
       {Want{"en", 1, "one"}, Want{"en", 0, "other"}, Want{"en", 21, "other"}, Want{"sq", 1, "one"},
        Want{"sq", 2, "other"}, Want{"mk", 1, "one"}, Want{"mk", 21, "one"},
        Want{"mk", 11, "other"}, Want{"mk", 2, "other"}, Want{"sr-Latn", 1, "one"},
        Want{"sr-Cyrl", 21, "one"}, Want{"bs", 2, "few"}, Want{"cnr", 24, "few"},
        Want{"bs", 12, "other"}, Want{"sr-Latn", 111, "other"}, Want{"sr-Latn", 5, "other"},
        Want{"cnr", 0, "other"}, Want{"bs", 102, "few"}}) {
    CAPTURE(w.lang, w.n);
    CHECK(PluralForm(w.lang, w.n) == w.form);
  }
  auto cat = Catalogues::Load(std::string(DOJAVA_SOURCE_DIR) + "/static/www");
  REQUIRE(cat.ok());
  CHECK(cat->Plural("en", "plain_err_session", 1, {{"minutes", "1"}})
            .find("after 1 minute without") != std::string::npos);
  CHECK(cat->Plural("en", "plain_err_session", 5, {{"minutes", "5"}})
            .find("after 5 minutes without") != std::string::npos);
  // Albanian has no "few": the "other" form.
  CHECK(cat->Plural("sq", "plain_session_note", 3, {{"minutes", "3"}}).find("3 minuta") !=
        std::string::npos);

  // A conversation page with a one-minute session: "1 minute", "1 minut", "1 minutu".
  NojsOptions o;
  o.session_idle_seconds = 60;
  PlainHarness p(o);
  HttpResponse sent = p.Submit(ReportParts());
  REQUIRE(sent.status == 200);
  const std::string receipt = PlainHarness::ReceiptOf(sent);
  for (const auto& [lang, want] : {std::pair<std::string, std::string>{"en", "open for 1 minute "},
                                   {"sr-Latn", "otvoren 1 minut "},
                                   {"bs", "otvoren 1 minutu "},
                                   {"mk", "отворен 1 минута "}}) {
    CAPTURE(lang);
    HttpResponse page = p.h().Post(kSource, "/plain/return?lang=" + lang,
                                   "lang=" + lang + "&receipt=" + receipt, UrlEncodedType());
    REQUIRE(page.status == 200);
    CHECK(page.body.find(want) != std::string::npos);
  }
}

TEST_CASE("the server's own error pages are translated: 404 in the query's language or in all") {
  PlainHarness p;
  auto cat = Catalogues::Load(std::string(DOJAVA_SOURCE_DIR) + "/static/www");
  REQUIRE(cat.ok());
  // A static path the server does not have: the language is in the page's
  // fragment, which the server never sees, so every language is there.
  HttpResponse all = p.h().Get(kSource, "/no-such-page.html");
  CHECK(all.status == 404);
  CHECK(all.content_type == "text/html; charset=utf-8");
  for (const Language& l : Languages()) {
    CAPTURE(l.code);
    CHECK(all.body.find("<p lang=\"" + std::string(l.code) + "\">" +
                        cat->Text(l.code, "err_api_not_found") + " <a href=\"/index.html#lang=" +
                        std::string(l.code) + "\">") != std::string::npos);
  }
  // The query names a language: that one only.
  HttpResponse mk = p.h().Get(kSource, "/plain/no-such-page?lang=mk");
  CHECK(mk.status == 404);
  CHECK(mk.body.find("<html lang=\"mk\">") != std::string::npos);
  CHECK(mk.body.find(cat->Text("mk", "err_api_not_found")) != std::string::npos);
  CHECK(mk.body.find(cat->Text("en", "err_api_not_found")) == std::string::npos);
  // An unknown language is never echoed.
  HttpResponse odd = p.h().Get(kSource, "/x?lang=%3Cb%3E");
  CHECK(odd.body.find("%3Cb") == std::string::npos);
  CHECK(odd.body.find("<p lang=\"sq\">") != std::string::npos);
  // The API keeps its JSON errors.
  HttpResponse api = p.h().Get(kSource, "/api/v1/no-such-route");
  CHECK(api.status == 404);
  CHECK(api.content_type == "application/json");
}

TEST_CASE("429 on the plain pages is the page in the source's language, not the generic one") {
  std::shared_ptr<http::Router> routes = std::make_shared<http::Router>();
  std::shared_ptr<NojsPages> pages;
  Harness h({}, 0,
            [&](http::Router* router, service::Store* store,
                std::shared_ptr<api::CaseIntake> intake) {
    http::HttpConfig pages_http;
    pages_http.static_dir = std::string(DOJAVA_SOURCE_DIR) + "/static/www";
    auto added = AddNojsRoutes(router, store, std::move(intake), NojsOptions{}, api::ApiOptions{},
                               pages_http);
    REQUIRE(added.ok());
    pages = std::move(added).value();
    *routes = *router;  // the same routes, for a handler with real rate limits
  });
  http::HttpConfig config;
  for (auto& r : config.rate) r = http::RateLimit{0, 0, 0, 0};
  config.rate[static_cast<int>(http::RateClass::kStatic)] = http::RateLimit{0, 0, 0.001, 1};
  http::RequestHandler handler(config, *routes, http::StaticFiles{});
  auto cat = Catalogues::Load(std::string(DOJAVA_SOURCE_DIR) + "/static/www");
  REQUIRE(cat.ok());
  http::HttpRequest q;
  q.listener = kSource;
  q.method = http::Method::kGet;
  q.path = "/plain";
  q.query = "lang=sr-Cyrl";
  q.circuit_id = 7;
  CHECK(handler.Handle(q).status == 200);
  HttpResponse limited = handler.Handle(q);
  CHECK(limited.status == 429);
  CHECK(limited.body.find("<html lang=\"sr-Cyrl\">") != std::string::npos);
  CHECK(limited.body.find(cat->Text("sr-Cyrl", "err_api_rate_limited")) != std::string::npos);
  CHECK(limited.body.find("/plain?lang=sr-Cyrl") != std::string::npos);  // the way back
  bool retry_after = false;
  for (const auto& [name, value] : limited.headers) retry_after |= name == "Retry-After";
  CHECK(retry_after);
}

}  // namespace
}  // namespace dojava::nojs
