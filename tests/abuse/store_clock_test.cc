// The clock moving backwards, at the store level with the injectable clock
// (the real binary's clock is moved by day_shift.cc in abuse_test.cc).
#include <catch2/catch_test_macros.hpp>

#include "tests/support/store_test_util.h"

namespace dojava::service {
namespace {

using testing::kToday;
using testing::RandomCase;
using testing::RandomRecord;
using testing::TestStore;

// Regression (issue 7, "clock set back"): a follow-up written while the clock
// was 100 days behind set the case's last activity and expiry 100 days back,
// so the first purge once the clock was right again deleted a case that had
// just been active.
TEST_CASE("regression: a clock set back does not shorten retention or stamp the past",
          "[abuse][clock]") {
  TestStore t;
  t.settings.retention_days = 90;
  t.settings.retention_spread_days = 0;
  REQUIRE(t.Create().ok());
  NewCase c = RandomCase();
  REQUIRE(t.store->CreateCase(c).ok());

  t.clock->Set(kToday - 100);  // the clock goes back (a bad RTC, a wrong NTP answer)
  REQUIRE(t.store->AppendMessage(c.case_id, RandomRecord(), {}).ok());
  NewCase later = RandomCase();
  REQUIRE(t.store->CreateCase(later).ok());
  const Id file = testing::RandomId();
  REQUIRE(t.store->CreateUpload(file, 2, std::nullopt).ok());
  auto purged = t.store->Purge();  // nothing expires on a day already past
  REQUIRE(purged.ok());
  CHECK(purged->cases_deleted == 0);
  CHECK(purged->uploads_deleted == 0);
  for (const Id& id : {c.case_id, later.case_id}) {
    auto info = t.store->GetCase(id);
    REQUIRE(info.ok());
    CHECK(info->last_activity_day == kToday);  // never a day before one already used
    CHECK(info->created_day == kToday);
    CHECK(info->expiry_day == kToday + 90);
  }
  auto messages = t.store->ListMessages(c.case_id, 0, 100, 1 << 20);
  REQUIRE(messages.ok());
  REQUIRE(messages->size() == 2);
  for (const auto& m : *messages) CHECK(m.day == kToday);

  // A restart while the clock is still wrong remembers the latest day.
  REQUIRE(t.Reopen().ok());
  REQUIRE(t.store->AppendMessage(later.case_id, RandomRecord(), {}).ok());
  auto reopened = t.store->GetCase(later.case_id);
  REQUIRE(reopened.ok());
  CHECK(reopened->last_activity_day == kToday);

  // The clock is right again: the cases live their full retention.
  t.clock->Set(kToday + 1);
  purged = t.store->Purge();
  REQUIRE(purged.ok());
  CHECK(purged->cases_deleted == 0);
  CHECK(t.store->GetCase(c.case_id).ok());
  CHECK(t.store->GetCase(later.case_id).ok());
  t.clock->Set(kToday + 91);
  purged = t.store->Purge();
  REQUIRE(purged.ok());
  CHECK(purged->cases_deleted == 2);
}

TEST_CASE("a clock at the epoch or before it: no crash, no negative day stored", "[abuse][clock]") {
  TestStore t;
  t.clock->Set(0);
  REQUIRE(t.Create().ok());
  NewCase c = RandomCase();
  REQUIRE(t.store->CreateCase(c).ok());
  t.clock->Set(-5);
  auto purged = t.store->Purge();
  REQUIRE(purged.ok());
  CHECK(purged->cases_deleted == 0);
  REQUIRE(t.store->AppendMessage(c.case_id, RandomRecord(), {}).ok());
  auto info = t.store->GetCase(c.case_id);
  REQUIRE(info.ok());
  CHECK(info->created_day == 0);
  CHECK(info->last_activity_day == 0);
  CHECK(info->expiry_day > 0);
}

}  // namespace
}  // namespace dojava::service
