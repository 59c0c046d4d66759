// JsonReader: the strict JSON input reader of the API (service/API.md,
// "Conventions"). Boost.JSON stays inside json_reader.cc: this header is
// cheap to include.
//
// Accepted: exactly one JSON object, UTF-8, no comments, no trailing commas,
// no duplicate keys (Boost.JSON 1.81's parser keeps the last of duplicate
// keys silently, so this reader drives boost::json::basic_parser with its own
// handler and refuses them), numbers only as integers without fraction or
// exponent that fit in int64 (1.0, 1e0 and 2^63 are refused), at most
// kMaxJsonDepth levels, kMaxObjectMembers members per object and
// kMaxArrayElements per array. Every violation is kMalformed, with a message
// that never contains input.
//
// JsonObject then hands out fields by name (each at most once) and Finish()
// refuses any member that was not asked for ("no unknown fields").
//
// String values are wiped when the tree is destroyed (a body can carry a
// lookup key). Thread safety: none; a tree belongs to one request.
#ifndef DOJAVA_SERVICE_API_JSON_READER_H_
#define DOJAVA_SERVICE_API_JSON_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace dojava::api {

inline constexpr size_t kMaxJsonDepth = 8;
inline constexpr size_t kMaxObjectMembers = 32;
inline constexpr size_t kMaxArrayElements = 4096;

class JsonValue {
 public:
  enum class Type { kNull, kBool, kInt, kString, kArray, kObject };

  JsonValue() = default;
  JsonValue(JsonValue&&) noexcept = default;
  JsonValue& operator=(JsonValue&&) noexcept = default;
  JsonValue(const JsonValue&) = delete;
  JsonValue& operator=(const JsonValue&) = delete;
  ~JsonValue();

  Type type() const { return type_; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_int() const { return type_ == Type::kInt; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }
  bool is_null() const { return type_ == Type::kNull; }

  bool bool_value() const { return bool_; }
  int64_t int_value() const { return int_; }
  std::string_view string_value() const { return string_; }
  const std::vector<JsonValue>& array() const { return array_; }
  // Members in input order; keys are unique.
  const std::vector<std::pair<std::string, JsonValue>>& members() const { return members_; }

 private:
  friend class JsonTreeBuilder;
  Type type_ = Type::kNull;
  bool bool_ = false;
  int64_t int_ = 0;
  std::string string_;
  std::vector<JsonValue> array_;
  std::vector<std::pair<std::string, JsonValue>> members_;
};

// A parsed top-level object with "take each field once, then Finish()".
class JsonObject {
 public:
  // Parses `text` strictly (see the file comment). kMalformed on any
  // violation, including a top-level value that is not an object.
  static Result<JsonObject> Parse(std::string_view text);
  // Wraps an object value nested in another tree (e.g. an array element);
  // `value` must outlive the JsonObject. kMalformed if it is not an object.
  static Result<JsonObject> Of(const JsonValue& value);

  // The member named `name`, or nullptr if absent. Marks it as read.
  const JsonValue* Take(std::string_view name);

  // Typed required fields; kMalformed if absent or of another JSON type.
  Result<std::string_view> String(std::string_view name);
  Result<int64_t> Int(std::string_view name, int64_t min, int64_t max);
  Result<const std::vector<JsonValue>*> Array(std::string_view name);
  // As Array, but an absent member is an empty array.
  Result<const std::vector<JsonValue>*> OptionalArray(std::string_view name);

  // kMalformed if any member was never taken (an unknown field).
  Status Finish() const;

  // The whole object (for tests and generic readers).
  const JsonValue& value() const { return *value_; }

 private:
  JsonObject(std::shared_ptr<JsonValue> owned, const JsonValue* value);
  std::shared_ptr<JsonValue> owned_;  // the tree, when this object owns it
  const JsonValue* value_ = nullptr;
  std::vector<bool> taken_;
};

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_JSON_READER_H_
