// The system-level metadata and secrets audit (issue 7). A scripted life of
// an instance through the real binaries — sources submitting with the real
// `dojava` CLI (attachments, follow-ups), reviewers logging in, replying
// with a file, writing notes and labels, granting, deleting, an expired case
// and an abandoned upload purged — then an audit of everything the server
// left: every table and every page of the database (opened with its key,
// free pages included), the server's stdout and stderr, its environment,
// its core-dump setting and its locked memory. None of what the people typed
// or sent, nor who they were, may be there.
//
// tests/service/store_audit_test.cc audits the store alone, in process; this
// one runs the whole system.
#include <signal.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <regex>
#include <sstream>

#include "crypto/receipt.h"
#include "service/store/database_key.h"
#include "service/store/sqlite_db.h"
#include "service/store/sqlite_statement.h"
#include "tests/abuse/abuse_util.h"
#include "tests/support/page_decryptor.h"

namespace dojava::abuse {
namespace {

using crypto::Id;

// What the browsers and proxies in front of a server might send.
constexpr char kUserAgent[] =
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 DojavaAuditUA/7";
constexpr char kForwardedFor[] = "203.0.113.77";

// Everything the test typed, named or was given, that must appear nowhere.
struct Needles {
  std::vector<std::string> text;  // plaintext, file names, receipts, addresses, agent
  std::vector<Bytes> bytes;       // lookup keys, the database key, traces of deleted data
  void Add(const std::string& s) { text.push_back(s); }
  void AddBytes(ByteView b, const std::string& label) {
    bytes.emplace_back(b.begin(), b.end());
    labels.push_back(label);
  }
  std::vector<std::string> labels;
};

bool Contains(const Bytes& hay, ByteView needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

Bytes ToBytes(const std::string& s) { return Bytes(s.begin(), s.end()); }

std::string Text(const std::string& marker) {
  // Long enough that a match is never chance, distinctive enough to grep.
  return marker + " — Ministarstvo unutrašnjih poslova je kupilo Pegasus licence " + marker;
}

// The receipt's lookup key (PROTOCOL.md §4.3), as the client derives it.
Bytes LookupKey(const std::string& receipt, ByteView salt) {
  auto parsed = crypto::Receipt::Parse(receipt);
  REQUIRE(parsed.ok());
  auto keys = crypto::DeriveReceiptKeys(*parsed, salt);
  REQUIRE(keys.ok());
  const ByteView k = keys->lookup_key.reveal();
  return Bytes(k.begin(), k.end());
}

// Blobs of one case (or upload) as the database holds them, taken while
// the case exists: after its deletion or purge none may be left anywhere.
void AddTraces(const std::string& data_dir, const SecretBytes& key, const Id& id, bool is_case,
               Needles* needles) {
  auto db =
      service::SqliteDb::Open(data_dir + "/dojava.db", key, service::SqliteDb::Mode::kReadOnly);
  REQUIRE(db.ok());
  std::vector<std::string> queries;
  if (is_case) {
    queries = {"SELECT id FROM cases WHERE id = ?1",
               "SELECT lookup_hash FROM cases WHERE id = ?1",
               "SELECT source_public_key FROM cases WHERE id = ?1",
               "SELECT sealed FROM case_keys WHERE case_id = ?1",
               "SELECT record FROM messages WHERE case_id = ?1",
               "SELECT record FROM chunks WHERE case_id = ?1",
               "SELECT file_id FROM uploads WHERE case_id = ?1"};
  } else {
    queries = {"SELECT file_id FROM uploads WHERE file_id = ?1",
               "SELECT record FROM chunks WHERE file_id = ?1"};
  }
  int found = 0;
  for (const auto& q : queries) {
    auto stmt = (*db)->Prepare(q);
    REQUIRE(stmt.ok());
    stmt->BindBlob(1, {id.data(), id.size()});
    while (true) {
      auto row = stmt->Step();
      REQUIRE(row.ok());
      if (!*row) break;
      const ByteView b = stmt->ColumnBlob(0);
      // A 48-byte slice from the middle: unique, and not a page header.
      const size_t at = b.size() > 200 ? b.size() / 2 : 0;
      needles->AddBytes(b.subspan(at, std::min<size_t>(48, b.size() - at)), q);
      ++found;
    }
  }
  REQUIRE(found >= (is_case ? 4 : 2));
}

Id DecodeId(std::string_view b64) {
  auto id = Base64UrlDecodeFixed<16>(b64);
  REQUIRE(id.ok());
  return *id;
}

std::vector<std::string> CaseIds(World& w) {
  auto r = w.As("ana", {"cases", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> ids;
  const boost::json::object listing = JsonOut(r);
  for (const auto& c : listing.at("cases").as_array()) {
    ids.emplace_back(c.as_object().at("case_id").as_string());
  }
  return ids;
}

// ASan intercepts mlock and makes it a no-op, so an ASan build of dojavad
// has no locked memory to show.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kMlockWorks = false;
#else
constexpr bool kMlockWorks = true;
#endif

// A value of /proc/<pid>/status ("VmLck:     123 kB" -> 123), -1 if absent.
long StatusKb(pid_t pid, const std::string& field) {
  std::istringstream in(ReadAll("/proc/" + std::to_string(pid) + "/status"));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

// Sends what a browser behind a proxy would: a user agent and a forwarded
// address, on both listeners, to routes that answer and routes that refuse.
void SendIdentifyingHeaders(const World& w) {
  const std::string extra = std::string("User-Agent: ") + kUserAgent +
                            "\r\nX-Forwarded-For: " + kForwardedFor +
                            "\r\nAccept-Language: sr-Latn-RS\r\n";
  for (uint16_t port : {w.source_port(), w.reviewer_port()}) {
    Conn c = Conn::Tcp(port);
    CHECK(Exchange(c, Get("/api/v1/instance", extra)).status == 200);
    CHECK(Exchange(c, Post("/api/v1/uploads", "{\"chunks\":1}", extra)).status >= 400);
    CHECK(Exchange(c, Get("/api/v1/nothing", extra)).status == 404);
  }
}

// ---------------------------------------------------------------------------
// The no-JavaScript path (service/nojs): a report with a file through the
// plain HTML form, sent with a user agent and a forwarded address as a
// browser behind a proxy would, then a return visit with the receipt and a
// follow-up. The server sees this plaintext while it seals it (the page says
// so); it must keep none of it. Returns the receipt the page showed.
std::string NoJavaScriptSubmissions(World& w, Needles* needles) {
  const std::string extra = std::string("User-Agent: ") + kUserAgent +
                            "\r\nX-Forwarded-For: " + kForwardedFor +
                            "\r\nAccept-Language: sr-Latn-RS\r\n";
  const std::string boundary = "----auditboundary7";
  auto part = [&](const std::string& name, const std::string& value,
                  const std::string& filename = "") {
    return FormPart(boundary, name, value, filename, "image/jpeg");
  };
  const std::string body =
      part("lang", "sr-Latn") + part("country", "ME") + part("incident", "interception") +
      part("when", "2026-11") + part("responsible", "state") + part("title", "PLAIN-TITLE-M4") +
      part("text", Text("PLAIN-REPORT")) +
      part("files", Text("PLAIN-ATTACHMENT"), "plain-evidence-J5.jpg") + "--" + boundary + "--\r\n";
  Conn c = Conn::Tcp(w.source_port());
  const RawResponse submitted = Exchange(
      c, "POST /plain/submit HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=" +
             boundary + "\r\n" + extra + "Content-Length: " + std::to_string(body.size()) +
             "\r\n\r\n" + body);
  INFO(submitted.body.substr(0, 400));
  REQUIRE(submitted.status == 201);
  const std::string open = "id=\"receipt-value\" translate=\"no\">";
  const size_t at = submitted.body.find(open);
  REQUIRE(at != std::string::npos);
  const size_t from = at + open.size();
  const std::string receipt = submitted.body.substr(from, submitted.body.find('<', from) - from);
  REQUIRE(receipt.size() == 34);

  // The return visit: the receipt in a urlencoded form, then a follow-up
  // in the session the page opened (its token in a hidden field).
  Conn r = Conn::Tcp(w.source_port());
  const std::string form = "lang=sr-Latn&receipt=" + receipt;
  const RawResponse conversation =
      Exchange(r,
               "POST /plain/return HTTP/1.1\r\nHost: x\r\nContent-Type: "
               "application/x-www-form-urlencoded\r\n" +
                   extra + "Content-Length: " + std::to_string(form.size()) + "\r\n\r\n" + form);
  REQUIRE(conversation.status == 200);
  CHECK(conversation.body.find("PLAIN-REPORT") != std::string::npos);
  const std::string token_open = "name=\"token\" value=\"";
  const size_t t = conversation.body.find(token_open);
  REQUIRE(t != std::string::npos);
  {
    const size_t tf = t + token_open.size();
    const std::string token = conversation.body.substr(tf, conversation.body.find('"', tf) - tf);
    needles->Add(token);
    const std::string reply = part("lang", "sr-Latn") + part("token", token) +
                              part("text", Text("PLAIN-FOLLOWUP")) + "--" + boundary + "--\r\n";
    Conn f = Conn::Tcp(w.source_port());
    const RawResponse followed = Exchange(
        f, "POST /plain/reply HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=" +
               boundary + "\r\n" + extra + "Content-Length: " + std::to_string(reply.size()) +
               "\r\n\r\n" + reply);
    INFO(followed.body.substr(0, 400));
    CHECK(followed.status < 400);
  }

  for (const char* marker : {"PLAIN-REPORT", "PLAIN-ATTACHMENT", "PLAIN-FOLLOWUP"}) {
    needles->Add(Text(marker));
    needles->Add(marker);
  }
  needles->Add("PLAIN-TITLE-M4");
  needles->Add("plain-evidence-J5.jpg");
  return receipt;
}
// ---------------------------------------------------------------------------

// The scripted life and what it leaves to look for, step by step.
struct Audit {
  World w;
  Needles needles;
  std::string logs;  // every run's stdout and stderr
  std::optional<SecretBytes> db_key;
  std::string key_hex;
  std::unique_ptr<DojavadServer> server;
  pid_t pid = -1;
  Bytes salt;
  std::string receipt_a, receipt_b, receipt_c, receipt_plain;
  std::string case_a, case_b;

  void Stop(std::unique_ptr<DojavadServer>& s) {
    s->Signal(SIGTERM);
    CHECK(s->Wait() == 0);
    logs += s->Stdout() + s->Stderr();
    s.reset();
  }
  std::string Attach(const std::string& name, const std::string& content) {
    WriteFile(w.Path(name), content);
    needles.Add(name);
    return w.Path(name);
  }
};

// A time that could date an event: seconds, milliseconds or microseconds
// within the 400 days around now (the life spans 200 shifted days).
bool IsTime(int64_t v) {
  const int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  constexpr int64_t kWindow = 400LL * 86400;
  return (v > now_s - kWindow && v < now_s + kWindow) ||
         (v > (now_s - kWindow) * 1000 && v < (now_s + kWindow) * 1000) ||
         (v > (now_s - kWindow) * 1000000 && v < (now_s + kWindow) * 1000000);
}

// Day -200: a case that will expire (C) and an upload never finished.
void LiveDayMinus200(Audit& a) {
  TestFile abandoned(2);
  {
    ScopedEnv env(DayShiftEnv(-200));
    auto server = a.w.Serve();
    a.w.AddReviewer("ana");
    a.receipt_c = a.w.Submit(Text("EXPIRED-CASE-C"),
                             {a.Attach("expired-evidence-E1.txt", Text("EXPIRED-ATTACHMENT"))});
    REQUIRE_FALSE(a.receipt_c.empty());
    Conn c = Conn::Tcp(a.w.source_port());
    REQUIRE(Exchange(c, Post("/api/v1/uploads", abandoned.CreateBody())).status == 201);
    REQUIRE(Exchange(c, PutChunkHead(abandoned.id, 0) + abandoned.Record(0)).status == 204);
    a.Stop(server);
  }
  a.needles.Add(Text("EXPIRED-CASE-C"));
  a.needles.Add(Text("EXPIRED-ATTACHMENT"));
  auto db_key = service::DatabaseKey::LoadFile(a.w.data_dir() + "/database.key");
  REQUIRE(db_key.ok());
  a.db_key = std::move(db_key).value();
  a.key_hex = HexEncode(a.db_key->reveal());
  a.needles.AddBytes(a.db_key->reveal(), "database key");
  a.needles.Add(a.key_hex);
  Id case_c{};
  {
    auto db = service::SqliteDb::Open(a.w.data_dir() + "/dojava.db", *a.db_key,
                                      service::SqliteDb::Mode::kReadOnly);
    REQUIRE(db.ok());
    auto stmt = (*db)->Prepare("SELECT id FROM cases");
    REQUIRE(stmt.ok());
    REQUIRE(*stmt->Step());
    const ByteView id = stmt->ColumnBlob(0);
    REQUIRE(id.size() == case_c.size());
    std::copy(id.begin(), id.end(), case_c.begin());
  }
  AddTraces(a.w.data_dir(), *a.db_key, case_c, true, &a.needles);
  AddTraces(a.w.data_dir(), *a.db_key, DecodeId(abandoned.id), false, &a.needles);
}

// Today: the purge at start removes both; the instance's salt for later.
void StartToday(Audit& a) {
  a.server = a.w.Serve({"static_dir=" DOJAVA_SOURCE_DIR "/static/www"});
  a.pid = a.server->pid();
  SendIdentifyingHeaders(a.w);
  {
    Conn c = Conn::Tcp(a.w.source_port());
    const RawResponse instance = Exchange(c, Get("/api/v1/instance"));
    auto v = boost::json::parse(instance.body).as_object();
    auto s = Base64UrlDecodeFixed<16>(std::string_view(v["salt"].as_string()));
    REQUIRE(s.ok());
    a.salt.assign(s->begin(), s->end());
  }
  CHECK(a.w.Inbox(a.receipt_c).exit_code == 6);  // purged: not found
}

// Case B (to be deleted), then case A, which lives: two attachments.
void SubmitCasesAB(Audit& a) {
  World& w = a.w;
  a.receipt_b = w.Submit(Text("DELETED-CASE-B"),
                         {a.Attach("to-be-deleted-W2.txt", Text("DELETED-ATTACHMENT"))}, nullptr,
                         "deleted-report-B8.txt");
  REQUIRE_FALSE(a.receipt_b.empty());
  a.needles.Add("deleted-report-B8.txt");
  const std::vector<std::string> only_b = CaseIds(w);
  REQUIRE(only_b.size() == 1);
  a.case_b = only_b[0];

  a.receipt_a = w.Submit(
      Text("LIVING-CASE-A"),
      {a.Attach("leaked-contract-Q7.pdf", Text("ATTACHMENT-ONE")),
       a.Attach("photo-of-badge-Z3.jpg", Text("ATTACHMENT-TWO") + std::string(700 * 1024, 'z'))},
      nullptr, "my-report-K9.txt");
  REQUIRE_FALSE(a.receipt_a.empty());
  a.needles.Add("my-report-K9.txt");
  for (const auto& id : CaseIds(w)) {
    if (id != a.case_b) a.case_a = id;
  }
  REQUIRE_FALSE(a.case_a.empty());
}

// Case A: a reply with a file, notes, a follow-up, a grant to a second reviewer.
void ReviewersWorkOnCaseA(Audit& a) {
  World& w = a.w;
  const std::string& case_a = a.case_a;
  auto login = w.As("ana", {"login"});
  INFO(login.err);
  REQUIRE(login.exit_code == 0);
  // Secrets live in locked memory (SecretBytes: sodium_malloc + mlock).
  if (kMlockWorks) CHECK(StatusKb(a.pid, "VmLck") > 0);

  auto reply = w.As("ana", {"reply", case_a, Text("REVIEWER-REPLY"), "--attach",
                            a.Attach("reply-attachment-R5.txt", Text("REPLY-ATTACHMENT"))});
  INFO(reply.err);
  REQUIRE(reply.exit_code == 0);
  REQUIRE(w.As("ana", {"status", case_a, "triage"}).exit_code == 0);
  REQUIRE(w.As("ana", {"label", case_a, "--add", "pegasuslbl"}).exit_code == 0);
  REQUIRE(w.As("ana", {"note", case_a, Text("INTERNAL-NOTE")}).exit_code == 0);
  auto followup = w.Inbox(a.receipt_a, Text("SOURCE-FOLLOWUP"));
  INFO(followup.err);
  REQUIRE(followup.exit_code == 0);
  CHECK(followup.out.find(Text("REVIEWER-REPLY")) != std::string::npos);
  w.AddReviewer("bob");
  auto grant = w.As("ana", {"grant", case_a, "bob"});
  INFO(grant.err);
  REQUIRE(grant.exit_code == 0);
  auto bob = w.As("bob", {"show", case_a});
  INFO(bob.err);
  REQUIRE(bob.exit_code == 0);
  CHECK(bob.out.find(Text("SOURCE-FOLLOWUP")) != std::string::npos);
  CHECK(bob.out.find(Text("INTERNAL-NOTE")) != std::string::npos);
}

void DeleteCaseB(Audit& a) {
  AddTraces(a.w.data_dir(), *a.db_key, DecodeId(a.case_b), true, &a.needles);
  auto deleted = a.w.As("bob", {"delete", a.case_b, "--yes"});
  INFO(deleted.err);
  REQUIRE(deleted.exit_code == 0);
  CHECK(a.w.Inbox(a.receipt_b).exit_code == 6);
}

// The process: no key in its environment, no core dumps, not dumpable; then
// stopped, purged and checked.
void CheckProcessThenStop(Audit& a) {
  const std::string proc = "/proc/" + std::to_string(a.pid);
  std::string environ_text;
  const bool environ_readable = ::access((proc + "/environ").c_str(), R_OK) == 0;
  if (environ_readable) environ_text = ReadAll(proc + "/environ");
  if (::geteuid() != 0) CHECK_FALSE(environ_readable);  // only root reads a non-dumpable's
  CHECK(environ_text.find(a.key_hex) == std::string::npos);
  CHECK(
      std::regex_search(ReadAll(proc + "/limits"), std::regex("Max core file size +0 +0 +bytes")));
  if (kMlockWorks) CHECK(StatusKb(a.pid, "VmLck") > 0);
  a.Stop(a.server);
  auto purge = RunDojavad({"purge", "--data-dir", a.w.data_dir()});
  CHECK(purge.exit_code == 0);
  auto check = RunDojavad({"check", "--data-dir", a.w.data_dir()});
  CHECK(check.exit_code == 0);
  a.logs += purge.out + purge.err + check.out + check.err;
}

// Everything typed or derived in the life: texts, receipts, lookup keys.
void AddLifeNeedles(Audit& a) {
  for (const char* t :
       {"LIVING-CASE-A", "DELETED-CASE-B", "ATTACHMENT-ONE", "ATTACHMENT-TWO", "DELETED-ATTACHMENT",
        "REVIEWER-REPLY", "REPLY-ATTACHMENT", "INTERNAL-NOTE", "SOURCE-FOLLOWUP"}) {
    a.needles.Add(Text(t));
    a.needles.Add(t);
  }
  a.needles.Add("pegasuslbl");
  for (const std::string& receipt : {a.receipt_a, a.receipt_b, a.receipt_c, a.receipt_plain}) {
    a.needles.Add(receipt);
    std::string digits = receipt;
    digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
    a.needles.Add(digits);
    const Bytes lookup = LookupKey(receipt, a.salt);
    a.needles.AddBytes(lookup, "lookup key");
    a.needles.Add(Base64UrlEncode(lookup));
    a.needles.Add(HexEncode(lookup));
  }
}

// 1. Every table, every value, with the database's own key.
void AuditDatabaseValues(const Audit& a) {
  auto db = service::SqliteDb::Open(a.w.data_dir() + "/dojava.db", *a.db_key,
                                    service::SqliteDb::Mode::kReadOnly);
  REQUIRE(db.ok());
  auto tables = (*db)->QueryTexts("SELECT name FROM sqlite_schema WHERE type = 'table'");
  REQUIRE(tables.ok());
  // Exactly the tables of service/store/STORE.md: a new table is a new kind of
  // stored data and must be audited here (and listed in SECURITY.md §14's
  // "a seized database shows").
  std::vector<std::string> names = *tables;
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"case_anchors", "case_genesis", "case_keys",
                                          "case_rekeys", "cases", "chunks", "messages", "roster",
                                          "roster_history", "settings", "uploads"});
  size_t values = 0;
  for (const std::string& table : *tables) {
    auto columns = (*db)->QueryTexts("SELECT name FROM pragma_table_info('" + table + "')");
    REQUIRE(columns.ok());
    for (const std::string& col : *columns) {
      INFO(table << "." << col);
      // No text and no floats: nothing that holds a name, an address, an
      // agent or a formatted time.
      CHECK(*(*db)->QueryInt("SELECT count(*) FROM " + table + " WHERE typeof(" + col +
                             ") NOT IN ('integer', 'blob', 'null')") == 0);
      auto ints = (*db)->Prepare("SELECT " + col + " FROM " + table + " WHERE typeof(" + col +
                                 ") = 'integer'");
      REQUIRE(ints.ok());
      while (*ints->Step()) {
        ++values;
        CHECK_FALSE(IsTime(ints->ColumnInt(0)));
      }
      auto blobs = (*db)->Prepare("SELECT " + col + " FROM " + table + " WHERE typeof(" + col +
                                  ") = 'blob'");
      REQUIRE(blobs.ok());
      while (*blobs->Step()) {
        ++values;
        const ByteView b = blobs->ColumnBlob(0);
        const Bytes cell(b.begin(), b.end());
        for (const auto& t : a.needles.text) CHECK_FALSE(Contains(cell, AsBytes(t)));
        CHECK_FALSE(Contains(cell, AsBytes(std::string_view("127.0.0.1"))));
      }
    }
  }
  CHECK(values > 50);
  // Deleted and purged: no rows of B or C (A and the no-JavaScript case
  // live), no upload left unbound.
  CHECK(*(*db)->QueryInt("SELECT count(*) FROM cases") == 2);
  CHECK(*(*db)->QueryInt("SELECT count(*) FROM uploads WHERE case_id IS NULL") == 0);
}

// 2. The whole file decrypted page by page, free pages included.
void AuditDatabasePages(const Audit& a) {
  std::error_code ec;
  const auto wal = std::filesystem::file_size(a.w.data_dir() + "/dojava.db-wal", ec);
  CHECK((ec || wal == 0));
  auto pages =
      service::testing::DecryptPages(ToBytes(ReadAll(a.w.data_dir() + "/dojava.db")), *a.db_key);
  REQUIRE(pages.has_value());
  REQUIRE((*pages)[0] == 0x10);  // control: page 1 decrypted (page size 4096)
  CHECK_FALSE(Contains(*pages, AsBytes(std::string_view("127.0.0.1"))));
  for (const auto& t : a.needles.text) {
    INFO(t);
    CHECK_FALSE(Contains(*pages, AsBytes(t)));
  }
  for (size_t i = 0; i < a.needles.bytes.size(); ++i) {
    INFO(a.needles.labels[i]);
    CHECK_FALSE(Contains(*pages, a.needles.bytes[i]));
  }
  // Control: what lives is found (the lookup hash of A, as stored).
  CHECK(Contains(*pages, crypto::LookupHash(LookupKey(a.receipt_a, a.salt))));
}

// 3. The server's output: none of it; no time finer than a day.
void AuditLogs(const Audit& a) {
  const std::string& logs = a.logs;
  const Bytes log_bytes = ToBytes(logs);
  for (const auto& t : a.needles.text) {
    INFO(t);
    CHECK(logs.find(t) == std::string::npos);
  }
  for (size_t i = 0; i < a.needles.bytes.size(); ++i) {
    INFO(a.needles.labels[i]);
    CHECK_FALSE(Contains(log_bytes, a.needles.bytes[i]));
  }
  std::string without_listen;
  std::istringstream lines(logs);
  for (std::string line; std::getline(lines, line);) {
    // The server's own listening addresses are printed at start, by design.
    if (line.find("listening") == std::string::npos) without_listen += line + "\n";
  }
  INFO(logs);
  CHECK(without_listen.find("127.0.0.1") == std::string::npos);
  CHECK_FALSE(std::regex_search(without_listen, std::regex("[0-9]{2}:[0-9]{2}:[0-9]{2}")));
  CHECK_FALSE(std::regex_search(without_listen, std::regex("20[0-9]{2}-[01][0-9]-[0-3][0-9]")));
  std::smatch m;
  for (auto it = without_listen.cbegin();
       std::regex_search(it, without_listen.cend(), m, std::regex("[0-9]{9,18}"));
       it = m[0].second) {
    CHECK_FALSE(IsTime(std::stoll(m.str())));
  }
  CHECK(logs.find("purged 1 expired case(s) and 1 unfinished upload(s)") != std::string::npos);
}

TEST_CASE("audit: after a scripted life the server keeps nothing that identifies or reveals",
          "[abuse][audit]") {
  Audit a;
  a.needles.Add(kUserAgent);
  a.needles.Add("DojavaAuditUA");
  a.needles.Add(kForwardedFor);
  a.needles.Add("sr-Latn-RS");
  LiveDayMinus200(a);
  StartToday(a);
  SubmitCasesAB(a);
  ReviewersWorkOnCaseA(a);
  a.receipt_plain = NoJavaScriptSubmissions(a.w, &a.needles);
  DeleteCaseB(a);
  CheckProcessThenStop(a);
  AddLifeNeedles(a);
  AuditDatabaseValues(a);
  AuditDatabasePages(a);
  AuditLogs(a);
}

}  // namespace
}  // namespace dojava::abuse
