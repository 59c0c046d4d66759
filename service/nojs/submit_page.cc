// GET /plain and POST /plain/submit: the report form under a one-time
// token, and sealing a report into a new case the way the JavaScript page
// and `dojava submit` do; then a 303 to the receipt page (receipt_page.cc).
#include "base/encoding.h"
#include "base/utf8.h"
#include "crypto/protocol_constants.h"
#include "crypto/receipt.h"
#include "crypto/sealed_key.h"
#include "crypto/source_key_wrap.h"
#include "payload/payload_constants.h"
#include "service/nojs/nojs_pages_impl.h"

namespace dojava::nojs {
http::HttpResponse NojsPagesImpl::GetSubmitPage(const HttpRequest& request) {
  const std::string lang = html_.LangOf(request);
  const SecretBytes token = form_tokens_.Issue();
  const SecretBytes token_text = Base64UrlEncodeSecret(token.reveal());
  return SubmitPage(lang, token_text.reveal_chars(), FormView{}, 200);
}

payload::ReportFields ReportFieldsOf(const FormData& form, ReportFieldStores* stores) {
  payload::ReportFields r;
  r.country = form.Text("country");
  r.incident = form.Text("incident");
  r.responsible = form.Text("responsible");
  r.when = NormaliseInto(form.Text("when"), &stores->when);
  r.title = NormaliseInto(form.Text("title"), &stores->title);
  r.text = NormaliseInto(form.Text("text"), &stores->text);
  return r;
}

Result<SecretBytes> NojsPagesImpl::ReportBody(const FormData& form,
                                              const std::vector<PreparedFile>& files,
                                              const crypto::X25519Public& source_pk) const {
  ReportFieldStores stores;
  const payload::ReportFields r = ReportFieldsOf(form, &stores);
  payload::FieldError error;
  return payload::BuildReport(r, source_pk, NewFiles(files),
                              static_cast<size_t>(options_.message_characters), SourceMaxBody(),
                              &error);
}

Result<crypto::Receipt> NojsPagesImpl::SealNewCase(const FormData& form,
                                                   const service::Settings& settings,
                                                   const PageRoster& roster,
                                                   const std::vector<PreparedFile>& files,
                                                   std::string_view lang, Refusal* refusal) {
  const Status refused(Code::kInternal, "not sealed");
  if (!AcquireKdf()) {
    *refusal = {503, cat_.Text(lang, "plain_err_busy")};
    return refused;
  }
  crypto::Receipt receipt = crypto::Receipt::Generate();
  auto rk = crypto::DeriveReceiptKeys(receipt, settings.salt);
  ReleaseKdf();
  *refusal = {500, cat_.Text(lang, "err_api_internal")};
  if (!rk.ok()) return refused;

  api::NewCaseRequest c;
  c.case_id = crypto::RandomId();
  // §11.1: the report names the source_pk this receipt gives, the one the
  // case stores (below), so a re-keying reviewer can check what is served.
  auto body = ReportBody(form, files, rk->source_public);
  if (!body.ok()) return refused;
  const SecretBytes ck = SecretBytes::Random(protocol::kKeySize);
  // PROTOCOL.md §8.3: signed with the receipt's key, whose public half
  // travels only inside the report.
  const crypto::Ed25519KeyPair sign = crypto::Ed25519FromSeed(rk->source_sign_seed.reveal());
  auto record = SourceRecord(ck, c.case_id, body->reveal(), roster,
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
    *refusal = StoreRefusal(lang, stored);
    return refused;
  }
  const api::IntakeResult created = intake_->CreateCase(c);
  if (!created.ok()) {
    *refusal = IntakeRefusal(lang, *created.error);
    return refused;
  }
  return receipt;
}

http::HttpResponse NojsPagesImpl::SendReport(const FormData& form, std::string_view lang,
                                             ByteView token, std::string_view token_text) {
  FormView view{&form, {}, ""};
  auto again = [&](int status, std::string notice) {
    form_tokens_.Release(token);
    view.notice = std::move(notice);
    return SubmitPage(lang, token_text, view, status);
  };
  std::string bad_image;
  auto files = PrepareFiles(form, form.Text("keep_metadata") == "1", &bad_image);
  if (!files.ok()) {
    view.field_errors.emplace_back("files",
                                   cat_.Text(lang, "plain_err_image", {{"name", bad_image}}));
  }
  const std::vector<PreparedFile> none;
  for (auto& e : ReportErrors(form, lang, files.ok() ? *files : none)) {
    view.field_errors.push_back(std::move(e));
  }
  if (!view.field_errors.empty()) return again(400, cat_.Text(lang, "plain_err_fields"));
  auto settings = store_->GetSettings();
  if (!settings.ok()) return again(500, cat_.Text(lang, "err_api_internal"));
  if (!FilesFit(form, *settings)) {
    view.field_errors.emplace_back("files", cat_.Text(lang, "err_too_large"));
    return again(413, cat_.Text(lang, "plain_err_fields"));
  }
  auto roster = Roster();
  if (!roster.ok() || roster->entries().empty()) {
    return again(503, cat_.Text(lang, "err_api_not_ready"));
  }
  Refusal refusal;
  auto receipt = SealNewCase(form, *settings, *roster, *files, lang, &refusal);
  if (!receipt.ok()) return again(refusal.status, refusal.message);
  form_tokens_.Finish(token, receipt->Formatted());
  return RedirectToReceipt(lang, token_text);
}

http::HttpResponse NojsPagesImpl::PostSubmit(const HttpRequest& request) {
  auto form = ParseFileForm(request);
  if (!form.ok()) return FormErrorPage(request, form.status(), "/plain");
  const std::string lang(cat_.Choose(form->Text("lang")));
  // The form's one-time token decides whether this is a new report (Begin's
  // kGo) or the same one again (form_tokens.h).
  const std::string_view token_text = form->Text("form_token");
  auto token = Base64UrlDecodeSecret(token_text);
  FormTokens::Claim claim = FormTokens::Claim::kUnknown;
  if (token.ok() && token->size() == kTokenBytes) {
    claim = form_tokens_.Begin(token->reveal(), std::chrono::milliseconds(options_.kdf_wait_ms));
  }
  switch (claim) {
    case FormTokens::Claim::kGo:
      return SendReport(*form, lang, token->reveal(), token_text);
    case FormTokens::Claim::kReceipt:
      return RedirectToReceipt(lang, token_text);
    case FormTokens::Claim::kShown:
      return ReceiptGonePage(lang, 409);
    case FormTokens::Claim::kBusy:
      return SubmitPage(lang, token_text, FormView{&*form, {}, cat_.Text(lang, "plain_err_busy")},
                        503);
    case FormTokens::Claim::kUnknown:
      break;
  }
  // Never issued, or expired: nothing was sent; the form again, text kept,
  // under a fresh token.
  const SecretBytes fresh = form_tokens_.Issue();
  const SecretBytes fresh_text = Base64UrlEncodeSecret(fresh.reveal());
  return SubmitPage(lang, fresh_text.reveal_chars(),
                    FormView{&*form, {}, cat_.Text(lang, "plain_err_form_expired")}, 400);
}

}  // namespace dojava::nojs
