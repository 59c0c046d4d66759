// Strict parsers for the parts of a request that are not the JSON tree:
// Content-Type, query strings, path parameters, headers, base64url fields,
// sealed keys and file lists (service/API.md "Conventions"). Every failure is
// kMalformed with a fixed message (never input).
//
// Pure functions; thread-safe.
#ifndef DOJAVA_SERVICE_API_REQUEST_PARSING_H_
#define DOJAVA_SERVICE_API_REQUEST_PARSING_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string_view>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "service/api/json_reader.h"
#include "service/http/http_message.h"
#include "service/store/store.h"

namespace dojava::api {

// "application/json" (any case), optionally followed by ";" and parameters.
bool HasJsonContentType(const http::HttpRequest& request);
// "application/octet-stream", same rules.
bool HasOctetStreamContentType(const http::HttpRequest& request);

// Splits "a=1&b=2" into name -> value. kMalformed for an empty pair, a pair
// without '=', an empty value, a name outside `allowed` or a repeated name.
// An empty query gives an empty map. Values are not decoded.
Result<std::map<std::string_view, std::string_view>> ParseQuery(
    std::string_view query, std::initializer_list<std::string_view> allowed);

// Canonical decimal: digits only, no sign, no leading zero (except "0"),
// value <= max.
Result<uint64_t> ParseDecimal(std::string_view text, uint64_t max);

// A 16-byte id as canonical base64url (22 characters).
Result<service::Id> ParseId(std::string_view text);

// Exactly N bytes of canonical base64url.
template <size_t N>
Result<std::array<uint8_t, N>> ParseFixed(std::string_view text);

// Canonical base64url of at most max_bytes bytes (checked on the text length
// first, so no huge decode happens).
Result<Bytes> ParseBytes(std::string_view text, size_t max_bytes);

// The value of header `name` as a 32-byte secret in canonical base64url:
// the lookup key (X-Dojava-Lookup-Key). kNotFound if absent, kMalformed if
// not canonical or not 32 bytes. The result lives in wiped memory.
Result<SecretBytes> ParseSecretHeader(const http::HttpRequest& request, std::string_view name);

// "Authorization: Bearer <43 characters>" as a 32-byte token in wiped memory.
// kNotFound if absent or malformed (the caller answers 401 either way).
Result<SecretBytes> ParseBearerToken(const http::HttpRequest& request);

// One SEALED_KEY object: recipient "source" or a reviewer id, role "case" or
// "notes", sealed 82 bytes whose version byte is 1 and role byte matches.
// The source never has a notes key.
Result<service::SealedKey> ParseSealedKey(const JsonValue& value);
// A list of SEALED_KEY (1..kMaxSealedKeysPerCase), at most one per
// (recipient, role).
Result<std::vector<service::SealedKey>> ParseSealedKeys(const std::vector<JsonValue>& values);

// A list of distinct file ids, at most kMaxAttachmentsPerMessage.
Result<std::vector<service::Id>> ParseFileIds(const std::vector<JsonValue>& values);

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_REQUEST_PARSING_H_
