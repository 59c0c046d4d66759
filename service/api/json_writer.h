// JsonWriter: builds the API's JSON responses as text, without Boost.JSON in
// the route code. Commas and quoting are handled here; strings are escaped
// per RFC 8259 (quote, backslash, control characters), and must be UTF-8.
//
// Usage: w.BeginObject(); w.Key("a"); w.Int(1); w.EndObject(); w.Take().
// Thread safety: none; one writer per response.
#ifndef DOJAVA_SERVICE_API_JSON_WRITER_H_
#define DOJAVA_SERVICE_API_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dojava::api {

class JsonWriter {
 public:
  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  void Bool(bool value);
  void Null();

  // The text written so far; the writer is empty afterwards.
  std::string Take();

 private:
  void BeforeValue();
  void Escaped(std::string_view s);

  std::string out_;
  // One entry per open container: true until its first element is written.
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_JSON_WRITER_H_
