// Watching for new activity without decrypting anything (`dojava watch`, a
// desktop notification): which cases granted to this reviewer have messages
// newer than what the reviewer last read (the local `seen-…` state), and
// whether anything arrived since the previous poll. Only ciphertext the
// reviewer has not read yet is fetched, and only for cases it has read
// before; a case never opened counts as unread without fetching it.
//
// Not thread-safe: one watcher per session.
#ifndef DOJAVA_CLIENT_ACTIVITY_WATCH_H_
#define DOJAVA_CLIENT_ACTIVITY_WATCH_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>

#include "base/status.h"
#include "client/reviewer_session.h"

namespace dojava::client {

struct Activity {
  size_t unread_cases = 0;  // granted to this reviewer, with messages not read yet
  bool news = false;        // something arrived since the previous poll (first poll: any unread)
};

class ActivityWatcher {
 public:
  // One poll: lists the cases active since the previous poll's day (all on
  // the first poll) and checks them. Errors of the API (kIoError...).
  Result<Activity> Poll(ReviewerSession& s);

 private:
  struct Known {
    int64_t last_activity_day = 0;
    uint64_t newest_seq = 0;  // newest message fetched or read; 0 if never opened
  };
  Result<bool> Check(ReviewerSession& s, const crypto::Id& id, int64_t activity_day);

  bool first_ = true;
  int64_t previous_day_ = 0;
  std::map<crypto::Id, Known> known_;  // cases granted to this reviewer
  std::set<crypto::Id> not_mine_;      // rechecked when they show activity again
};

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_ACTIVITY_WATCH_H_
