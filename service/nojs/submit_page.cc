// GET /plain and POST /plain/submit: the report form, and sealing a report
// into a new case the way the JavaScript page and `dojava submit` do.
#include "base/encoding.h"
#include "base/utf8.h"
#include "crypto/protocol_constants.h"
#include "crypto/receipt.h"
#include "crypto/sealed_key.h"
#include "crypto/source_key_wrap.h"
#include "payload/payload_constants.h"
#include "service/nojs/nojs_pages_impl.h"

namespace dojava::nojs {
void NojsPagesImpl::SubmitForm(PageText* out, std::string_view lang) const {
  auto t = [&](std::string_view key) { return html_.T(lang, key); };
  auto select = [&](const char* id, const char* name, const char* label_key, const char* prefix,
                    auto& values) {
    *out += "<div class=\"field\">\n<label for=\"" + std::string(id) + "\">" + t(label_key) +
            "</label>\n<select id=\"" + id + "\" name=\"" + name + "\" required>\n";
    *out += "<option value=\"\">" + t("choose") + "</option>\n";
    for (std::string_view v : values) {
      *out += "<option value=\"" + std::string(v) + "\">" +
              t(std::string(prefix) + std::string(v)) + "</option>\n";
    }
    *out += "</select>\n</div>\n";
  };
  *out +=
      "<form id=\"plain-report\" method=\"post\" action=\"/plain/submit?lang=" + std::string(lang) +
      "\" "
      "enctype=\"multipart/form-data\" accept-charset=\"utf-8\">\n";
  *out += "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(lang) + "\">\n";
  *out +=
      "<h2>" + t("form_title") + "</h2>\n<p class=\"note\">" + t("form_required_note") + "</p>\n";
  select("f-country", "country", "f_country", "country_", payload::kCountries);
  select("f-incident", "incident", "f_incident", "incident_", payload::kIncidents);
  *out += "<div class=\"field\">\n<label for=\"f-when\">" + t("f_when") +
          "</label>\n<input id=\"f-when\" name=\"when\" type=\"text\" maxlength=\"" +
          std::to_string(payload::kWhenMaxChars) +
          "\" autocomplete=\"off\" aria-describedby=\"f-when-hint\">\n<p class=\"hint\" "
          "id=\"f-when-hint\">" +
          t("f_when_hint") + "</p>\n</div>\n";
  *out += "<fieldset class=\"field\">\n<legend>" + t("f_responsible") + "</legend>\n";
  for (std::string_view v : payload::kResponsible) {
    *out += "<label class=\"choice\"><input type=\"radio\" name=\"responsible\" value=\"" +
            std::string(v) + "\"" + (v == "unknown" ? " checked" : "") + "> <span>" +
            t("responsible_" + std::string(v)) + "</span></label>\n";
  }
  *out += "</fieldset>\n";
  *out += "<div class=\"field\">\n<label for=\"f-title\">" + t("f_title") +
          "</label>\n<input id=\"f-title\" name=\"title\" type=\"text\" maxlength=\"" +
          std::to_string(payload::kTitleMaxChars) + "\" required autocomplete=\"off\">\n</div>\n";
  *out += "<div class=\"field\">\n<label for=\"f-text\">" + t("f_text") +
          "</label>\n<textarea id=\"f-text\" name=\"text\" rows=\"10\" required maxlength=\"" +
          std::to_string(options_.message_characters) +
          "\" aria-describedby=\"f-text-hint\"></textarea>\n<p class=\"hint\" id=\"f-text-hint\">" +
          t("f_text_hint") + "</p>\n</div>\n";
  *out += "<div class=\"field\">\n<label for=\"f-files\">" + t("f_files") +
          "</label>\n<input id=\"f-files\" name=\"files\" type=\"file\" multiple "
          "aria-describedby=\"f-files-hint\">\n<p class=\"hint\" id=\"f-files-hint\">";
  Escape(out, cat_.Text(lang, "plain_files_limit", {{"max", html_.FormLimitText(lang)}}));
  *out += "</p>\n<p class=\"hint warn\">" + t("plain_metadata") + "</p>\n</div>\n";
  *out += "<button type=\"submit\" class=\"primary\">" + t("plain_submit_button") +
          "</button>\n</form>\n";
}

http::HttpResponse NojsPagesImpl::GetSubmitPage(const HttpRequest& request) {
  const std::string lang = html_.LangOf(request.query);
  PageText out;
  html_.Begin(&out, lang, "plain_title", "/plain");
  out += "<h1>" + html_.T(lang, "submit_title") + "</h1>\n<p>" + html_.T(lang, "submit_lead") +
         "</p>\n<div class=\"box\"><ul>\n<li>" + html_.T(lang, "how_receipt") + "</li>\n<li>" +
         html_.T(lang, "how_tor") + "</li>\n</ul></div>\n";
  SubmitForm(&out, lang);
  html_.End(&out);
  return html_.Page(out);
}

Result<SecretBytes> NojsPagesImpl::ReportBody(const FormData& form, std::string_view lang,
                                              const std::vector<PreparedFile>& files,
                                              HttpResponse* refusal) const {
  SecretBytes when_store, title_store, text_store;
  payload::ReportFields r;
  r.country = form.Text("country");
  r.incident = form.Text("incident");
  r.responsible = form.Text("responsible");
  r.when = NormaliseInto(form.Text("when"), &when_store);
  r.title = NormaliseInto(form.Text("title"), &title_store);
  r.text = NormaliseInto(form.Text("text"), &text_store);
  payload::FieldError error;
  auto body =
      payload::BuildReport(r, NewFiles(files), static_cast<size_t>(options_.message_characters),
                           SourceMaxBody(), &error);
  if (!body.ok()) {
    const std::string label = "f_" + (error.field == "body" ? std::string("text") : error.field);
    *refusal = html_.ErrorPage(
        lang, 400,
        cat_.Text(lang, "err_payload_" + error.code, {{"field", cat_.Text(lang, label)}}),
        "/plain");
  }
  return body;
}

Result<crypto::Receipt> NojsPagesImpl::SealNewCase(const SecretBytes& body,
                                                   const service::Settings& settings,
                                                   const PageRoster& roster,
                                                   const std::vector<PreparedFile>& files,
                                                   std::string_view lang, HttpResponse* refusal) {
  const Status refused(Code::kInternal, "not sealed");
  if (!AcquireKdf()) {
    *refusal = html_.ErrorPage(lang, 503, cat_.Text(lang, "plain_err_busy"), "/plain");
    return refused;
  }
  crypto::Receipt receipt = crypto::Receipt::Generate();
  auto rk = crypto::DeriveReceiptKeys(receipt, settings.salt);
  ReleaseKdf();
  *refusal = InternalErrorPage(lang, "/plain");
  if (!rk.ok()) return refused;

  api::NewCaseRequest c;
  c.case_id = crypto::RandomId();
  const SecretBytes ck = SecretBytes::Random(protocol::kKeySize);
  // PROTOCOL.md §8.3: signed with the receipt's key, whose public half
  // travels only inside the report.
  const crypto::Ed25519KeyPair sign = crypto::Ed25519FromSeed(rk->source_sign_seed.reveal());
  auto record = SourceRecord(ck, c.case_id, body.reveal(), roster,
                             SourceSigner{sign.public_key, sign.secret_key}, crypto::v2::Digest{});
  // PROTOCOL.md §7.1: the source's copy of CK is wrapped under source_wrap,
  // which only the receipt gives.
  auto source_sealed =
      crypto::WrapSourceKey(ck, protocol::kRoleCaseKey, c.case_id, rk->source_wrap);
  if (!record.ok() || !source_sealed.ok() || source_sealed->size() != protocol::kWrappedKeySize) {
    return refused;
  }
  c.lookup_key = std::move(rk->lookup_key);
  c.source_public_key = rk->source_public;
  service::SealedKey source_key{std::nullopt, service::Role::kCaseKey, {}};
  std::copy(source_sealed->begin(), source_sealed->end(), source_key.sealed.begin());
  c.keys.push_back(source_key);
  for (const auto& e : roster.entries()) {
    auto sealed = crypto::SealKey(ck, protocol::kRoleCaseKey, c.case_id, e.x25519);
    if (!sealed.ok() || sealed->size() != protocol::kSealedKeySize) return refused;
    service::SealedKey k{e.reviewer_id, service::Role::kCaseKey, {}};
    std::copy(sealed->begin(), sealed->end(), k.sealed.begin());
    c.keys.push_back(k);
  }
  c.first_message = std::move(record).value();
  for (const PreparedFile& f : files) c.files.push_back(f.secrets.file_id());

  // The files first: a case is only created with finished uploads.
  Status stored = StoreFiles(files);
  if (!stored.ok()) {
    *refusal = StoreFailurePage(lang, stored, "/plain");
    return refused;
  }
  const api::IntakeResult created = intake_->CreateCase(c);
  if (!created.ok()) {
    *refusal = IntakeFailurePage(lang, *created.error, "/plain");
    return refused;
  }
  return receipt;
}

http::HttpResponse NojsPagesImpl::ReceiptPage(std::string_view lang,
                                              const crypto::Receipt& receipt) const {
  // Shown once; nothing here is stored.
  const SecretBytes shown = receipt.Formatted();
  auto t = [&](std::string_view key) { return html_.T(lang, key); };
  PageText out;
  html_.Begin(&out, lang, "receipt_title", "");
  out += "<section id=\"plain-receipt\">\n<h1>" + t("receipt_title") + "</h1>\n<p>" +
         t("receipt_lead") + "</p>\n<p class=\"receipt\" id=\"receipt-value\" translate=\"no\">";
  out.append(shown.reveal_chars());  // digits and '-' only
  out += "</p>\n<div class=\"box\">\n<h2>" + t("receipt_advice_title") + "</h2>\n<ul>\n";
  for (const char* k : {"receipt_advice_write", "receipt_advice_secret", "receipt_advice_lost",
                        "receipt_advice_return", "receipt_advice_close"}) {
    out += "<li>" + t(k) + "</li>\n";
  }
  out += "</ul>\n</div>\n<p><a href=\"/plain/return?lang=" + std::string(lang) + "\">" +
         t("nav_return") + "</a></p>\n</section>\n";
  html_.End(&out);
  return html_.Page(out, 201);
}

http::HttpResponse NojsPagesImpl::PostSubmit(const HttpRequest& request) {
  auto form = ParseFileForm(request);
  if (!form.ok()) return FormErrorPage(request, form.status(), "/plain");
  const std::string lang(cat_.Choose(form->Text("lang")));
  const std::vector<PreparedFile> files = PrepareFiles(*form);
  HttpResponse refusal;
  auto body = ReportBody(*form, lang, files, &refusal);
  if (!body.ok()) return refusal;
  auto settings = store_->GetSettings();
  if (!settings.ok()) return InternalErrorPage(lang, "/plain");
  if (!FilesFit(*form, *settings)) {
    return html_.ErrorPage(lang, 413, cat_.Text(lang, "err_too_large"), "/plain");
  }
  auto roster = Roster();
  if (!roster.ok() || roster->entries().empty()) {
    return html_.ErrorPage(lang, 503, cat_.Text(lang, "err_api_not_ready"), "/plain");
  }
  auto receipt = SealNewCase(*body, *settings, *roster, files, lang, &refusal);
  if (!receipt.ok()) return refusal;
  return ReceiptPage(lang, *receipt);
}

}  // namespace dojava::nojs
