// The JSON of the Dojava API as the client reads and writes it (service/API.md):
// field accessors that turn a missing or mistyped field into one kMalformed
// "unexpected answer" status, and the parsers and builders of the objects
// several routes share. Internal to client/ (api_client*.cc).
#ifndef DOJAVA_CLIENT_API_JSON_H_
#define DOJAVA_CLIENT_API_JSON_H_

#include <array>
#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.h"
#include "base/encoding.h"
#include "base/status.h"
#include "client/api_client.h"

namespace dojava::client::api_json {
namespace json = boost::json;

Status Unexpected(std::string_view what);

Result<json::object> ParseObject(const Bytes& body);

const json::value* Field(const json::object& o, std::string_view name);

Result<std::string> Str(const json::object& o, std::string_view name);

Result<int64_t> Int(const json::object& o, std::string_view name);

Result<uint64_t> UInt(const json::object& o, std::string_view name);

Result<Bytes> B64(const json::object& o, std::string_view name);

const json::object* Obj(const json::value* v);

Result<ApiMessage> ParseMessage(const json::value& v);

// Appends the messages of one page (its array "messages") to *out, each
// after *after in order (*after moves to the last); true if the server has
// more ("more"). kMalformed if the page is wrong.
Result<bool> AppendMessagePage(const json::object& o, uint64_t* after,
                               std::vector<ApiMessage>* out);

Result<ApiCase> ParseCase(const json::value& v);

Result<ApiUpload> ParseUpload(const Bytes& body);

json::array IdArray(const std::vector<crypto::Id>& ids);

json::array KeyArray(const std::vector<ApiSealedKey>& keys);

// The "rekeys" array of a case (either listener), if present.
Status ParseRekeys(const json::object& o, std::vector<ApiRekey>* out);

template <size_t N>
Result<std::array<uint8_t, N>> B64Fixed(const json::object& o, std::string_view name) {
  DOJAVA_ASSIGN_OR_RETURN(std::string s, Str(o, name));
  auto b = Base64UrlDecodeFixed<N>(s);
  if (!b.ok()) return Unexpected(name);
  return *b;
}

}  // namespace dojava::client::api_json

#endif  // DOJAVA_CLIENT_API_JSON_H_
