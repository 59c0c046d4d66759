// The no-JavaScript session's high-water mark (crypto/PROTOCOL.md §8.4), on
// a real dojavad: a source reads its conversation (3 records), then the
// server — played by the test, writing into the running server's SQLCipher
// database with its key — withholds the newest record or swaps two records.
// The same session's next read names it (`truncated`, `reordered`) in plain
// words in the source's language, and nothing more is written into the case.
// A new visit with the receipt starts a new session with no mark (sessions
// live in memory only): what the mark cannot see, said here as a fact.
#include <catch2/catch_test_macros.hpp>
#include <regex>

#include "service/store/database_key.h"
#include "service/store/sqlite_db.h"
#include "service/store/sqlite_statement.h"
#include "tests/support/dojavad_instance.h"
#include "tests/support/raw_requests.h"

namespace dojava::nojs {
namespace {

using testing::Conn;
using testing::Exchange;
using testing::FormPart;
using testing::RawResponse;

constexpr const char* kBoundary = "----dojavaHighWater";

std::string Multipart(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string b;
  for (const auto& [name, value] : fields) b += FormPart(kBoundary, name, value);
  return b + "--" + kBoundary + "--\r\n";
}

RawResponse PostForm(uint16_t port, const std::string& path, const std::string& body,
                     const std::string& type) {
  Conn c = Conn::Tcp(port);
  return Exchange(c, "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + type +
                         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

RawResponse PostMultipart(uint16_t port, const std::string& path,
                          const std::vector<std::pair<std::string, std::string>>& fields) {
  return PostForm(port, path, Multipart(fields),
                  std::string("multipart/form-data; boundary=") + kBoundary);
}

std::string Find(const std::string& html, const std::string& pattern) {
  std::smatch m;
  REQUIRE(std::regex_search(html, m, std::regex(pattern)));
  return m[1];
}

// The running server's database, opened as someone holding its key would.
std::unique_ptr<service::SqliteDb> Database(const testing::DojavadInstance& inst) {
  auto key = service::DatabaseKey::LoadFile(inst.data_dir() + "/database.key");
  REQUIRE(key.ok());
  auto db = service::SqliteDb::Open(inst.data_dir() + "/dojava.db", *key,
                                    service::SqliteDb::Mode::kReadWrite);
  REQUIRE(db.ok());
  return std::move(db).value();
}

void Run(service::SqliteDb& db, const std::string& sql, const Bytes* blob = nullptr) {
  auto st = db.Prepare(sql);
  REQUIRE(st.ok());
  if (blob != nullptr) st->BindBlob(1, *blob);
  REQUIRE(st->Run().ok());
}

Bytes Record(service::SqliteDb& db, int seq) {
  auto st = db.Prepare("SELECT record FROM messages WHERE seq = " + std::to_string(seq));
  REQUIRE(st.ok());
  auto row = st->Step();
  REQUIRE((row.ok() && *row));
  const ByteView v = st->ColumnBlob(0);
  return Bytes(v.begin(), v.end());
}

int64_t MessageCount(service::SqliteDb& db) {
  auto st = db.Prepare("SELECT count(*) FROM messages");
  REQUIRE(st.ok());
  auto row = st->Step();
  REQUIRE((row.ok() && *row));
  return st->ColumnInt(0);
}

// A served instance with a roster, a no-JS report and its receipt.
struct Reported {
  testing::DojavadInstance inst{{.admin_key_by_cli = true, .rate_limits_off = true}};
  std::unique_ptr<testing::DojavadServer> server;
  std::string receipt;

  Reported() {
    server = inst.Serve({"static_dir=" DOJAVA_SOURCE_DIR "/static/www"});
    inst.AddReviewer("ana");
    const uint16_t port = inst.source_port();
    const RawResponse posted = PostMultipart(port, "/plain/submit",
                                             {{"lang", "en"},
                                              {"form_token", testing::PlainFormToken(port)},
                                              {"country", "RS"},
                                              {"incident", "spyware"},
                                              {"when", ""},
                                              {"responsible", "state"},
                                              {"title", "Phone infected"},
                                              {"text", "It started in May."}});
    const RawResponse sent = testing::FollowSubmission(port, posted);
    REQUIRE(sent.status == 200);
    receipt = Find(sent.body, "id=\"receipt-value\" translate=\"no\">([0-9-]{34})<");
  }

  // Opens a session with the receipt; its conversation page.
  RawResponse Return(const std::string& lang = "en") {
    const RawResponse page =
        PostForm(inst.source_port(), "/plain/return", "lang=" + lang + "&receipt=" + receipt,
                 "application/x-www-form-urlencoded");
    REQUIRE(page.status == 200);
    return page;
  }

  RawResponse Reply(const std::string& token, const std::string& text,
                    const std::string& lang = "en") {
    return PostMultipart(inst.source_port(), "/plain/reply",
                         {{"token", token}, {"lang", lang}, {"text", text}});
  }
};

std::string TokenOf(const RawResponse& page) {
  return Find(page.body, "name=\"token\" value=\"([A-Za-z0-9_-]{43})\"");
}

// The report and two follow-ups, all read by one session; its token.
std::string ReadThree(Reported& r) {
  const std::string token = TokenOf(r.Return());
  REQUIRE(r.Reply(token, "First detail").status == 200);
  const RawResponse second = r.Reply(token, "Second detail");
  REQUIRE(second.status == 200);
  CHECK(second.body.find("Second detail") != std::string::npos);
  CHECK(second.body.find("id=\"plain-untrusted\"") == std::string::npos);
  return token;
}

TEST_CASE("no-JS high-water mark: a record withheld below what the session read is truncated") {
  Reported r;
  const std::string token = ReadThree(r);
  auto db = Database(r.inst);
  REQUIRE(MessageCount(*db) == 3);
  Run(*db, "DELETE FROM messages WHERE seq = (SELECT max(seq) FROM messages)");

  const RawResponse refused = r.Reply(token, "Third detail");
  CHECK(refused.status == 409);
  CHECK(refused.body.find("The server now shows fewer messages in this conversation than you "
                          "already saw here") != std::string::npos);
  CHECK(MessageCount(*db) == 2);  // nothing was written into the case
  // The mark stays where it was: the next read says the same.
  const RawResponse again = r.Reply(token, "Third detail", "sq");
  CHECK(again.status == 409);
  CHECK(again.body.find("Serveri tani tregon më pak mesazhe") != std::string::npos);
  CHECK(MessageCount(*db) == 2);

  // A new visit has no mark to compare with (sessions live in memory only).
  const RawResponse fresh = r.Return();
  CHECK(fresh.body.find("id=\"plain-untrusted\"") == std::string::npos);
  CHECK(fresh.body.find("First detail") != std::string::npos);
}

TEST_CASE("no-JS high-water mark: records swapped below what the session read are reordered") {
  Reported r;
  const std::string token = ReadThree(r);
  auto db = Database(r.inst);
  const Bytes two = Record(*db, 2);
  const Bytes three = Record(*db, 3);
  Run(*db, "UPDATE messages SET record = ?1 WHERE seq = 2", &three);
  Run(*db, "UPDATE messages SET record = ?1 WHERE seq = 3", &two);

  const RawResponse refused = r.Reply(token, "Third detail", "sr-Latn");
  CHECK(refused.status == 409);
  CHECK(refused.body.find("Server je izmenio poruke koje ste u ovom razgovoru već videli") !=
        std::string::npos);
  CHECK(MessageCount(*db) == 3);

  // Put back as it was, the same session reads and writes again: the mark
  // named a changed listing, not a broken session.
  Run(*db, "UPDATE messages SET record = ?1 WHERE seq = 2", &two);
  Run(*db, "UPDATE messages SET record = ?1 WHERE seq = 3", &three);
  const RawResponse sent = r.Reply(token, "Third detail");
  CHECK(sent.status == 200);
  CHECK(sent.body.find("id=\"plain-untrusted\"") == std::string::npos);
  CHECK(MessageCount(*db) == 4);
}

}  // namespace
}  // namespace dojava::nojs
