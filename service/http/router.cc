#include "service/http/router.h"

namespace dojava::http {
namespace {

bool IsParam(std::string_view seg) {
  return seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
}

bool IsLiteralChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

bool IsParamChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// Splits "/a/b" into {"a","b"}; "/" into {}. False for an empty segment
// (e.g. "//x", "/a/") or a path not starting with '/'.
bool Split(std::string_view path, std::vector<std::string_view>* out) {
  if (path.empty() || path[0] != '/') return false;
  if (path == "/") return true;
  path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    std::string_view seg = path.substr(0, slash);
    if (seg.empty()) return false;
    out->push_back(seg);
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace

std::string_view RouteParams::Get(std::string_view name) const {
  for (const auto& [n, v] : values_) {
    if (n == name) return v;
  }
  return {};
}

void RouteParams::Add(std::string_view name, std::string_view value) {
  values_.emplace_back(std::string(name), std::string(value));
}

Status Router::Add(ListenerKind listener, Method method, std::string_view pattern,
                   RouteOptions options, Handler handler) {
  if (!handler) return Status(Code::kInvalidArgument, "route without a handler");
  if (method == Method::kOther) return Status(Code::kInvalidArgument, "route needs a method");
  std::vector<std::string_view> segs;
  if (!Split(pattern, &segs)) return Status(Code::kInvalidArgument, "malformed route pattern");
  Route route{listener, method, std::string(pattern), {}, options, std::move(handler)};
  for (std::string_view seg : segs) {
    if (IsParam(seg)) {
      for (char c : seg.substr(1, seg.size() - 2)) {
        if (!IsParamChar(c)) return Status(Code::kInvalidArgument, "malformed parameter name");
      }
    } else {
      for (char c : seg) {
        if (!IsLiteralChar(c)) return Status(Code::kInvalidArgument, "malformed route literal");
      }
      if (seg == "." || seg == "..") return Status(Code::kInvalidArgument, "dot segment in route");
    }
    route.segments.emplace_back(seg);
  }
  for (const Route& r : routes_) {
    if (r.listener != listener || r.method != method ||
        r.segments.size() != route.segments.size()) {
      continue;
    }
    bool overlap = true;
    for (size_t i = 0; i < r.segments.size() && overlap; ++i) {
      overlap = IsParam(r.segments[i]) || IsParam(route.segments[i]) ||
                r.segments[i] == route.segments[i];
    }
    if (overlap) return Status(Code::kAlreadyExists, "route overlaps an existing route");
  }
  routes_.push_back(std::move(route));
  return Status::Ok();
}

Status Router::Wrap(ListenerKind listener, Method method, std::string_view pattern,
                    const std::function<Handler(Handler)>& wrap) {
  for (Route& r : routes_) {
    if (r.listener == listener && r.method == method && r.pattern == pattern) {
      r.handler = wrap(std::move(r.handler));
      return Status::Ok();
    }
  }
  return Status(Code::kNotFound, "no route " + std::string(pattern));
}

std::optional<Router::Match> Router::Find(ListenerKind listener, Method method,
                                          std::string_view path) const {
  std::vector<std::string_view> segs;
  if (!Split(path, &segs)) return std::nullopt;
  for (const Route& r : routes_) {
    if (r.listener != listener || r.method != method || r.segments.size() != segs.size()) continue;
    Match m;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      const std::string& want = r.segments[i];
      if (IsParam(want)) {
        ok = segs[i].size() <= kMaxParamLength;
        for (char c : segs[i]) ok = ok && IsParamChar(c);
        if (ok) m.params.Add(std::string_view(want).substr(1, want.size() - 2), segs[i]);
      } else {
        ok = segs[i] == want;
      }
    }
    if (ok) {
      m.route = &r;
      return m;
    }
  }
  return std::nullopt;
}

}  // namespace dojava::http
