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
  const std::string lang = html_.LangOf(request.query);
  PageText out;
  html_.Begin(&out, lang, "return_title", "/plain/return");
  out +=
      "<h1>" + html_.T(lang, "return_title") + "</h1>\n<p>" + html_.T(lang, "plain_return_lead") +
      "</p>\n<form id=\"plain-open\" method=\"post\" action=\"/plain/return?lang=" + lang +
      "\" "
      "accept-charset=\"utf-8\">\n<input type=\"hidden\" name=\"lang\" value=\"" +
      lang + "\">\n<div class=\"field\">\n<label for=\"r-receipt\">" + html_.T(lang, "r_receipt") +
      "</label>\n<input id=\"r-receipt\" name=\"receipt\" type=\"text\" "
      "class=\"receipt-input\" inputmode=\"numeric\" autocomplete=\"off\" "
      "spellcheck=\"false\" required maxlength=\"60\" "
      "aria-describedby=\"r-receipt-hint\">\n<p class=\"hint\" id=\"r-receipt-hint\">" +
      html_.T(lang, "r_receipt_hint") + "</p>\n</div>\n<button type=\"submit\" class=\"primary\">" +
      html_.T(lang, "open_button") + "</button>\n</form>\n";
  html_.End(&out);
  return html_.Page(out);
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
  auto page = [&](int status, const char* key) {
    return html_.ErrorPage(lang, status, cat_.Text(lang, key), "/plain/return");
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
  if (!FilesFit(*form, *settings)) {
    return html_.ErrorPage(lang, 413, cat_.Text(lang, "err_too_large"), "/plain/return");
  }
  // PROTOCOL.md §8.4, §11.4: message #1 is this receipt's report (and, in a
  // v1 case, every message opens), or the case key may be the server's.
  const CaseReading reading = ReadCase(*c);
  if (!reading.status.ok() || !reading.trust.ok()) {
    return html_.ErrorPage(lang, 409, cat_.Text(lang, "err_crypto_decrypt_failed"),
                           "/plain/return");
  }
  auto roster = Roster();  // §6: nothing is signed on top of an expired roster
  if (!roster.ok()) {
    return html_.ErrorPage(lang, 503, cat_.Text(lang, "err_api_not_ready"), "/plain/return");
  }

  SecretBytes text_store;
  const std::string_view text = NormaliseInto(form->Text("text"), &text_store);
  const std::vector<PreparedFile> files = PrepareFiles(*form);
  payload::FieldError error;
  auto body =
      payload::BuildMessage(text, NewFiles(files), static_cast<size_t>(options_.message_characters),
                            SourceMaxBody(), &error);
  if (!body.ok()) {
    return ConversationPage(
        lang, *c, token_text.reveal_chars(),
        cat_.Text(lang, "err_payload_" + error.code, {{"field", cat_.Text(lang, "m_text")}}), 400);
  }
  api::FollowUpRequest post;
  auto record = FollowUpRecord(*c, reading, *roster, body->reveal());
  if (!record.ok()) return InternalErrorPage(lang, "/plain/return");
  Status stored = StoreFiles(files);
  if (!stored.ok()) return StoreFailurePage(lang, stored, "/plain/return");
  post.lookup_key = SecretBytes::Copy(c->lookup_key.reveal());
  post.record = std::move(record).value();
  for (const PreparedFile& f : files) post.files.push_back(f.secrets.file_id());
  const api::IntakeResult posted = intake_->PostFollowUp(post);
  if (!posted.ok()) return IntakeFailurePage(lang, *posted.error, "/plain/return");
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
