#include "tests/vectors/vector_json.h"

#include <cstdio>
#include <cstdlib>

#include "base/encoding.h"

namespace dojava::vectors {
namespace {

void Print(const boost::json::value& v, int indent, std::string& out) {
  const std::string pad(size_t(indent) * 2, ' ');
  const std::string inner(size_t(indent + 1) * 2, ' ');
  if (v.is_object()) {
    const auto& o = v.get_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    size_t i = 0;
    for (const auto& kv : o) {
      out += inner + boost::json::serialize(boost::json::value(kv.key())) + ": ";
      Print(kv.value(), indent + 1, out);
      out += ++i < o.size() ? ",\n" : "\n";
    }
    out += pad + "}";
  } else if (v.is_array()) {
    const auto& a = v.get_array();
    if (a.empty()) {
      out += "[]";
      return;
    }
    out += "[\n";
    for (size_t i = 0; i < a.size(); ++i) {
      out += inner;
      Print(a[i], indent + 1, out);
      out += i + 1 < a.size() ? ",\n" : "\n";
    }
    out += pad + "]";
  } else {
    out += boost::json::serialize(v);
  }
}

}  // namespace

std::string Pretty(const boost::json::value& v) {
  std::string out;
  Print(v, 0, out);
  out += "\n";
  return out;
}

boost::json::string HexOf(ByteView b) { return boost::json::string(HexEncode(b)); }

Bytes BytesOf(const boost::json::value& v) {
  auto r = HexDecode(v.as_string());
  if (!r.ok()) {
    std::fprintf(stderr, "bad hex in a vector file\n");
    std::abort();
  }
  return std::move(r).value();
}

SecretBytes SecretOf(const boost::json::value& v) { return SecretBytes::Copy(BytesOf(v)); }

}  // namespace dojava::vectors
