#include "tests/support/api_requests.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "base/encoding.h"

namespace dojava::testing {
namespace {

namespace json = boost::json;

json::string B64(ByteView bytes) { return json::string(Base64UrlEncode(bytes)); }

json::array Ids(const std::vector<Bytes>& ids) {
  json::array out;
  for (const Bytes& id : ids) out.push_back(B64(id));
  return out;
}

json::array Keys(const std::vector<SealedKeyEntry>& keys) {
  json::array out;
  for (const SealedKeyEntry& k : keys) {
    out.push_back(
        json::object{{"recipient", k.recipient}, {"role", k.role}, {"sealed", B64(k.sealed)}});
  }
  return out;
}

json::array FileRefs(const std::vector<FileRef>& files) {
  json::array out;
  for (const FileRef& f : files) {
    out.push_back(json::object{{"id", B64(f.secrets->file_id())},
                               {"key", B64(f.secrets->file_key().reveal())},
                               {"prefix", B64(f.secrets->nonce_prefix())},
                               {"chunks", f.chunks},
                               {"size", f.size},
                               {"name", f.name},
                               {"mime", f.mime}});
  }
  return out;
}

Result<Bytes> Unb64(const json::value& v) {
  if (!v.is_string()) return Status(Code::kInvalidArgument, "not a string");
  return Base64UrlDecode(std::string_view(v.as_string()));
}

}  // namespace

std::string UploadRequest(ByteView file_id, uint64_t chunks) {
  return json::serialize(json::object{{"file_id", B64(file_id)}, {"chunks", chunks}});
}

std::string NewCaseRequest::Json() const {
  return json::serialize(json::object{{"case_id", B64(case_id)},
                                      {"lookup_key", B64(lookup_key)},
                                      {"source_public_key", B64(source_public_key)},
                                      {"keys", Keys(keys)},
                                      {"message", B64(message)},
                                      {"files", Ids(files)}});
}

std::string MessageRequest(ByteView record, const std::optional<std::vector<Bytes>>& files) {
  json::object o{{"message", B64(record)}};
  if (files) o["files"] = Ids(*files);
  return json::serialize(o);
}

std::string KeysRequest(const std::vector<SealedKeyEntry>& keys) {
  return json::serialize(json::object{{"keys", Keys(keys)}});
}

std::string ReportBody(std::string_view text, ByteView source_pk,
                       const std::vector<FileRef>& files) {
  const json::object form{{"country", "RS"},
                          {"incident", "spyware"},
                          {"when", "2026-10"},
                          {"responsible", "state"},
                          {"title", "A report"}};
  return json::serialize(json::object{{"type", "report"},
                                      {"source_pk", B64(source_pk)},
                                      {"form", form},
                                      {"text", text},
                                      {"files", FileRefs(files)}});
}

std::string MessageBody(std::string_view text, const std::vector<FileRef>& files) {
  return json::serialize(
      json::object{{"type", "message"}, {"text", text}, {"files", FileRefs(files)}});
}

Result<std::vector<crypto::FileSecrets>> FileSecretsOf(std::string_view body) {
  boost::system::error_code ec;
  const json::value v = json::parse(body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("files") ||
      !v.as_object().at("files").is_array()) {
    return Status(Code::kInvalidArgument, "not a §11 body with files");
  }
  std::vector<crypto::FileSecrets> out;
  for (const json::value& ref : v.as_object().at("files").as_array()) {
    if (!ref.is_object()) return Status(Code::kInvalidArgument, "FILEREF is not an object");
    const json::object& o = ref.as_object();
    if (!o.contains("id") || !o.contains("key") || !o.contains("prefix")) {
      return Status(Code::kInvalidArgument, "FILEREF without id, key or prefix");
    }
    auto key = Unb64(o.at("key"));
    auto prefix = Unb64(o.at("prefix"));
    auto id = Unb64(o.at("id"));
    if (!key.ok() || !prefix.ok() || !id.ok())
      return Status(Code::kInvalidArgument, "bad base64url");
    auto secrets = crypto::FileSecrets::FromBytes(*key, *prefix, *id);
    if (!secrets.ok()) return secrets.status();
    out.push_back(std::move(secrets).value());
  }
  return out;
}

}  // namespace dojava::testing
