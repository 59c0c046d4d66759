// Opening a returning source's conversation and its page (nojs_pages_impl.h).
#include "crypto/protocol_constants.h"
#include "service/nojs/nojs_pages_impl.h"

namespace dojava::nojs {

std::string_view UntrustedTextKey(const Status& trust) {
  switch (trust.code()) {
    case Code::kTruncated:
      return "plain_case_truncated";  // §8.4 high-water mark
    case Code::kReordered:
      return "plain_case_reordered";
    default:
      return "err_crypto_malformed";
  }
}

void NojsPagesImpl::UntrustedNotice(PageText* out, std::string_view lang,
                                    const Status& trust) const {
  if (trust.ok()) return;  // PROTOCOL.md §8.4: message #1 or the order is not trustworthy
  *out += "<p class=\"warn\" role=\"alert\" id=\"plain-untrusted\" data-outcome=\"" +
          std::string(CodeName(trust.code())) + "\">" + html_.T(lang, UntrustedTextKey(trust)) +
          "</p>\n";
}

void NojsPagesImpl::HiddenFields(PageText* out, std::string_view lang,
                                 std::string_view token_text) const {
  *out += "<input type=\"hidden\" name=\"token\" value=\"";
  out->append(token_text);  // base64url
  *out += "\">\n<input type=\"hidden\" name=\"lang\" value=\"" + std::string(lang) + "\">\n";
}

void NojsPagesImpl::EntryHtml(PageText* out, std::string_view lang, const Entry& e,
                              std::string_view token_text) const {
  auto t = [&](std::string_view key) { return html_.T(lang, key); };
  const payload::Body& b = e.body;
  *out += "<li class=\"message";
  if (e.from_source) *out += " mine";
  if (e.undecryptable || e.unverified || e.unsupported) *out += " bad";
  *out += "\" id=\"m" + std::to_string(e.seq) + "\"";
  // PROTOCOL.md §8.4: a record that does not open is named by its outcome.
  if (!e.outcome.empty()) *out += " data-outcome=\"" + std::string(e.outcome) + "\"";
  *out += ">\n<p class=\"meta\">#" + std::to_string(e.seq) + " · ";
  if (e.undecryptable || e.unverified) {
    *out += t(e.undecryptable ? "msg_unreadable" : "msg_unverified") + "</p>\n</li>\n";
    return;
  }
  if (e.from_source) {
    *out += t("msg_from_you");
  } else {
    Escape(out, cat_.Text(lang, "msg_from_reviewer", {{"name", e.author}}));
  }
  *out += "</p>\n";
  if (e.unsupported) {
    *out += "<p>" + t("msg_unsupported") + "</p>\n</li>\n";
    return;
  }
  if (b.type == "report") {
    const payload::ReportForm& f = b.form;
    const std::pair<std::string, const SecretBytes*> fields[] = {{"title", &f.title},
                                                                 {"country", &f.country},
                                                                 {"incident", &f.incident},
                                                                 {"when", &f.when},
                                                                 {"responsible", &f.responsible}};
    *out += "<dl class=\"form-summary\">\n";
    for (const auto& [key, v] : fields) {
      const bool choice = key == "country" || key == "incident" || key == "responsible";
      *out += "<dt>" + t("f_" + key) + "</dt><dd>";
      if (choice) {
        Escape(out, cat_.Text(lang, key + "_" + std::string(v->reveal_chars())));
      } else {
        Escape(out, v->reveal_chars());
      }
      *out += "</dd>\n";
    }
    *out += "</dl>\n";
  }
  *out += "<p class=\"text\">";
  Escape(out, b.text.reveal_chars());
  *out += "</p>\n";
  if (b.bad_files > 0) *out += "<p class=\"warn\">" + t("msg_bad_files") + "</p>\n";
  for (size_t i = 0; i < b.files.size(); ++i) {
    const payload::FileRef& f = b.files[i];
    const std::string size = SizeText(cat_, lang, f.size);
    if (f.size > options_.max_download_bytes) {
      *out += "<p class=\"file\">";
      Escape(out, f.name);
      *out += " — ";
      Escape(out, cat_.Text(lang, "plain_file_too_large", {{"size", size}}));
      *out += "</p>\n";
      continue;
    }
    *out += "<form class=\"file\" method=\"post\" action=\"/plain/file?lang=" + std::string(lang) +
            "\">\n";
    HiddenFields(out, lang, token_text);
    *out += "<input type=\"hidden\" name=\"seq\" value=\"" + std::to_string(e.seq) +
            "\">\n<input type=\"hidden\" name=\"n\" value=\"" + std::to_string(i) +
            "\">\n<button type=\"submit\" class=\"link\">";
    Escape(out, cat_.Text(lang, "file_download", {{"name", f.name}, {"size", size}}));
    *out += "</button>\n</form>\n";
  }
  *out += "</li>\n";
}

void NojsPagesImpl::ReplyForms(PageText* out, std::string_view lang, std::string_view token_text,
                               std::string_view kept_text) const {
  auto t = [&](std::string_view key) { return html_.T(lang, key); };
  const std::string l(lang);
  *out += "<form id=\"plain-reply\" method=\"post\" action=\"/plain/reply?lang=" + l +
          "\" "
          "enctype=\"multipart/form-data\" accept-charset=\"utf-8\">\n<h2>" +
          t("reply_title") + "</h2>\n";
  HiddenFields(out, lang, token_text);
  *out += "<div class=\"field\">\n<label for=\"m-text\">" + t("m_text") +
          "</label>\n<textarea id=\"m-text\" name=\"text\" rows=\"6\" maxlength=\"" +
          std::to_string(options_.message_characters) + "\">";
  Escape(out, kept_text);  // a refused follow-up, as typed (wiped memory only)
  *out += "</textarea>\n</div>\n";
  *out += "<div class=\"field\">\n<label for=\"m-files\">" + t("f_files") +
          "</label>\n<input id=\"m-files\" name=\"files\" type=\"file\" multiple "
          "aria-describedby=\"m-files-hint\">\n<p class=\"hint\" id=\"m-files-hint\">";
  Escape(out, cat_.Text(lang, "plain_files_limit", {{"max", html_.FormLimitText(lang)}}));
  *out += "</p>\n<p class=\"hint warn\">" + t("plain_metadata") +
          "</p>\n<label class=\"choice\"><input type=\"checkbox\" name=\"keep_metadata\" "
          "value=\"1\"> <span>" +
          t("plain_keep_metadata") +
          "</span></label>\n</div>\n<button type=\"submit\" class=\"primary\">" +
          t("plain_submit_button") + "</button>\n</form>\n";
  *out += "<form id=\"plain-leave\" method=\"post\" action=\"/plain/leave?lang=" + l + "\">\n";
  HiddenFields(out, lang, token_text);
  *out += "<button type=\"submit\">" + t("leave_button") + "</button>\n</form>\n";
}

http::HttpResponse NojsPagesImpl::ConversationPage(std::string_view lang,
                                                   const PlainSessions::Conversation& c,
                                                   std::string_view token_text,
                                                   std::string_view notice, int status,
                                                   std::string_view kept_text) {
  const CaseReading reading = ReadCase(c);
  if (!reading.status.ok()) return InternalErrorPage(lang, "/plain/return");
  PageText out;
  html_.Begin(&out, lang, "conversation_title", "");
  out += "<h1>" + html_.T(lang, "conversation_title") + "</h1>\n";
  if (!notice.empty()) {
    out += "<p class=\"ok\" role=\"status\" id=\"plain-notice\">";
    Escape(&out, notice);
    out += "</p>\n";
  }
  UntrustedNotice(&out, lang, reading.trust);
  out += "<p class=\"note\">";
  const int minutes = options_.session_idle_seconds / 60;
  Escape(&out,
         cat_.Plural(lang, "plain_session_note", minutes, {{"minutes", std::to_string(minutes)}}));
  out += "</p>\n<ol class=\"messages\" id=\"plain-messages\">\n";
  for (const Entry& e : reading.entries) EntryHtml(&out, lang, e, token_text);
  out += "</ol>\n";
  ReplyForms(&out, lang, token_text, kept_text);
  html_.End(&out);
  return html_.Page(out, status);
}

}  // namespace dojava::nojs
