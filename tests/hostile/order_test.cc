// Attack 5: the server chooses the order of a case: it reorders records,
// withholds records below what a reader has seen, truncates the listing, to
// set the status a team sees to one some reviewer once chose (PROTOCOL §8.4:
// `prev` in every signed record, the per-case high-water mark;
// crypto::v2::CheckCaseOrder through client/case_records.cc).
#include <catch2/catch_test_macros.hpp>

#include "tests/hostile/api_json.h"
#include "tests/hostile/attacker.h"
#include "tests/hostile/newsroom.h"

namespace dojava::hostile {
namespace {

// The listing of a case, changed by `edit`, for every later reader. Only a
// page of `whole` records is edited (a client's next page is empty).
void EditListing(HostileProxy& proxy, const std::string& path, size_t whole,
                 std::function<void(std::vector<Listed>&)> edit) {
  proxy.Clear();
  proxy.Rewrite("GET", path + "(\\?.*)?", [whole, edit](int&, std::string& body) {
    std::vector<Listed> m = Messages(body);
    if (m.size() != whole) return;
    edit(m);
    // A server that reorders numbers its answer as it likes: ascending.
    for (size_t i = 0; i < m.size(); ++i) m[i].seq = i + 1;
    body = WithMessages(body, m);
  });
  proxy.ForgetSeen();
}

// Reading is refused as `why` and nothing new is written.
void RefusedAs(Newsroom& n, const std::string& who, const std::string& case_text,
               const std::string& why) {
  const ProcessResult show = n.As(who, {"show", case_text});
  INFO(Describe(show));
  CHECK(show.exit_code == 7);
  CHECK(show.err.find("not trustworthy: " + why) != std::string::npos);
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"reply", case_text, "not now"},
        std::vector<std::string>{"status", case_text, "published"}}) {
    const ProcessResult r = n.As(who, cmd);
    INFO(Describe(r));
    CHECK(r.exit_code == 7);
    CHECK(r.err.find("refusing to encrypt") != std::string::npos);
  }
  CHECK(n.reviewers().Requests("POST", ".*").empty());
}

TEST_CASE("attack 5: reordered, withheld and truncated listings are named; nothing is written",
          "[hostile]") {
  Newsroom n;
  Attacker attacker;
  n.AddReviewer("ana");
  n.AddReviewer("bob");
  const std::string receipt = n.Submit("Blokiranje portala");
  const std::string case_text = n.OnlyCase("ana");
  // #1 report, #2 reply, #3 investigating, #4 closed, #5 the source's answer.
  REQUIRE(n.As("ana", {"reply", case_text, "Hvala, provjeravamo."}).exit_code == 0);
  REQUIRE(n.As("ana", {"status", case_text, "investigating"}).exit_code == 0);
  REQUIRE(n.As("bob", {"status", case_text, "closed"}).exit_code == 0);
  REQUIRE(n.Inbox(receipt, "Evo dokaza.").exit_code == 0);
  const ProcessResult seen = n.As("ana", {"show", case_text, "--json"});  // ana's mark: 5
  REQUIRE(seen.exit_code == 0);
  REQUIRE(StringField(seen.out, "status") == "closed");
  const std::string messages = "/api/v1/cases/" + case_text + "/messages";

  {
    INFO("the two status events swapped, so that the closed case shows as open");
    EditListing(n.reviewers(), messages, 5, [](auto& m) { std::swap(m[2], m[3]); });
    // Bob's mark (4 records, the 4th his "closed") no longer matches: the
    // whole case is refused (high-water mark, §8.4).
    RefusedAs(n, "bob", case_text, "reordered");
    // Ana's mark is the 5th record, still in place: the moved event names a
    // record listed after it (its `prev`), so it is named and left out of the
    // state (§8.4 "Order"); the case stays readable and writable.
    const ProcessResult ana = n.As("ana", {"show", case_text});
    INFO(Describe(ana));
    CHECK(ana.exit_code == 7);
    CHECK(ana.out.find("message #3: reordered") != std::string::npos);
  }
  {
    INFO("the last status event withheld: truncated below ana's mark (high-water mark)");
    EditListing(n.reviewers(), messages, 5, [](auto& m) { m.erase(m.begin() + 3); });
    RefusedAs(n, "ana", case_text, "truncated");
  }
  {
    INFO("the listing cut after the report: truncated");
    EditListing(n.reviewers(), messages, 5, [](auto& m) { m.resize(1); });
    RefusedAs(n, "ana", case_text, "truncated");
  }
  {
    INFO("a withheld record replaced by a later one: the mark's record differs (reordered)");
    EditListing(n.reviewers(), messages, 5, [](auto& m) { m[4] = m[3]; });
    RefusedAs(n, "ana", case_text, "reordered");
  }
  {
    INFO("the source's listing reordered: the moved record is named");
    EditListing(n.sources(), "/api/v1/source/case", 3, [](auto& m) { std::swap(m[1], m[2]); });
    const ProcessResult inbox = n.Inbox(receipt);
    INFO(Describe(inbox));
    CHECK(inbox.exit_code == 7);
    CHECK(inbox.out.find("message #2: reordered") != std::string::npos);
  }
  CHECK(attacker.Gains(n.reviewers().seen()).empty());
}

TEST_CASE("attack 5: the documented residual: withholding what a reader never saw", "[hostile]") {
  Newsroom n;
  n.AddReviewer("ana");
  n.AddReviewer("bob");
  n.Submit("Blokiranje portala");
  const std::string case_text = n.OnlyCase("ana");
  REQUIRE(n.As("ana", {"status", case_text, "investigating"}).exit_code == 0);
  REQUIRE(n.As("ana", {"status", case_text, "closed"}).exit_code == 0);
  // Bob has never read the case: the server withholds the last event from
  // him, and he sees "investigating" (§8.4: withholding records a reader
  // never saw stays undetectable). Once he has seen it, he has a mark.
  EditListing(n.reviewers(), "/api/v1/cases/" + case_text + "/messages", 3,
              [](auto& m) { m.pop_back(); });
  const ProcessResult fooled = n.As("bob", {"show", case_text, "--json"});
  INFO(Describe(fooled));
  CHECK(fooled.exit_code == 0);
  CHECK(StringField(fooled.out, "status") == "investigating");
  n.reviewers().Clear();
  REQUIRE(n.As("bob", {"show", case_text}).exit_code == 0);
  EditListing(n.reviewers(), "/api/v1/cases/" + case_text + "/messages", 3,
              [](auto& m) { m.pop_back(); });
  RefusedAs(n, "bob", case_text, "truncated");
}

}  // namespace
}  // namespace dojava::hostile
