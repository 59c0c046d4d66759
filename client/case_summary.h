// What a case list shows of a case: the report's title, country and kind of
// incident (§11 form fields), the number of files, and whether anything
// arrived since this reviewer last read it (the local `seen-…` state,
// client/state_store.h; never sent to the server).
//
// Include only from files that already use Boost.JSON.
#ifndef DOJAVA_CLIENT_CASE_SUMMARY_H_
#define DOJAVA_CLIENT_CASE_SUMMARY_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "client/case_view.h"

namespace dojava::client {

struct CaseSummary {
  std::string title;     // empty when the report has none (or did not open)
  std::string country;   // the form's code, e.g. "RS"
  std::string incident;  // the form's kind of incident, e.g. "spyware"
  size_t files = 0;
  uint64_t last_seq = 0;  // the newest message's sequence number
  bool unread = false;    // last_seq is newer than what was read
};

// The summary of `v` given the last sequence number read (0: never opened).
CaseSummary Summarize(const CaseView& v, uint64_t last_seen);

// The newest sequence number of `v`'s messages (0 if none).
uint64_t LastSeq(const CaseView& v);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_CASE_SUMMARY_H_
