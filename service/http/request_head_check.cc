#include "service/http/request_head_check.h"

#include <algorithm>
#include <cctype>

namespace dojava::http {
namespace {

bool NameIs(std::string_view name, std::string_view want) {
  return name.size() == want.size() &&
         std::equal(name.begin(), name.end(), want.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

}  // namespace

Status CheckRequestHead(std::string_view head) {
  const Status bad(Code::kMalformed, "malformed request head");
  if (head.size() < 4 || head.substr(head.size() - 4) != "\r\n\r\n") return bad;
  int content_length = 0, transfer_encoding = 0, host = 0;
  bool first = true;
  size_t pos = 0;
  while (true) {
    const size_t end = head.find("\r\n", pos);
    if (end == std::string_view::npos) return bad;
    const std::string_view line = head.substr(pos, end - pos);
    pos = end + 2;
    for (char c : line) {
      const auto u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\t') || u == 0x7f) return bad;  // bare CR/LF, NUL, controls
    }
    if (line.empty()) {
      if (first) return bad;  // no leading empty lines
      break;
    }
    if (first) {
      first = false;
      if (line.find('\t') != std::string_view::npos) return bad;
      continue;
    }
    if (line[0] == ' ' || line[0] == '\t') return bad;  // obs-fold
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return bad;
    const std::string_view name = line.substr(0, colon);
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (NameIs(name, "content-length")) {
      ++content_length;
      // One plain decimal: no lists ("1,1"), signs or spaces inside.
      if (value.empty() || value.size() > 19 ||
          !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return bad;
      }
    }
    if (NameIs(name, "transfer-encoding")) {
      ++transfer_encoding;
      if (!NameIs(value, "chunked")) return bad;  // no other codings, no lists
    }
    if (NameIs(name, "host")) ++host;
  }
  if (pos != head.size()) return bad;
  if (content_length > 1 || transfer_encoding > 1 || (content_length && transfer_encoding)) {
    return bad;
  }
  if (host != 1) return bad;
  return Status::Ok();
}

bool SplitTarget(std::string_view target, std::string_view* path, std::string_view* query) {
  if (target.empty() || target[0] != '/') return false;
  for (char c : target) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u > 0x7e || c == '#') return false;
  }
  const size_t q = target.find('?');
  *path = target.substr(0, q);
  *query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
  return true;
}

}  // namespace dojava::http
