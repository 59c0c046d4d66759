#include "service/api/request_parsing.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>
#include <utility>

#include "base/encoding.h"
#include "crypto/protocol_constants.h"

namespace dojava::api {
namespace {

Status Malformed(const char* what) { return Status(Code::kMalformed, what); }

// Base64url text length (no padding) of n bytes.
constexpr size_t EncodedLength(size_t n) { return (n * 4 + 2) / 3; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool HasContentType(const http::HttpRequest& request, std::string_view type) {
  auto value = request.Header("content-type");
  if (!value) return false;
  std::string_view v = *value;
  const size_t semicolon = v.find(';');
  std::string_view media = v.substr(0, semicolon);
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
  return EqualsIgnoreCase(media, type);
}

}  // namespace

bool HasJsonContentType(const http::HttpRequest& request) {
  return HasContentType(request, "application/json");
}

bool HasOctetStreamContentType(const http::HttpRequest& request) {
  return HasContentType(request, "application/octet-stream");
}

Result<std::map<std::string_view, std::string_view>> ParseQuery(
    std::string_view query, std::initializer_list<std::string_view> allowed) {
  std::map<std::string_view, std::string_view> out;
  if (query.empty()) return out;
  while (true) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == pair.size()) {
      return Malformed("malformed query");
    }
    const std::string_view name = pair.substr(0, eq);
    const std::string_view value = pair.substr(eq + 1);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return Malformed("unknown query parameter");
    }
    if (!out.emplace(name, value).second) return Malformed("repeated query parameter");
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

Result<uint64_t> ParseDecimal(std::string_view text, uint64_t max) {
  if (text.empty() || text.size() > 19) return Malformed("malformed number");
  if (text.size() > 1 && text[0] == '0') return Malformed("malformed number");
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return Malformed("malformed number");
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > max) return Malformed("number out of range");
  return v;
}

Result<service::Id> ParseId(std::string_view text) { return ParseFixed<protocol::kIdSize>(text); }

template <size_t N>
Result<std::array<uint8_t, N>> ParseFixed(std::string_view text) {
  if (text.size() != EncodedLength(N)) return Malformed("wrong length");
  auto r = Base64UrlDecodeFixed<N>(text);
  if (!r.ok()) return Malformed("malformed base64url");
  return r;
}

template Result<std::array<uint8_t, 16>> ParseFixed<16>(std::string_view);
template Result<std::array<uint8_t, 32>> ParseFixed<32>(std::string_view);
template Result<std::array<uint8_t, 64>> ParseFixed<64>(std::string_view);
template Result<std::array<uint8_t, 82>> ParseFixed<82>(std::string_view);

Result<Bytes> ParseBytes(std::string_view text, size_t max_bytes) {
  if (text.size() > EncodedLength(max_bytes)) return Malformed("too long");
  auto r = Base64UrlDecode(text);
  if (!r.ok()) return Malformed("malformed base64url");
  if (r->size() > max_bytes) return Malformed("too long");
  return r;
}

Result<SecretBytes> ParseSecretHeader(const http::HttpRequest& request, std::string_view name) {
  auto value = request.Header(name);
  if (!value) return Status(Code::kNotFound, "missing header");
  if (value->size() != EncodedLength(32)) return Malformed("wrong length");
  auto r = Base64UrlDecodeSecret(*value);
  if (!r.ok() || r->size() != 32) return Malformed("malformed base64url");
  return r;
}

Result<SecretBytes> ParseBearerToken(const http::HttpRequest& request) {
  auto value = request.Header("authorization");
  if (!value) return Status(Code::kNotFound, "no token");
  constexpr std::string_view kScheme = "Bearer ";
  std::string_view v = *value;
  if (v.size() != kScheme.size() + EncodedLength(32) || v.substr(0, kScheme.size()) != kScheme) {
    return Status(Code::kNotFound, "no token");
  }
  auto r = Base64UrlDecodeSecret(v.substr(kScheme.size()));
  if (!r.ok() || r->size() != 32) return Status(Code::kNotFound, "no token");
  return r;
}

Result<service::SealedKey> ParseSealedKey(const JsonValue& value) {
  DOJAVA_ASSIGN_OR_RETURN(JsonObject object, JsonObject::Of(value));
  service::SealedKey key;
  DOJAVA_ASSIGN_OR_RETURN(std::string_view recipient, object.String("recipient"));
  if (recipient != "source") {
    DOJAVA_ASSIGN_OR_RETURN(service::Id id, ParseId(recipient));
    key.reviewer = id;
  }
  DOJAVA_ASSIGN_OR_RETURN(std::string_view role, object.String("role"));
  if (role == "case") {
    key.role = service::Role::kCaseKey;
  } else if (role == "notes") {
    key.role = service::Role::kNotesKey;
  } else {
    return Malformed("unknown role");
  }
  DOJAVA_ASSIGN_OR_RETURN(std::string_view sealed, object.String("sealed"));
  DOJAVA_ASSIGN_OR_RETURN(key.sealed, ParseFixed<protocol::kSealedKeySize>(sealed));
  if (object.Take("generation") != nullptr) {
    DOJAVA_ASSIGN_OR_RETURN(int64_t generation,
                            object.Int("generation", 0, service::kMaxRekeysPerCase));
    key.generation = static_cast<uint32_t>(generation);
  }
  DOJAVA_RETURN_IF_ERROR(object.Finish());
  // PROTOCOL.md §7: version(1) || role(1) || ...
  if (key.sealed[0] != protocol::kVersion) return Malformed("unknown sealed key version");
  if (key.sealed[1] != static_cast<uint8_t>(key.role)) return Malformed("role mismatch");
  if (!key.reviewer && key.role == service::Role::kNotesKey) {
    return Malformed("the source never holds a notes key");
  }
  return key;
}

Result<std::vector<service::SealedKey>> ParseSealedKeys(const std::vector<JsonValue>& values) {
  if (values.empty() || values.size() > service::kMaxSealedKeysPerCase) {
    return Malformed("wrong number of keys");
  }
  std::vector<service::SealedKey> keys;
  keys.reserve(values.size());
  std::set<std::tuple<std::optional<service::Id>, service::Role, uint32_t>> seen;
  for (const JsonValue& v : values) {
    DOJAVA_ASSIGN_OR_RETURN(service::SealedKey key, ParseSealedKey(v));
    if (!seen.emplace(key.reviewer, key.role, key.generation).second) {
      return Malformed("duplicate recipient");
    }
    keys.push_back(key);
  }
  return keys;
}

Result<std::vector<service::Id>> ParseFileIds(const std::vector<JsonValue>& values) {
  if (values.size() > service::kMaxAttachmentsPerMessage) return Malformed("too many files");
  std::vector<service::Id> ids;
  std::set<service::Id> seen;
  for (const JsonValue& v : values) {
    if (!v.is_string()) return Malformed("a file id is not a string");
    DOJAVA_ASSIGN_OR_RETURN(service::Id id, ParseId(v.string_value()));
    if (!seen.insert(id).second) return Malformed("duplicate file id");
    ids.push_back(id);
  }
  return ids;
}

}  // namespace dojava::api
