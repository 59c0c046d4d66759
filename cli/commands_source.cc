// Source commands for people who script their tips: submit and inbox
// (PROTOCOL §12.2, §12.3). The receipt is printed once by submit and read
// back by inbox from the terminal or a 0600 file; it is never stored.
#include <sodium.h>

#include <boost/json.hpp>
#include <iostream>

#include "base/encoding.h"
#include "base/utf8.h"
#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/image_cleaning.h"
#include "cli/local_files.h"
#include "cli/progress.h"
#include "cli/secret_input.h"
#include "cli/session.h"
#include "cli/text_input.h"
#include "client/case_view.h"
#include "client/rekey.h"
#include "client/transfer.h"
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/receipt.h"
#include "crypto/sealed_key.h"
#include "crypto/source_key_wrap.h"

namespace dojava::cli {
namespace json = boost::json;

namespace {

using client::ApiClient;
using client::ApiSealedKey;
using client::CaseEntry;
using client::FileRef;
using client::WipingStorage;

// Uploads each file; a JPEG or PNG with metadata is sent as a cleaned copy
// (image_cleaning.h) unless `keep_metadata`, under its own name.
std::vector<crypto::Id> UploadAll(ApiClient& api, const std::vector<std::string>& paths,
                                  const client::InstanceInfo& info, const CommonOptions& o,
                                  json::array* refs, bool keep_metadata = false) {
  std::vector<crypto::Id> ids;
  for (const auto& path : paths) {
    std::unique_ptr<CleanedImage> cleaned;
    if (!keep_metadata) {
      auto made = CleanedImage::Make(path);
      if (!made.ok() && made.code() == Code::kMalformed) {
        Fail(Exit::kUsage, path + " looks like a JPEG or PNG but does not parse, so its hidden " +
                               "data (location, camera) cannot be removed; check it and send it " +
                               "with --keep-metadata, or leave it out");
      }
      cleaned = Unwrap(std::move(made), "removing metadata from " + path);
    }
    client::UploadedFile up = UploadOrFail(api, cleaned ? cleaned->path() : path, info, o);
    if (cleaned) {
      up.name = path.substr(path.rfind('/') + 1);
      std::string what;
      for (std::string_view r : cleaned->removed())
        what += (what.empty() ? "" : ", ") + std::string(r);
      std::cerr << "dojava: removed hidden data (" << what << ") from " << up.name << "\n";
    }
    ids.push_back(up.secrets.file_id());
    refs->emplace_back(client::FileRefJson(up));
  }
  return ids;
}

// How the source writes into a case: signed with the receipt's source_sign
// key (§4.3, §8.3).
struct SourceWriter {
  crypto::Ed25519KeyPair sign;
  crypto::v2::EventContext context;
};

SourceWriter WriterFor(const client::RosterView& roster, const crypto::ReceiptKeys& rk,
                       const crypto::v2::Digest& prev) {
  SourceWriter w;
  w.sign = crypto::Ed25519FromSeed(rk.source_sign_seed.reveal());
  w.context = {roster.version(), client::TodayU32(), prev};
  return w;
}

Bytes EncryptSourceBody(const SecretBytes& ck, const crypto::Id& case_id, const json::value& body,
                        const SourceWriter& w) {
  SecretBytes bytes = Unwrap(
      client::SerializeBody(body, crypto::v2::MaxBodySize(protocol::kAuthorSource)), "the message");
  const crypto::v2::Signer signer{
      protocol::kAuthorSource, {}, w.sign.public_key, &w.sign.secret_key};
  return Unwrap(crypto::v2::EncryptMessage(ck, protocol::kKindConversation, case_id,
                                           crypto::RandomId(), bytes.reveal(), signer, w.context),
                "encrypting");
}

}  // namespace

int RunSubmit(const Args& args) {
  CommonOptions o;
  o.source = true;
  // No --text: the report would be in the shell history and visible to
  // every local user in the process list.
  std::string text_file;
  std::vector<std::string> form_fields, attach;
  bool keep_metadata = false;
  po::options_description d("submit");
  AddCommonOptions(&d, kServerOpts | kJsonOpt | kUploadOpt, &o);
  d.add_options()("text-file", po::value(&text_file)->value_name("FILE"),
                  "read the report text from FILE ('-': stdin)")(
      "form", po::value(&form_fields)->value_name("KEY=VALUE"),
      "a form field: country, incident, when, responsible, title (repeatable)")(
      "attach", po::value(&attach)->value_name("PATH"), "attach a file (repeatable)")(
      "keep-metadata", po::bool_switch(&keep_metadata),
      "send JPEG and PNG files as they are; by default their hidden data (GPS location, camera, "
      "comments, text) is removed first, as the web page does");
  ParseArgs(args, d, {},
            "dojava submit --server URL [--socks5 HOST:PORT] [--form KEY=VALUE]... "
            "--admin-fingerprint FP --text-file FILE [--attach PATH]... [--keep-metadata]");
  if (text_file.empty()) Fail(Exit::kUsage, "--text-file FILE (or '-' for stdin) is required");
  SecretBytes report_text = ReadMessageTextOrFail("", false, text_file, false, "report");
  json::object form(WipingStorage());
  for (const auto& kv : form_fields) {
    const size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) Fail(Exit::kUsage, "--form takes KEY=VALUE");
    if (!IsValidUtf8(AsBytes(kv))) Fail(Exit::kUsage, "--form: not UTF-8");
    form[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  auto conn = OpenConnection(o);
  const TrustedInstance inst = FetchTrusted(*conn, o, nullptr);
  const client::RosterView& roster = RequireRoster(inst);
  if (roster.Active().empty()) Fail(Exit::kRefused, "the roster lists no reviewer yet");

  crypto::Receipt receipt = crypto::Receipt::Generate();
  crypto::ReceiptKeys rk = Unwrap(crypto::DeriveReceiptKeys(receipt, inst.info.salt), "receipt");
  const crypto::Id case_id = crypto::RandomId();
  SecretBytes ck = SecretBytes::Random(protocol::kKeySize);
  std::vector<ApiSealedKey> keys;
  // The source's copy is wrapped under source_wrap, not sealed to the public
  // source_pk: only this receipt can make one that opens (PROTOCOL §7.1).
  keys.push_back({"source", protocol::kRoleCaseKey,
                  Unwrap(crypto::WrapSourceKey(ck, protocol::kRoleCaseKey, case_id, rk.source_wrap),
                         "wrapping")});
  for (const client::ReviewerEntry* e : roster.Active()) {  // never a retired one (§6)
    keys.push_back(
        {IdText(e->reviewer_id), protocol::kRoleCaseKey,
         Unwrap(crypto::SealKey(ck, protocol::kRoleCaseKey, case_id, e->x25519), "sealing")});
  }
  json::array refs(WipingStorage());
  const std::vector<crypto::Id> file_ids =
      UploadAll(conn->api(), attach, inst.info, o, &refs, keep_metadata);
  json::object body(WipingStorage());
  body["type"] = "report";
  // §11.1: the receipt's source_pk, signed inside message #1, so a reviewer
  // re-keying the case can tell the key the server serves is the source's.
  body["source_pk"] = Base64UrlEncode(rk.source_public);
  body["form"] = std::move(form);
  body["text"] = report_text.reveal_chars();
  body["files"] = std::move(refs);
  const Bytes record = EncryptSourceBody(ck, case_id, body, WriterFor(roster, rk, {}));
  Status st =
      conn->api().CreateCase(case_id, rk.lookup_key, rk.source_public, keys, record, file_ids);
  if (st.code() == Code::kAlreadyExists) {
    Fail(Exit::kRefused, "the server's roster changed while submitting: run the command again");
  }
  Check(st, "submitting");
  SecretBytes shown = receipt.Formatted();
  if (o.json) {
    json::object r(WipingStorage());
    r["receipt"] = shown.reveal_chars();
    PrintJson(r);
  } else {
    std::cout << "Your report was received. Your receipt (shown once, never stored):\n\n    "
              << shown.reveal_chars()
              << "\n\nWrite it down and keep it safe: with it, and only with it, you can read "
                 "replies (dojava inbox).\n";
  }
  return 0;
}

namespace {

// Downloads attachment number `number` (as listed) to `output` (default: its
// name) on `streams` connections.
std::string SaveAttachment(ApiClient& api, const std::vector<const FileRef*>& files,
                           const std::string& number, const std::string& output, int streams) {
  size_t n = 0;
  if (number.find_first_not_of("0123456789") == std::string::npos && number.size() < 6)
    n = std::stoul(number);
  if (n < 1 || n > files.size()) Fail(Exit::kNotFound, "no attachment number " + number);
  const FileRef& f = *files[n - 1];
  auto secrets = Unwrap(crypto::FileSecrets::FromBytes(f.key.reveal(), f.prefix, f.id), "file");
  const std::string path = output.empty() ? f.name : output;
  FailIfExists(path, "-o");
  const crypto::Id fid = f.id;
  Progress progress(f.name);
  Check(client::DownloadFile(
            api,
            [&](ApiClient& lane, uint64_t i, Bytes& record) {
              return lane.GetSourceChunk(fid, i, record);
            },
            streams, secrets, f.chunks, f.size, path, f.name, progress.Control()),
        "download");
  return path;
}

// Sends the source's follow-up (text from `file`, `attach` uploaded) under `ck`.
uint64_t SendFollowUp(ApiClient& api, const client::InstanceInfo& info, const CommonOptions& o,
                      const SecretBytes& ck, const crypto::Id& case_id, const std::string& file,
                      const std::vector<std::string>& attach, const SourceWriter& w) {
  SecretBytes text = ReadMessageTextOrFail("", false, file, false, "follow-up");
  json::array refs(WipingStorage());
  const std::vector<crypto::Id> ids = UploadAll(api, attach, info, o, &refs);
  json::object body(WipingStorage());
  body["type"] = "message";
  body["text"] = text.reveal_chars();
  body["files"] = std::move(refs);
  const Bytes record = EncryptSourceBody(ck, case_id, body, w);
  return Unwrap(api.PostSourceMessage(record, ids), "sending");
}

// The source's view of the conversation (human text or --json), and what
// this run did: the follow-up sent, the file saved.
void PrintInbox(const std::vector<CaseEntry>& entries, uint64_t sent_seq,
                const std::string& got_path, bool as_json) {
  if (as_json) {
    json::object r(WipingStorage());
    json::array msgs(WipingStorage());
    for (const auto& e : entries) {
      json::object m(WipingStorage());
      m["seq"] = e.seq;
      m["date"] = DayText(e.day);
      if (!e.error.empty()) {
        m["error"] = e.error;
      } else {
        m["author"] = e.from_source ? "you" : "reviewer";
        if (!e.from_source) m["reviewer"] = e.author;  // the roster name: a role (roster add)
        m["body"] = client::BodyForOutput(e);
      }
      msgs.emplace_back(std::move(m));
    }
    r["messages"] = std::move(msgs);
    if (sent_seq) r["sent_seq"] = sent_seq;
    if (!got_path.empty()) r["saved"] = got_path;
    PrintJson(r);
  } else {
    size_t file_no = 0;
    for (const auto& e : entries) {
      std::cout << "--- #" << e.seq << "  " << DayText(e.day) << "  ";
      if (!e.error.empty()) {
        std::cout << "[cannot open] " << e.error << "\n";
        continue;
      }
      // Sources see the roster name, as on the web pages: the admin gives
      // roles there, not people's names (roster add, ops/RUNBOOK.md).
      std::cout << (e.from_source ? "you" : "reviewer: " + TerminalSafe(e.author)) << "\n";
      const json::object& b = e.body.as_object();
      if (auto it = b.find("text"); it != b.end() && it->value().is_string()) {
        std::cout << TerminalSafe(it->value().as_string()) << "\n";
      }
      for (const auto& f : e.files) {
        std::cout << "  [" << ++file_no << "] " << TerminalSafe(f.name) << "  " << f.size
                  << " bytes\n";
      }
    }
    if (sent_seq) std::cout << "follow-up sent (#" << sent_seq << ")\n";
    if (!got_path.empty()) std::cout << "saved " << got_path << " (verified)\n";
  }
}

// §12.3: message #1 must be signed with the key this receipt gives and
// name its source_pk (§11.1); a case that fails §8.4 is named (its records
// are still shown).
void CheckMyReport(client::ReadCase& read, const crypto::ReceiptKeys& rk) {
  if (!read.trust.ok()) return;
  const crypto::Ed25519KeyPair mine = crypto::Ed25519FromSeed(rk.source_sign_seed.reveal());
  if (mine.public_key != read.source_sign) {
    read.trust = Status(Code::kUnknownAuthor,
                        "the report of this case was not signed with your receipt's key");
  } else if (read.source_pk != rk.source_public) {
    read.trust =
        Status(Code::kWrongKey, "the report of this case does not name your receipt's source key");
  }
}

// The receipt, typed at the terminal or read from `receipt_file` (§4.2).
crypto::Receipt ReadReceipt(const std::string& receipt_file) {
  SecretBytes typed = Unwrap(
      receipt_file.empty() ? ReadSecretFromTerminal("Receipt: ") : ReadSecretFile(receipt_file),
      "receipt");
  auto receipt = crypto::Receipt::Parse(typed.reveal_chars());
  if (!receipt.ok()) {
    Fail(Exit::kUsage, receipt.code() == Code::kBadChecksum
                           ? "that receipt has a typo (its check digit does not match)"
                           : "that is not a receipt (28 digits)");
  }
  return std::move(*receipt);
}

// Only a key wrapped with this receipt opens (§7.1): one the server made,
// even sealed to source_pk, is refused before anything is read or sent.
SecretBytes OpenMyCaseKey(const client::ApiSourceCase& sc, const crypto::ReceiptKeys& rk) {
  auto ck =
      crypto::OpenSourceKey(sc.sealed_key, protocol::kRoleCaseKey, sc.case_id, rk.source_wrap);
  if (!ck.ok()) {
    Fail(Exit::kIntegrity,
         "your case key does not open with this receipt: it was altered or replaced on the "
         "server. Nothing was read or sent; do not send anything more to this server");
  }
  return std::move(*ck);
}

// The exit code of `inbox` after printing: a case that fails §8.4 first,
// then records that did not open.
int InboxExit(const Status& trust, size_t failures) {
  if (!trust.ok()) {
    std::cerr << "dojava: this case is not trustworthy: " << CodeName(trust.code()) << ": "
              << trust.message() << "\n";
    return static_cast<int>(ExitFor(trust));
  }
  if (failures) {
    std::cerr << "dojava: " << failures << " message(s) could not be opened\n";
    return static_cast<int>(Exit::kIntegrity);
  }
  return 0;
}

}  // namespace

int RunInbox(const Args& args) {
  CommonOptions o;
  o.source = true;
  std::string receipt_file, reply_file, get, output;
  std::vector<std::string> attach;
  po::options_description d("inbox");
  AddCommonOptions(&d, kServerOpts | kJsonOpt | kUploadOpt | kDownloadOpt, &o);
  d.add_options()("receipt-file", po::value(&receipt_file)->value_name("FILE"),
                  "read the receipt from FILE (mode 0600) instead of the terminal")(
      "reply-file", po::value(&reply_file)->value_name("FILE"),
      "follow-up text from FILE ('-': stdin)")("attach", po::value(&attach)->value_name("PATH"),
                                               "attach a file to the follow-up")(
      "get", po::value(&get)->value_name("N"), "download attachment number N")(
      "output,o", po::value(&output)->value_name("PATH"), "where --get writes");
  ParseArgs(args, d, {},
            "dojava inbox --server URL --admin-fingerprint FP [--receipt-file FILE] "
            "[--reply-file FILE [--attach PATH]...] [--get N [-o PATH]]");
  const crypto::Receipt receipt = ReadReceipt(receipt_file);
  auto conn = OpenConnection(o);
  const TrustedInstance inst = FetchTrusted(*conn, o, nullptr);
  crypto::ReceiptKeys rk = Unwrap(crypto::DeriveReceiptKeys(receipt, inst.info.salt), "receipt");
  SecretBytes lookup_text =
      SecretBytes::Copy(std::string_view(Base64UrlEncode(rk.lookup_key.reveal())));
  conn->api().SetLookupKey(lookup_text);
  auto sc = conn->api().GetSourceCase(0);
  if (sc.code() == Code::kNotFound) {
    Fail(Exit::kNotFound,
         "no case for this receipt on this server (deleted, expired, or a "
         "different server)");
  }
  Check(sc.status(), "reading");
  const SecretBytes ck = OpenMyCaseKey(*sc, rk);
  const client::RosterView* roster = inst.roster ? &*inst.roster : nullptr;
  // §7.3: a signed re-key moves the case to CK', sealed to source_pk.
  client::SourceRekeys rekeys = client::FollowSourceRekeys(sc->case_id, ck, sc->rekeys, roster,
                                                           rk.source_secret, rk.source_public);
  for (const auto& u : rekeys.unreadable) std::cerr << "dojava: " << u << "\n";
  if (!rekeys.problem.ok()) {
    std::cerr << "dojava: a re-key of this case could not be followed: " << rekeys.problem.message()
              << "\n";
  }
  const SecretBytes& write_key = rekeys.keys.empty() ? ck : rekeys.keys.back();
  client::ReadCase read =
      client::ReadRecords(sc->messages, sc->case_id, &ck, nullptr, roster, {},
                          crypto::v2::ListingView::kConversationOnly, &rekeys.keys);
  std::vector<CaseEntry>& entries = read.entries;
  CheckMyReport(read, rk);
  size_t failures = 0;
  std::vector<const FileRef*> files;
  for (const auto& e : entries) {
    failures += e.error.empty() ? 0 : 1;
    for (const auto& f : e.files) files.push_back(&f);
  }
  const bool wants_reply = !reply_file.empty();
  if (wants_reply) {
    // Before reading the text or uploading anything: a case key the server
    // swapped would let it read the follow-up.
    Check(read.trust, "not sending the follow-up");
    Check(client::CheckSafeToEncrypt(entries), "not sending the follow-up");
  }

  const std::string got_path =
      get.empty() ? "" : SaveAttachment(conn->api(), files, get, output, o.download_streams);
  uint64_t sent_seq = 0;
  if (wants_reply) {
    if (!roster) Fail(Exit::kTrust, "no roster");
    const SourceWriter w = WriterFor(*roster, rk, read.prev);
    sent_seq =
        SendFollowUp(conn->api(), inst.info, o, write_key, sc->case_id, reply_file, attach, w);
  } else if (!attach.empty()) {
    Fail(Exit::kUsage, "--attach needs --reply-file");
  }

  PrintInbox(entries, sent_seq, got_path, o.json);
  return InboxExit(read.trust, failures);
}

}  // namespace dojava::cli
