// The no-JavaScript pages without dead ends (issue 17): one case however
// often the form is sent (one-time form token, 303, the receipt shown once),
// nothing typed is lost on a refusal, every missing field is named at once,
// photos lose their metadata as on the JavaScript page, the language follows
// the browser, and the receipt page says how long the case lives.
#include <catch2/catch_test_macros.hpp>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "service/nojs/catalogues.h"
#include "service/nojs/nojs_pages.h"
#include "tests/nojs/plain_harness.h"

namespace dojava::nojs {
namespace {

using api::testing::kSource;
using http::HttpResponse;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(DOJAVA_SOURCE_DIR) + "/static/test/fixtures/" + name,
                   std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool Has(const HttpResponse& r, const std::string& s) {
  return r.body.find(s) != std::string::npos;
}

TEST_CASE(
    "no-JS idempotence: reload, resubmission and double posts create one case and show one "
    "receipt") {
  PlainHarness p;
  const std::string token = p.FormToken();
  HttpResponse posted = p.PostForm(ReportParts(), token);
  REQUIRE(posted.status == 303);
  const std::string location = LocationOf(posted);
  CHECK(std::regex_match(location, std::regex("/plain/receipt/[A-Za-z0-9_-]{43}\\?lang=en")));

  SECTION("double post before the redirect: the same receipt page, one case") {
    HttpResponse again = p.PostForm(ReportParts(), token);
    CHECK(again.status == 303);
    CHECK(LocationOf(again) == location);
    HttpResponse shown = p.h().Get(kSource, location);
    CHECK(shown.status == 200);
    CHECK(std::regex_match(PlainHarness::ReceiptOf(shown), std::regex("([0-9]{4}-){6}[0-9]{4}")));
    CHECK(p.CaseCount() == 1);
  }
  SECTION("reload of the receipt page: shown once, then the page says so; no second case") {
    HttpResponse shown = p.h().Get(kSource, location);
    REQUIRE(shown.status == 200);
    const std::string receipt = PlainHarness::ReceiptOf(shown);
    CHECK(Has(shown, "shows your receipt only once"));
    HttpResponse reload = p.h().Get(kSource, location);
    CHECK(reload.status == 410);
    CHECK(reload.body.find(receipt) == std::string::npos);
    CHECK(Has(reload, "A receipt is shown only once"));
    CHECK(p.CaseCount() == 1);
  }
  SECTION("resubmission with the same token after the receipt was shown (Back, Resend)") {
    REQUIRE(p.h().Get(kSource, location).status == 200);
    HttpResponse resent = p.PostForm(ReportParts(), token);
    CHECK(resent.status == 409);
    CHECK(Has(resent, "nothing was sent again"));
    CHECK(p.CaseCount() == 1);
  }
  SECTION("a receipt not picked up within receipt_hold_seconds is wiped") {
    p.AdvanceSeconds(NojsOptions{}.receipt_hold_seconds + 1);
    CHECK(p.h().Get(kSource, location).status == 410);
    CHECK(p.CaseCount() == 1);
  }
  SECTION("a receipt link never issued") {
    CHECK(p.h().Get(kSource, "/plain/receipt/" + std::string(43, 'A') + "?lang=en").status == 410);
  }
}

TEST_CASE(
    "no-JS idempotence: two posts of one form at the same time (double click) make one case") {
  PlainHarness p;
  const std::string token = p.FormToken();
  HttpResponse first, second;
  std::thread a([&] { first = p.PostForm(ReportParts(), token); });
  std::thread b([&] { second = p.PostForm(ReportParts(), token); });
  a.join();
  b.join();
  CHECK(first.status == 303);
  CHECK(second.status == 303);
  CHECK(LocationOf(first) == LocationOf(second));
  CHECK(p.CaseCount() == 1);
}

TEST_CASE("no-JS: a form without a valid token sends nothing and comes back with the text kept") {
  PlainHarness p;
  for (const std::string& token : {std::string(), std::string(43, 'B')}) {
    HttpResponse r = p.PostForm(ReportParts(), token);
    CHECK(r.status == 400);
    CHECK(Has(r, "This form was open too long"));
    CHECK(Has(r, "value=\"Phone infected\""));
    CHECK(FormTokenOf(r) != token);  // a fresh one: sending again works
    CHECK(p.CaseCount() == 0);
  }
  // An expired form: the same.
  const std::string token = p.FormToken();
  p.AdvanceSeconds(NojsOptions{}.form_token_seconds + 1);
  HttpResponse late = p.PostForm(ReportParts(), token);
  CHECK(late.status == 400);
  HttpResponse sent = p.Follow(p.PostForm(ReportParts(), FormTokenOf(late)));
  CHECK(sent.status == 200);
  CHECK(p.CaseCount() == 1);
}

TEST_CASE(
    "no-JS refusals keep what was typed, name every missing field beside it, focus the first") {
  PlainHarness p;
  SECTION("the note says which fields are required") {
    HttpResponse form = p.h().Get(kSource, "/plain?lang=en");
    CHECK(Has(form, "Country, kind of incident, title and what happened are required."));
    CHECK_FALSE(Has(form, "Title and description are required."));
  }
  SECTION("four fields missing: four messages at once, each beside its field") {
    auto parts = ReportParts();
    parts[1].value = "";               // country
    parts[2].value = "";               // incident
    parts[5].value = "  ";             // title
    parts[6].value = "\r\n";           // text
    parts[3].value = "last <autumn>";  // when, kept escaped
    HttpResponse r = p.Submit(parts);
    CHECK(r.status == 400);
    CHECK(Has(r, "id=\"f-country-error\">Please choose: Country.</p>"));
    CHECK(Has(r, "id=\"f-incident-error\">Please choose: What kind of incident.</p>"));
    CHECK(Has(r, "id=\"f-title-error\">Please fill in: Title.</p>"));
    CHECK(Has(r, "id=\"f-text-error\">Please fill in: What happened.</p>"));
    // The focus on the first, by markup (no script).
    std::smatch m;
    REQUIRE(std::regex_search(r.body, m, std::regex("<[^>]* autofocus[^>]*>")));
    CHECK(m.str().find("id=\"f-country\"") != std::string::npos);
    CHECK(Has(r, "value=\"last &lt;autumn&gt;\""));
    CHECK(p.CaseCount() == 0);
  }
  SECTION("one bad field: the rest is kept as typed, files must be chosen again") {
    auto parts = ReportParts({{"files", "abc", true, "a.txt", "text/plain"}});
    parts[5].value = std::string(201, 'a');
    HttpResponse r = p.Submit(parts);
    CHECK(r.status == 400);
    CHECK(Has(r, "<option value=\"RS\" selected>"));
    CHECK(Has(r, "<option value=\"spyware\" selected>"));
    CHECK(Has(r, "value=\"state\" checked>"));
    CHECK(Has(r, "Line one\r\nLine &quot;two&quot; &lt;b&gt;\\ \xc5\xa1"));
    CHECK(Has(r, "id=\"f-title-error\">Too long: Title."));
    CHECK(Has(r, "id=\"f-files-again\""));
    // Corrected and sent again under the same form token: one case.
    parts[5].value = "Phone infected";
    HttpResponse sent = p.Follow(p.PostForm(parts, FormTokenOf(r)));
    CHECK(sent.status == 200);
    CHECK(p.CaseCount() == 1);
  }
  SECTION("a mistyped receipt stays in the field with the error beside it") {
    HttpResponse r =
        p.h().Post(kSource, "/plain/return", "lang=en&receipt=1234-5678", UrlEncodedType());
    CHECK(r.status == 400);
    CHECK(Has(r, "value=\"1234-5678\""));
    CHECK(Has(r, "aria-invalid=\"true\" autofocus"));
    CHECK(Has(r, "id=\"r-receipt-error\">A receipt has 28 digits."));
  }
}

TEST_CASE("no-JS photos lose GPS EXIF and text chunks as on the JavaScript page, unless asked") {
  PlainHarness p;
  const std::string gps = Fixture("photo-gps.jpg");
  const std::string png = Fixture("photo-text.png");
  auto reviewer_files = [&](const HttpResponse& sent) {
    REQUIRE(sent.status == 200);
    const service::CaseInfo info = p.CaseOf(PlainHarness::ReceiptOf(sent));
    auto parsed = api::JsonObject::Parse(p.ReviewerBody(info.case_id, 1));
    REQUIRE(parsed.ok());
    std::vector<std::string> out;
    for (const auto& ref : api::testing::Json::At(parsed->value(), "files").array()) {
      out.push_back(p.ReviewerFile(info.case_id, ref));
      CHECK(static_cast<size_t>(api::testing::Json::At(ref, "size").int_value()) ==
            out.back().size());
    }
    return out;
  };
  SECTION("stripped by default") {
    auto files =
        reviewer_files(p.Submit(ReportParts({{"files", gps, true, "IMG_1.jpg", "image/jpeg"},
                                             {"files", png, true, "s.png", "image/png"}})));
    REQUIRE(files.size() == 2);
    CHECK(files[0] == Fixture("photo-clean.jpg"));
    CHECK(files[1] == Fixture("photo-clean.png"));
  }
  SECTION("kept as they are when the box is ticked") {
    auto parts = ReportParts({{"files", gps, true, "IMG_1.jpg", "image/jpeg"}});
    parts.emplace_back("keep_metadata", "1");
    auto files = reviewer_files(p.Submit(parts));
    REQUIRE(files.size() == 1);
    CHECK(files[0] == gps);
  }
  SECTION("a follow-up with a photo that does not parse: refused, the follow-up kept as typed") {
    HttpResponse sent = p.Submit(ReportParts());
    REQUIRE(sent.status == 200);
    HttpResponse page =
        p.h().Post(kSource, "/plain/return", "lang=en&receipt=" + PlainHarness::ReceiptOf(sent),
                   UrlEncodedType());
    REQUIRE(page.status == 200);
    HttpResponse r =
        p.h().Post(kSource, "/plain/reply",
                   Multipart({{"token", TokenOf(page)},
                              {"lang", "en"},
                              {"text", "More <detail>"},
                              {"files", gps.substr(0, 300), true, "cut.jpg", "image/jpeg"}}),
                   MultipartType());
    CHECK(r.status == 400);
    CHECK(Has(r, "cut.jpg looks like a photo"));
    CHECK(Has(r, ">More &lt;detail&gt;</textarea>"));
  }
  SECTION("a photo that does not parse is refused by name, the text kept") {
    HttpResponse r =
        p.Submit(ReportParts({{"files", gps.substr(0, 300), true, "cut.jpg", "image/jpeg"}}));
    CHECK(r.status == 400);
    CHECK(Has(r, "id=\"f-files-error\">cut.jpg looks like a photo"));
    CHECK(Has(r, "value=\"Phone infected\""));
    CHECK(p.CaseCount() == 0);
  }
}

TEST_CASE("no-JS language: the link's, else the browser's (Accept-Language), else English") {
  CHECK(LanguageOfAcceptLanguage("mk, en;q=0.5") == "mk");
  CHECK(LanguageOfAcceptLanguage("de-DE,de;q=0.9,sq;q=0.8,en;q=0.7") == "sq");
  CHECK(LanguageOfAcceptLanguage("en;q=0.4, sr-Latn-RS;q=0.6") == "sr-Latn");
  CHECK(LanguageOfAcceptLanguage("sr") == "sr-Cyrl");
  CHECK(LanguageOfAcceptLanguage("hr-HR") == "bs");
  CHECK(LanguageOfAcceptLanguage("bs;q=0, en;q=0.1") == "en");
  CHECK(LanguageOfAcceptLanguage("*") == "");
  for (const std::string& bad :
       std::vector<std::string>{"mk;q=2", "mk;level=1", "m k", "en-", "12", "mk;q=0.1234",
                                std::string(600, 'a'), "mk,x y"}) {
    CAPTURE(bad);
    CHECK(LanguageOfAcceptLanguage(bad).empty());
  }
  std::string many;
  for (int i = 0; i < 40; ++i) many += "de,";
  CHECK(LanguageOfAcceptLanguage(many + "mk").empty());

  PlainHarness p;
  auto with = [](const char* value) {
    api::testing::Options o;
    o.headers.emplace_back("accept-language", value);
    return o;
  };
  CHECK(Has(p.h().Get(kSource, "/plain", with("mk,en;q=0.5")), "<html lang=\"mk\">"));
  CHECK(Has(p.h().Get(kSource, "/plain/return", with("sr-RS")), "<html lang=\"sr-Cyrl\">"));
  CHECK(Has(p.h().Get(kSource, "/plain?lang=sq", with("mk")), "<html lang=\"sq\">"));
  CHECK(Has(p.h().Get(kSource, "/plain", with("mk;q=x")), "<html lang=\"en\">"));
}

TEST_CASE("no-JS receipt page says how long the case lives and when to come back") {
  PlainHarness p;
  HttpResponse en = p.Submit(ReportParts());
  REQUIRE(en.status == 200);
  CHECK(Has(en, "Your case is deleted 90 days after the last message in it"));
  auto parts = ReportParts();
  parts[0].value = "bs";
  HttpResponse bs = p.PostForm(parts, p.FormToken("lang=bs"));
  HttpResponse shown = p.Follow(bs);
  CHECK(Has(shown, "<html lang=\"bs\">"));
  CHECK(Has(shown, "Vaš slučaj se briše 90 dana nakon posljednje poruke"));
}

}  // namespace
}  // namespace dojava::nojs
