// The report form of the no-JavaScript pages, empty or shown again after a
// refusal with everything typed kept (FormView): the text is copied from the
// request's wiped memory into the page's wiped memory, nothing else. Each
// field that needs attention gets its message next to it (aria-invalid,
// aria-describedby) and the first one the focus (autofocus: no script).
#include <algorithm>

#include "payload/payload_constants.h"
#include "service/nojs/nojs_pages_impl.h"

namespace dojava::nojs {
namespace {

// Writes one field at a time, with what `view` says about it.
class FormWriter {
 public:
  FormWriter(PageText* out, const PlainHtml& html, std::string_view lang, const FormView& view)
      : out_(out), html_(html), lang_(lang), view_(view) {}

  std::string T(std::string_view key) const { return html_.T(lang_, key); }
  std::string_view Kept(std::string_view name) const {
    return view_.kept == nullptr ? std::string_view() : view_.kept->Text(name);
  }
  const std::string* ErrorOf(std::string_view field) const {
    for (const auto& [name, message] : view_.field_errors) {
      if (name == field) return &message;
    }
    return nullptr;
  }
  // aria-invalid, the message's id and the focus for a field with an error;
  // `hint` is the id of the field's hint ("" none).
  void Attributes(std::string_view field, std::string_view id, std::string_view hint) {
    const bool bad = ErrorOf(field) != nullptr;
    std::string described(hint);
    if (bad) described += (described.empty() ? "" : " ") + std::string(id) + "-error";
    if (!described.empty()) *out_ += " aria-describedby=\"" + described + "\"";
    if (!bad) return;
    *out_ += " aria-invalid=\"true\"";
    if (!view_.field_errors.empty() && view_.field_errors.front().first == field) {
      *out_ += " autofocus";
    }
  }
  void ErrorText(std::string_view field, std::string_view id) {
    const std::string* message = ErrorOf(field);
    if (message == nullptr) return;
    *out_ += "<p class=\"alert field-error\" id=\"" + std::string(id) + "-error\">";
    Escape(out_, *message);
    *out_ += "</p>\n";
  }
  template <typename Values>
  void Select(const char* id, const char* name, const char* label_key, const char* prefix,
              const Values& values) {
    *out_ += "<div class=\"field\">\n<label for=\"" + std::string(id) + "\">" + T(label_key) +
             "</label>\n<select id=\"" + id + "\" name=\"" + name + "\" required";
    Attributes(name, id, "");
    *out_ += ">\n<option value=\"\">" + T("choose") + "</option>\n";
    for (std::string_view v : values) {
      *out_ += "<option value=\"" + std::string(v) + "\"" + (Kept(name) == v ? " selected" : "") +
               ">" + T(std::string(prefix) + std::string(v)) + "</option>\n";
    }
    *out_ += "</select>\n";
    ErrorText(name, id);
    *out_ += "</div>\n";
  }
  void Input(const char* id, const char* name, const char* label_key, size_t max_chars,
             bool required, const char* hint_key) {
    const std::string hint_id = hint_key ? std::string(id) + "-hint" : "";
    *out_ += "<div class=\"field\">\n<label for=\"" + std::string(id) + "\">" + T(label_key) +
             "</label>\n<input id=\"" + id + "\" name=\"" + name + "\" type=\"text\" maxlength=\"" +
             std::to_string(max_chars) + "\"" + (required ? " required" : "") +
             " autocomplete=\"off\" value=\"";
    Escape(out_, Kept(name));
    *out_ += "\"";
    Attributes(name, id, hint_id);
    *out_ += ">\n";
    if (hint_key) *out_ += "<p class=\"hint\" id=\"" + hint_id + "\">" + T(hint_key) + "</p>\n";
    ErrorText(name, id);
    *out_ += "</div>\n";
  }
  void Text(size_t max_chars) {
    *out_ += "<div class=\"field\">\n<label for=\"f-text\">" + T("f_text") +
             "</label>\n<textarea id=\"f-text\" name=\"text\" rows=\"10\" required maxlength=\"" +
             std::to_string(max_chars) + "\"";
    Attributes("text", "f-text", "f-text-hint");
    *out_ += ">";
    Escape(out_, Kept("text"));
    *out_ += "</textarea>\n<p class=\"hint\" id=\"f-text-hint\">" + T("f_text_hint") + "</p>\n";
    ErrorText("text", "f-text");
    *out_ += "</div>\n";
  }
  void Responsible() {
    *out_ += "<fieldset class=\"field\">\n<legend>" + T("f_responsible") + "</legend>\n";
    const std::string_view kept = Kept("responsible");
    const bool known = std::find(std::begin(payload::kResponsible), std::end(payload::kResponsible),
                                 kept) != std::end(payload::kResponsible);
    for (std::string_view v : payload::kResponsible) {
      const bool checked = known ? v == kept : v == "unknown";
      *out_ += "<label class=\"choice\"><input type=\"radio\" name=\"responsible\" value=\"" +
               std::string(v) + "\"" + (checked ? " checked" : "") + "> <span>" +
               T("responsible_" + std::string(v)) + "</span></label>\n";
    }
    ErrorText("responsible", "f-responsible");
    *out_ += "</fieldset>\n";
  }
  void Files(std::string_view limit_text) {
    *out_ += "<div class=\"field\">\n<label for=\"f-files\">" + T("f_files") +
             "</label>\n<input id=\"f-files\" name=\"files\" type=\"file\" multiple";
    Attributes("files", "f-files", "f-files-hint");
    *out_ += ">\n<p class=\"hint\" id=\"f-files-hint\">";
    Escape(out_, limit_text);
    *out_ += "</p>\n<p class=\"hint warn\">" + T("plain_metadata") + "</p>\n";
    *out_ += "<label class=\"choice\"><input type=\"checkbox\" name=\"keep_metadata\" value=\"1\"" +
             std::string(Kept("keep_metadata") == "1" ? " checked" : "") + "> <span>" +
             T("plain_keep_metadata") + "</span></label>\n";
    ErrorText("files", "f-files");
    if (view_.kept != nullptr && !view_.kept->files().empty()) {
      *out_ += "<p class=\"hint warn\" id=\"f-files-again\">" + T("plain_files_again") + "</p>\n";
    }
    *out_ += "</div>\n";
  }

 private:
  PageText* out_;
  const PlainHtml& html_;
  const std::string_view lang_;
  const FormView& view_;
};

}  // namespace

void NojsPagesImpl::SubmitForm(PageText* out, std::string_view lang, std::string_view form_token,
                               const FormView& view) const {
  FormWriter w(out, html_, lang, view);
  *out +=
      "<form id=\"plain-report\" method=\"post\" action=\"/plain/submit?lang=" + std::string(lang) +
      "\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\">\n"
      "<input type=\"hidden\" name=\"lang\" value=\"" +
      std::string(lang) + "\">\n<input type=\"hidden\" name=\"form_token\" value=\"";
  out->append(form_token);  // base64url only
  *out += "\">\n<h2>" + w.T("form_title") + "</h2>\n<p class=\"note\">" +
          w.T("plain_required_note") + "</p>\n";
  w.Select("f-country", "country", "f_country", "country_", payload::kCountries);
  w.Select("f-incident", "incident", "f_incident", "incident_", payload::kIncidents);
  w.Input("f-when", "when", "f_when", payload::kWhenMaxChars, false, "f_when_hint");
  w.Responsible();
  w.Input("f-title", "title", "f_title", payload::kTitleMaxChars, true, nullptr);
  w.Text(static_cast<size_t>(options_.message_characters));
  w.Files(cat_.Text(lang, "plain_files_limit", {{"max", html_.FormLimitText(lang)}}));
  *out += "<button type=\"submit\" class=\"primary\">" + w.T("plain_submit_button") +
          "</button>\n</form>\n";
}

http::HttpResponse NojsPagesImpl::SubmitPage(std::string_view lang, std::string_view form_token,
                                             const FormView& view, int status) const {
  PageText out;
  html_.Begin(&out, lang, "plain_title", view.kept == nullptr ? "/plain" : "");
  out += "<h1>" + html_.T(lang, "submit_title") + "</h1>\n";
  if (!view.notice.empty()) {
    out += "<div class=\"alert\" role=\"alert\" id=\"plain-error\"><p>";
    Escape(&out, view.notice);
    out += "</p></div>\n";
  }
  if (view.kept == nullptr) {
    out += "<p>" + html_.T(lang, "submit_lead") + "</p>\n<div class=\"box\"><ul>\n<li>" +
           html_.T(lang, "how_receipt") + "</li>\n<li>" + html_.T(lang, "how_tor") +
           "</li>\n</ul></div>\n";
  }
  SubmitForm(&out, lang, form_token, view);
  html_.End(&out);
  return html_.Page(out, status);
}

std::vector<std::pair<std::string, std::string>> NojsPagesImpl::ReportErrors(
    const FormData& form, std::string_view lang, const std::vector<PreparedFile>& files) const {
  ReportFieldStores stores;
  payload::ReportFields r = ReportFieldsOf(form, &stores);
  // payload::BuildReport names the first bad field; each is set aside (a
  // valid stand-in) and the rest asked again, so every one is named at once.
  // The receipt is made only when the report is sent: a stand-in source_pk
  // gives the body its real length (every key encodes to 43 characters).
  const crypto::X25519Public stand_in_source_pk{};
  std::vector<std::pair<std::string, std::string>> found;
  for (int round = 0; round < 8; ++round) {
    payload::FieldError error;
    if (payload::BuildReport(r, stand_in_source_pk, NewFiles(files),
                             static_cast<size_t>(options_.message_characters), SourceMaxBody(),
                             &error)
            .ok()) {
      break;
    }
    const bool whole = error.field == "body";
    const std::string field = whole ? "text" : error.field;
    found.emplace_back(field, cat_.Text(lang, "err_payload_" + error.code,
                                        {{"field", cat_.Text(lang, "f_" + field)}}));
    if (field == "country")
      r.country = "other";
    else if (field == "incident")
      r.incident = "other";
    else if (field == "responsible")
      r.responsible = "unknown";
    else if (field == "when")
      r.when = "";
    else if (field == "title")
      r.title = "-";
    else if (field == "text" && !whole)
      r.text = "-";
    else
      break;  // the whole body is too long: nothing further to ask
  }
  // Form order, so the first message is the first field.
  static constexpr std::string_view kOrder[] = {"country",     "incident", "when",
                                                "responsible", "title",    "text"};
  auto rank = [](const std::string& f) {
    return std::find(std::begin(kOrder), std::end(kOrder), f) - std::begin(kOrder);
  };
  std::stable_sort(found.begin(), found.end(),
                   [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  return found;
}

}  // namespace dojava::nojs
