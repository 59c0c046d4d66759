// GET and POST /plain/return, POST /plain/reply and /plain/leave: a
// returning source opens the conversation with the receipt, answers, leaves.
#include "base/encoding.h"
#include "base/utf8.h"
#include "crypto/protocol_constants.h"
#include "crypto/receipt.h"
#include "crypto/source_key_wrap.h"
#include "service/nojs/nojs_pages_impl.h"

namespace dojava::nojs {
namespace {

constexpr size_t kMaxReceiptFieldBytes = 200;
constexpr size_t kMaxSmallFieldBytes = 100;  // token, lang

}  // namespace

http::HttpResponse NojsPagesImpl::GetReturnPage(const HttpRequest& request) {
  return ReturnPage(html_.LangOf(request), "", "", 200);
}

http::HttpResponse NojsPagesImpl::ReturnPage(std::string_view lang, std::string_view kept,
                                             std::string_view error, int status) const {
  const std::string l(lang);
  PageText out;
  html_.Begin(&out, lang, "return_title", error.empty() ? "/plain/return" : "");
  out += "<h1>" + html_.T(lang, "return_title") + "</h1>\n<p>" +
         html_.T(lang, "plain_return_lead") +
         "</p>\n<form id=\"plain-open\" method=\"post\" action=\"/plain/return?lang=" + l +
         "\" accept-charset=\"utf-8\">\n<input type=\"hidden\" name=\"lang\" value=\"" + l +
         "\">\n<div class=\"field\">\n<label for=\"r-receipt\">" + html_.T(lang, "r_receipt") +
         "</label>\n<input id=\"r-receipt\" name=\"receipt\" type=\"text\" "
         "class=\"receipt-input\" inputmode=\"numeric\" autocomplete=\"off\" "
         "spellcheck=\"false\" required maxlength=\"60\" value=\"";
  Escape(&out, kept);  // as typed, so a typo is corrected, not typed again
  out += "\" aria-describedby=\"r-receipt-hint";
  out += error.empty() ? "\">\n" : " r-receipt-error\" aria-invalid=\"true\" autofocus>\n";
  out += "<p class=\"hint\" id=\"r-receipt-hint\">" + html_.T(lang, "r_receipt_hint") + "</p>\n";
  if (!error.empty()) {
    out += "<p class=\"alert field-error\" role=\"alert\" id=\"r-receipt-error\">";
    Escape(&out, error);
    out += "</p>\n";
  }
  out += "</div>\n<button type=\"submit\" class=\"primary\">" + html_.T(lang, "open_button") +
         "</button>\n</form>\n";
  html_.End(&out);
  return html_.Page(out, status);
}

http::HttpResponse NojsPagesImpl::PostReturn(const HttpRequest& request) {
  FormLimits limits;
  limits.max_parts = 4;
  limits.max_field_bytes = kMaxReceiptFieldBytes;
  auto form = FormData::ParseUrlEncoded(request.body.reveal(), limits);
  if (!form.ok()) {
    const std::string lang = html_.LangOf(request.query);
    return html_.ErrorPage(lang, 400, cat_.Text(lang, "plain_err_form"), "/plain/return");
  }
  const std::string lang(cat_.Choose(form->Text("lang")));
  // Every refusal shows the form again with the receipt as typed.
  auto page = [&](int status, const char* key) {
    return ReturnPage(lang, form->Text("receipt"), cat_.Text(lang, key), status);
  };
  auto receipt = crypto::Receipt::Parse(form->Text("receipt"));
  if (!receipt.ok()) {
    return page(
        400, receipt.code() == Code::kBadChecksum ? "err_receipt_checksum" : "err_receipt_format");
  }
  auto settings = store_->GetSettings();
  if (!settings.ok()) return page(500, "err_api_internal");
  if (!AcquireKdf()) return page(503, "plain_err_busy");
  auto rk = crypto::DeriveReceiptKeys(*receipt, settings->salt);
  ReleaseKdf();
  if (!rk.ok()) return page(500, "err_api_internal");
  const Bytes hash = crypto::LookupHash(rk->lookup_key.reveal());
  service::LookupHash lookup{};
  std::copy(hash.begin(), hash.end(), lookup.begin());
  auto info = store_->FindCaseByLookupHash(lookup);
  if (!info.ok()) {
    return info.code() == Code::kNotFound ? page(404, "err_receipt_unknown")
                                          : page(500, "err_api_internal");
  }
  auto keys = store_->GetSealedKeys(info->case_id);
  if (!keys.ok()) return page(500, "err_api_internal");
  const service::SealedKey* source_key = nullptr;
  for (const auto& k : *keys) {
    if (!k.reviewer && k.role == service::Role::kCaseKey) source_key = &k;
  }
  if (source_key == nullptr) return page(500, "err_api_internal");
  auto ck = crypto::OpenSourceKey(source_key->sealed, protocol::kRoleCaseKey, info->case_id,
                                  rk->source_wrap);
  // PROTOCOL.md §7.1: not the key this receipt wrapped (altered or replaced on the server).
  if (!ck.ok()) return page(409, "err_source_key");
  auto c = std::make_shared<PlainSessions::Conversation>();
  c->case_id = info->case_id;
  c->case_key = std::move(ck).value();
  c->lookup_key = std::move(rk->lookup_key);
  crypto::Ed25519KeyPair sign = crypto::Ed25519FromSeed(rk->source_sign_seed.reveal());
  c->source_sign_public = sign.public_key;
  c->source_sign_secret = std::move(sign.secret_key);
  c->source_public = rk->source_public;
  c->source_secret = std::move(rk->source_secret);
  const SecretBytes token = sessions_.Open(c);
  const SecretBytes token_text = Base64UrlEncodeSecret(token.reveal());
  return ConversationPage(lang, *c, token_text.reveal_chars(), "");
}

http::HttpResponse NojsPagesImpl::PostReply(const HttpRequest& request) {
  auto form = ParseFileForm(request);
  if (!form.ok()) return FormErrorPage(request, form.status(), "/plain/return");
  const std::string lang(cat_.Choose(form->Text("lang")));
  SecretBytes token_text;
  auto c = SessionOf(*form, &token_text);
  if (!c) return SessionExpiredPage(lang);
  auto settings = store_->GetSettings();
  if (!settings.ok()) return InternalErrorPage(lang, "/plain/return");
  // A refusal shows the conversation again with the follow-up as typed.
  auto again = [&](int status, const std::string& message) {
    return ConversationPage(lang, *c, token_text.reveal_chars(), message, status,
                            form->Text("text"));
  };
  if (!FilesFit(*form, *settings)) return again(413, cat_.Text(lang, "err_too_large"));
  // PROTOCOL.md §8.4, §11.4: message #1 is this receipt's report (and, in a
  // v1 case, every message opens), or the case key may be the server's.
  const CaseReading reading = ReadCase(*c);
  if (!reading.status.ok() || !reading.trust.ok()) {
    // §8.4: below this session's high-water mark, say so in plain words.
    const bool below_mark = reading.status.ok() && (reading.trust.code() == Code::kTruncated ||
                                                    reading.trust.code() == Code::kReordered);
    const std::string_view key =
        below_mark ? UntrustedTextKey(reading.trust) : "err_crypto_decrypt_failed";
    return html_.ErrorPage(lang, 409, cat_.Text(lang, key), "/plain/return");
  }
  auto roster = Roster();  // §6: nothing is signed on top of an expired roster
  if (!roster.ok()) return again(503, cat_.Text(lang, "err_api_not_ready"));

  SecretBytes text_store;
  const std::string_view text = NormaliseInto(form->Text("text"), &text_store);
  std::string bad_image;
  auto prepared = PrepareFiles(*form, form->Text("keep_metadata") == "1", &bad_image);
  if (!prepared.ok()) {
    return again(400, cat_.Text(lang, "plain_err_image", {{"name", bad_image}}));
  }
  const std::vector<PreparedFile> files = std::move(prepared).value();
  payload::FieldError error;
  auto body =
      payload::BuildMessage(text, NewFiles(files), static_cast<size_t>(options_.message_characters),
                            SourceMaxBody(), &error);
  if (!body.ok()) {
    return again(
        400, cat_.Text(lang, "err_payload_" + error.code, {{"field", cat_.Text(lang, "m_text")}}));
  }
  api::FollowUpRequest post;
  auto record = FollowUpRecord(*c, reading, *roster, body->reveal());
  if (!record.ok()) return again(500, cat_.Text(lang, "err_api_internal"));
  Status stored = StoreFiles(files);
  if (!stored.ok()) {
    const Refusal r = StoreRefusal(lang, stored);
    return again(r.status, r.message);
  }
  post.lookup_key = SecretBytes::Copy(c->lookup_key.reveal());
  post.record = std::move(record).value();
  for (const PreparedFile& f : files) post.files.push_back(f.secrets.file_id());
  const api::IntakeResult posted = intake_->PostFollowUp(post);
  if (!posted.ok()) {
    const Refusal r = IntakeRefusal(lang, *posted.error);
    return again(r.status, r.message);
  }
  return ConversationPage(lang, *c, token_text.reveal_chars(), cat_.Text(lang, "reply_sent"));
}

http::HttpResponse NojsPagesImpl::PostLeave(const HttpRequest& request) {
  FormLimits limits;
  limits.max_parts = 4;
  limits.max_field_bytes = kMaxSmallFieldBytes;
  auto form = FormData::ParseUrlEncoded(request.body.reveal(), limits);
  const std::string lang =
      form.ok() ? std::string(cat_.Choose(form->Text("lang"))) : html_.LangOf(request.query);
  if (form.ok()) {
    auto token = Base64UrlDecodeSecret(form->Text("token"));
    if (token.ok()) sessions_.Close(token->reveal());
  }
  PageText out;
  html_.Begin(&out, lang, "conversation_title", "");
  out += "<p class=\"ok\" id=\"plain-left\">" + html_.T(lang, "plain_left") + "</p>\n";
  html_.End(&out);
  return html_.Page(out);
}

}  // namespace dojava::nojs
