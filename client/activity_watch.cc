#include "client/activity_watch.h"

#include <algorithm>

#include "client/format.h"
#include "crypto/protocol_constants.h"

namespace dojava::client {

Result<bool> ActivityWatcher::Check(ReviewerSession& s, const crypto::Id& id,
                                    int64_t activity_day) {
  auto it = known_.find(id);
  if (it == known_.end()) {
    // New to this watcher: is it granted to this reviewer?
    DOJAVA_ASSIGN_OR_RETURN(ApiCaseDetail detail, s.api().GetCase(id));
    const std::string me = IdText(s.me->id);
    const bool mine = std::any_of(detail.keys.begin(), detail.keys.end(), [&](const auto& k) {
      return k.recipient == me && k.role == protocol::kRoleCaseKey;
    });
    if (!mine) {
      not_mine_.insert(id);
      return false;
    }
    not_mine_.erase(id);
    it = known_.emplace(id, Known{activity_day, 0}).first;
    DOJAVA_ASSIGN_OR_RETURN(uint64_t seen, s.conn->state().LastSeen(id));
    it->second.newest_seq = seen;
    if (seen == 0) return !first_;  // a case never opened: unread, news unless already there
  }
  Known& k = it->second;
  DOJAVA_ASSIGN_OR_RETURN(uint64_t seen, s.conn->state().LastSeen(id));
  k.newest_seq = std::max(k.newest_seq, seen);
  bool news = false;
  if (k.newest_seq == 0) {
    news = activity_day > k.last_activity_day;  // never opened: activity is all we track
  } else {
    DOJAVA_ASSIGN_OR_RETURN(auto messages, s.api().GetMessages(id, k.newest_seq));
    for (const auto& m : messages) {
      if (m.seq > k.newest_seq) {
        k.newest_seq = m.seq;
        news = true;
      }
    }
  }
  k.last_activity_day = std::max(k.last_activity_day, activity_day);
  return news;
}

Result<Activity> ActivityWatcher::Poll(ReviewerSession& s) {
  const int64_t today = TodayDay();
  // The day before the previous poll: a case active late that day may have
  // been listed before its last message.
  const int64_t since = first_ ? 0 : previous_day_ - 1;
  auto cases = s.api().ListCases(since);
  if (!cases.ok()) return Status(cases.code(), "listing cases: " + cases.status().message());
  Activity a;
  for (const auto& c : *cases) {
    auto news = Check(s, c.case_id, c.last_activity_day);
    if (!news.ok() && news.code() == Code::kNotFound) {
      known_.erase(c.case_id);  // deleted meanwhile
      continue;
    }
    if (!news.ok()) return news.status();
    a.news = a.news || *news;
  }
  for (const auto& [id, k] : known_) {
    DOJAVA_ASSIGN_OR_RETURN(uint64_t seen, s.conn->state().LastSeen(id));
    if ((k.newest_seq == 0 && seen == 0) || k.newest_seq > seen) ++a.unread_cases;
  }
  if (first_) a.news = a.unread_cases > 0;
  first_ = false;
  previous_day_ = today;
  return a;
}

}  // namespace dojava::client
