#include "client/case_summary.h"

#include <algorithm>
#include <boost/json.hpp>

namespace dojava::client {
namespace json = boost::json;
namespace {

std::string FormField(const json::value& body, std::string_view field) {
  if (!body.is_object()) return "";
  const json::object& o = body.as_object();
  auto form = o.find("form");
  if (form == o.end() || !form->value().is_object()) return "";
  auto it = form->value().as_object().find(field);
  if (it == form->value().as_object().end() || !it->value().is_string()) return "";
  return std::string(it->value().as_string());
}

}  // namespace

uint64_t LastSeq(const CaseView& v) {
  uint64_t last = 0;
  for (const auto& e : v.entries) last = std::max(last, e.seq);
  return last;
}

CaseSummary Summarize(const CaseView& v, uint64_t last_seen) {
  CaseSummary s;
  for (const auto& e : v.entries) {
    s.files += e.files.size();
    if (e.seq == 1 && e.error.empty() && e.from_source && e.type == "report") {
      s.title = FormField(e.body, "title");
      s.country = FormField(e.body, "country");
      s.incident = FormField(e.body, "incident");
    }
  }
  s.last_seq = LastSeq(v);
  s.unread = s.last_seq > last_seen;
  return s;
}

}  // namespace dojava::client
