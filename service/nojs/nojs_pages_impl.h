// NojsPagesImpl: the state and routes behind AddNojsRoutes (nojs_pages.h).
// Private to service/nojs. The definitions are split by page:
// nojs_pages.cc (construction, the route table), submit_form.cc (the report
// form, shown again with the text kept), submit_page.cc (GET /plain, POST
// /plain/submit), receipt_page.cc (GET /plain/receipt/TOKEN, shown once
// after the redirect), return_page.cc (GET and POST /plain/return,
// /plain/reply, /plain/leave), conversation.cc (opening a conversation and
// its page), conversation_reader.cc (reading a case's records of either
// protocol version), source_record.cc (the records a source writes),
// download_page.cc (POST /plain/file), page_support.cc (what several pages
// share: the KDF slots, files, forms, error pages); page_roster.h verifies
// the installed roster of either version.
//
// Thread safety: handlers run concurrently; the KDF slots lock kdf_mu_,
// PlainSessions locks inside, the Store and the CaseIntake are thread-safe.
#ifndef DOJAVA_SERVICE_NOJS_NOJS_PAGES_IMPL_H_
#define DOJAVA_SERVICE_NOJS_NOJS_PAGES_IMPL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "crypto/attachment.h"
#include "crypto/case_order.h"
#include "crypto/receipt.h"
#include "payload/body.h"
#include "service/api/case_intake.h"
#include "service/nojs/catalogues.h"
#include "service/nojs/form_data.h"
#include "service/nojs/form_tokens.h"
#include "service/nojs/nojs_pages.h"
#include "service/nojs/page_roster.h"
#include "service/nojs/plain_html.h"
#include "service/nojs/plain_sessions.h"

namespace dojava::nojs {

// One opened message of the conversation.
struct Entry {
  uint64_t seq = 0;
  int64_t day = 0;
  bool from_source = false;
  std::string author;  // the reviewer's roster name
  bool undecryptable = false;
  bool unverified = false;
  bool unsupported = false;  // decrypted, but not a §11 body this version reads
  std::string_view outcome;  // why it is not shown (CodeName: "wrong_key", "reordered"...)
  crypto::Id message_id{};
  payload::Body body;
};

// The case keys a reader holds, by their commitment (PROTOCOL.md §8.1): CK,
// then CK' of each checked re-key statement (§7.3), oldest first.
struct HeldKeys {
  std::vector<std::pair<crypto::v2::Digest, SecretBytes>> keys;
  void Add(const SecretBytes& key);
  const SecretBytes* For(const crypto::v2::Digest& commitment) const;
};

// The catalogue key that says in plain words why a case is not trustworthy
// (conversation.cc): the high-water mark's `truncated` and `reordered` of
// PROTOCOL.md §8.4 have their own; anything else is "not valid".
std::string_view UntrustedTextKey(const Status& trust);

// A case as the source reads it (conversation_reader.cc).
struct CaseReading {
  std::vector<Entry> entries;  // its conversation records, in the server's order
  Status status;               // the store's error if the case could not be listed
  // Ok, or why nothing may be encrypted into the case (§8.4 message #1 and
  // order, §11.4); records that merely did not open never set it.
  Status trust;
  crypto::v2::Digest last_hash{};  // the last record accepted: `prev` of the next (§8.4)
  HeldKeys held;
};

// A form file with the fresh secrets it is encrypted under. `content` is
// the bytes sent: the form's own, or `cleaned` (JPEG/PNG metadata removed,
// payload/image_metadata.h).
struct PreparedFile {
  crypto::FileSecrets secrets;
  uint64_t chunks;
  const FormFile* file;
  ByteView content;
  std::shared_ptr<SecretBytes> cleaned;
};

// Why a page refuses: the status and the message (unescaped catalogue text).
struct Refusal {
  int status = 500;
  std::string message;
};

// A report form shown again: the text as typed (the FormData's wiped
// memory, never stored), a message next to each field that needs one (form
// order; the first gets the focus), a notice at the top.
struct FormView {
  const FormData* kept = nullptr;                                 // null: an empty form
  std::vector<std::pair<std::string, std::string>> field_errors;  // field name, message
  std::string notice;
};

// The §11 FILEREF inputs of `files` (pointing into them).
std::vector<payload::NewFile> NewFiles(const std::vector<PreparedFile>& files);
// Normalises line ends as payload.js cleanText does (CRLF and CR -> LF),
// into `storage` (wiped memory); returns a view of it.
std::string_view NormaliseInto(std::string_view s, SecretBytes* storage);

// The pages' own options with what they show of the API's and the HTTP
// core's (AddNojsRoutes copies them in; each default lives with its owner).
struct PageOptions : NojsOptions {
  std::string instance_name;
  int message_characters = 0;
  uint64_t form_body_limit_bytes = 0;  // shown on the page (the HTTP layer enforces)
  std::string static_dir;              // the catalogues are read from <static_dir>/i18n
};

// The receipt's signing key (PROTOCOL.md §4.3); not owned.
struct SourceSigner {
  const crypto::Ed25519Public& public_key;
  const SecretBytes& secret_key;  // 64 bytes
};
// A record the source writes into `case_id` under `key` (source_record.cc):
// signed with the receipt's key, `prev` and the roster's version in it (§8.3).
Result<Bytes> SourceRecord(const SecretBytes& key, const crypto::Id& case_id, ByteView body,
                           const PageRoster& roster, const SourceSigner& signer,
                           const crypto::v2::Digest& prev);
// A returning source's follow-up (§12.3) to the case it read as `reading`.
Result<Bytes> FollowUpRecord(const PlainSessions::Conversation& c, const CaseReading& reading,
                             const PageRoster& roster, ByteView body);
// The largest §11 body a source may send (§8.3).
size_t SourceMaxBody();

// The §11 report fields of a submitted form; the normalised ones (when,
// title, text) live in `stores`, which the caller keeps (and wipes) while
// the fields are used.
struct ReportFieldStores {
  SecretBytes when, title, text;
};
payload::ReportFields ReportFieldsOf(const FormData& form, ReportFieldStores* stores);

class NojsPagesImpl final : public NojsPages, public std::enable_shared_from_this<NojsPagesImpl> {
 public:
  NojsPagesImpl(service::Store* store, std::shared_ptr<api::CaseIntake> intake, PageOptions options,
                Catalogues catalogues);

  void SweepExpired() override { sessions_.SweepExpired(); }
  size_t SessionCount() const override { return sessions_.size(); }

  Status AddRoutes(http::Router* router);

 private:
  using HttpRequest = http::HttpRequest;
  using HttpResponse = http::HttpResponse;
  using Fn = HttpResponse (NojsPagesImpl::*)(const HttpRequest&);

  // --- routes
  HttpResponse GetSubmitPage(const HttpRequest& request);
  HttpResponse GetReturnPage(const HttpRequest& request);
  HttpResponse PostSubmit(const HttpRequest& request);
  HttpResponse PostReturn(const HttpRequest& request);
  HttpResponse PostReply(const HttpRequest& request);
  HttpResponse PostFile(const HttpRequest& request);
  HttpResponse PostLeave(const HttpRequest& request);
  HttpResponse GetReceiptPage(const HttpRequest& request);

  // --- submit_form.cc
  // The report form under `form_token`, as `view` says.
  void SubmitForm(PageText* out, std::string_view lang, std::string_view form_token,
                  const FormView& view) const;
  HttpResponse SubmitPage(std::string_view lang, std::string_view form_token, const FormView& view,
                          int status) const;
  // Every field of `form` that breaks §11.1, each with its message, at once
  // (payload::BuildReport's rules, asked again with each bad field set
  // aside).
  std::vector<std::pair<std::string, std::string>> ReportErrors(
      const FormData& form, std::string_view lang, const std::vector<PreparedFile>& files) const;

  // --- submit_page.cc
  // The §11 report of a submitted form (ReportErrors() found nothing),
  // naming `source_pk`, derived from the receipt it is sent under (§11.1).
  Result<SecretBytes> ReportBody(const FormData& form, const std::vector<PreparedFile>& files,
                                 const crypto::X25519Public& source_pk) const;
  // A claimed form token's report: sealed, or the form again with the refusal.
  HttpResponse SendReport(const FormData& form, std::string_view lang, ByteView token,
                          std::string_view token_text);
  // Makes the receipt and its keys, writes the report of `form` under them
  // (ReportBody), seals it into a new case and creates it through the
  // intake; the receipt on success, else why not.
  Result<crypto::Receipt> SealNewCase(const FormData& form, const service::Settings& settings,
                                      const PageRoster& roster,
                                      const std::vector<PreparedFile>& files, std::string_view lang,
                                      Refusal* refusal);

  // --- receipt_page.cc
  // 303 to the receipt page of `token_text`.
  HttpResponse RedirectToReceipt(std::string_view lang, std::string_view token_text) const;
  HttpResponse ReceiptPage(std::string_view lang, const SecretBytes& formatted) const;
  // The receipt was shown already, or the link is not (or no longer) valid.
  HttpResponse ReceiptGonePage(std::string_view lang, int status) const;

  // --- return_page.cc
  // The receipt form; after a refusal with the receipt as typed (`kept`)
  // and `error` next to it.
  HttpResponse ReturnPage(std::string_view lang, std::string_view kept, std::string_view error,
                          int status) const;

  // --- conversation_reader.cc
  CaseReading ReadCase(const PlainSessions::Conversation& c);
  std::vector<Entry> OpenEntries(const PlainSessions::Conversation& c, Status* status);

  // --- conversation.cc
  HttpResponse ConversationPage(std::string_view lang, const PlainSessions::Conversation& c,
                                std::string_view token_text, std::string_view notice,
                                int status = 200, std::string_view kept_text = {});
  void EntryHtml(PageText* out, std::string_view lang, const Entry& e,
                 std::string_view token_text) const;
  void UntrustedNotice(PageText* out, std::string_view lang, const Status& trust) const;
  // The follow-up and leave forms; `kept_text` is the follow-up as typed
  // when it was refused.
  void ReplyForms(PageText* out, std::string_view lang, std::string_view token_text,
                  std::string_view kept_text = {}) const;
  void HiddenFields(PageText* out, std::string_view lang, std::string_view token_text) const;

  // --- page_support.cc
  // Waits for an Argon2id slot; false after kdf_wait_ms.
  bool AcquireKdf();
  void ReleaseKdf();
  // The installed roster, verified for sealing (a v2 one also not expired).
  Result<PageRoster> Roster();
  // Fresh secrets for every file of the form; JPEG/PNG metadata removed
  // unless `keep_metadata`. An image that does not parse: kMalformed, its
  // cleaned name in *bad_image.
  Result<std::vector<PreparedFile>> PrepareFiles(const FormData& form, bool keep_metadata,
                                                 std::string* bad_image) const;
  // Every file fits in the chunks a file may have on this instance.
  static bool FilesFit(const FormData& form, const service::Settings& settings);
  // Encrypts the files to chunks and stores them as finished uploads.
  Status StoreFiles(const std::vector<PreparedFile>& files);
  // The multipart form of a report or a follow-up, within the limits; and
  // the page for a form that does not parse (400) or is over them (413).
  Result<FormData> ParseFileForm(const HttpRequest& request) const;
  HttpResponse FormErrorPage(const HttpRequest& request, const Status& status,
                             std::string_view back) const;
  // A StoreFiles failure: 507 when the disk is full, else 500.
  Refusal StoreRefusal(std::string_view lang, const Status& stored) const;
  // A refused intake call (the JS page's err_api_* words).
  Refusal IntakeRefusal(std::string_view lang, api::ApiError error) const;
  HttpResponse InternalErrorPage(std::string_view lang, std::string_view back) const;
  HttpResponse SessionExpiredPage(std::string_view lang) const;
  std::shared_ptr<const PlainSessions::Conversation> SessionOf(const FormData& form,
                                                               SecretBytes* token_text);

  service::Store* const store_;
  const std::shared_ptr<api::CaseIntake> intake_;
  const PageOptions options_;
  const Catalogues cat_;
  const PlainHtml html_;
  PlainSessions sessions_;
  FormTokens form_tokens_;

  std::mutex kdf_mu_;
  std::condition_variable kdf_cv_;
  int kdf_in_use_ = 0;  // GUARDED_BY(kdf_mu_)
};

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_NOJS_PAGES_IMPL_H_
