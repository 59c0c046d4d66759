#include "service/api/json_reader.h"

#include <sodium.h>

#include <boost/json/basic_parser_impl.hpp>
#include <limits>

namespace dojava::api {
namespace {

Status Malformed(const char* what) { return Status(Code::kMalformed, what); }

void Wipe(std::string* s) {
  if (!s->empty()) sodium_memzero(s->data(), s->size());
}

}  // namespace

JsonValue::~JsonValue() {
  Wipe(&string_);
  for (auto& m : members_) Wipe(&m.first);
}

// Builds a JsonValue tree from basic_parser events. Refuses what Boost's own
// parser would accept but the API must not: duplicate keys, numbers that are
// not int64 integers.
class JsonTreeBuilder {
 public:
  using error_code = boost::json::error_code;
  using string_view = boost::json::string_view;

  static constexpr std::size_t max_object_size = kMaxObjectMembers;
  static constexpr std::size_t max_array_size = kMaxArrayElements;
  static constexpr std::size_t max_key_size = 64;
  static constexpr std::size_t max_string_size = std::size_t{4} * 1024 * 1024;

  JsonValue TakeRoot() { return std::move(root_); }

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }

  bool on_object_begin(error_code& ec) { return Open(JsonValue::Type::kObject, ec); }
  bool on_object_end(std::size_t, error_code&) { return Close(); }
  bool on_array_begin(error_code& ec) { return Open(JsonValue::Type::kArray, ec); }
  bool on_array_end(std::size_t, error_code&) { return Close(); }

  bool on_key_part(string_view s, std::size_t, error_code&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(string_view s, std::size_t, error_code& ec) {
    key_.append(s.data(), s.size());
    JsonValue* object = stack_.back();
    for (const auto& m : object->members_) {
      if (m.first == key_) return Fail(ec);  // duplicate key
    }
    have_key_ = true;
    return true;
  }
  bool on_string_part(string_view s, std::size_t, error_code&) {
    string_.append(s.data(), s.size());
    return true;
  }
  bool on_string(string_view s, std::size_t, error_code& ec) {
    JsonValue v;
    v.type_ = JsonValue::Type::kString;
    if (string_.empty()) {
      v.string_.assign(s.data(), s.size());
    } else {
      string_.append(s.data(), s.size());
      v.string_ = std::move(string_);
      string_ = std::string();
    }
    return Add(std::move(v), ec);
  }
  bool on_number_part(string_view, error_code&) { return true; }
  bool on_int64(int64_t i, string_view, error_code& ec) {
    JsonValue v;
    v.type_ = JsonValue::Type::kInt;
    v.int_ = i;
    return Add(std::move(v), ec);
  }
  // Larger than int64: out of range for every field of the API.
  bool on_uint64(uint64_t, string_view, error_code& ec) { return Fail(ec); }
  // A fraction, an exponent, or an integer too large for 64 bits.
  bool on_double(double, string_view, error_code& ec) { return Fail(ec); }
  bool on_bool(bool b, error_code& ec) {
    JsonValue v;
    v.type_ = JsonValue::Type::kBool;
    v.bool_ = b;
    return Add(std::move(v), ec);
  }
  bool on_null(error_code& ec) { return Add(JsonValue(), ec); }
  bool on_comment_part(string_view, error_code& ec) { return Fail(ec); }
  bool on_comment(string_view, error_code& ec) { return Fail(ec); }

 private:
  static bool Fail(error_code& ec) {
    ec = boost::json::error::syntax;
    return false;
  }
  bool Open(JsonValue::Type type, error_code& ec) {
    JsonValue v;
    v.type_ = type;
    if (!Add(std::move(v), ec)) return false;
    return true;
  }
  bool Close() {
    stack_.pop_back();
    return true;
  }
  // Places v in the container on top of the stack (or as the root) and, if it
  // is a container, pushes it.
  bool Add(JsonValue v, error_code& ec) {
    const bool container =
        v.type_ == JsonValue::Type::kObject || v.type_ == JsonValue::Type::kArray;
    JsonValue* placed = nullptr;
    if (stack_.empty()) {
      if (has_root_) return Fail(ec);
      root_ = std::move(v);
      has_root_ = true;
      placed = &root_;
    } else {
      JsonValue* top = stack_.back();
      if (top->type_ == JsonValue::Type::kObject) {
        if (!have_key_) return Fail(ec);
        top->members_.emplace_back(std::move(key_), std::move(v));
        key_ = std::string();
        have_key_ = false;
        placed = &top->members_.back().second;
      } else {
        top->array_.push_back(std::move(v));
        placed = &top->array_.back();
      }
    }
    if (container) {
      if (stack_.size() >= kMaxJsonDepth) return Fail(ec);
      // An open container is always the last element of its parent, and a
      // parent gets no new element until the child is closed, so `placed`
      // stays valid while it is on the stack.
      stack_.push_back(placed);
    }
    return true;
  }

  JsonValue root_;
  bool has_root_ = false;
  std::vector<JsonValue*> stack_;
  std::string key_;
  bool have_key_ = false;
  std::string string_;
};

JsonObject::JsonObject(std::shared_ptr<JsonValue> owned, const JsonValue* value)
    : owned_(std::move(owned)), value_(value), taken_(value->members().size(), false) {}

Result<JsonObject> JsonObject::Parse(std::string_view text) {
  boost::json::parse_options options;  // strict JSON: no comments, no trailing commas
  options.max_depth = kMaxJsonDepth;
  options.allow_comments = false;
  options.allow_trailing_commas = false;
  options.allow_invalid_utf8 = false;
  boost::json::basic_parser<JsonTreeBuilder> parser(options);
  boost::json::error_code ec;
  const size_t n = parser.write_some(false, text.data(), text.size(), ec);
  if (ec || n != text.size() || !parser.done()) {
    return Malformed("the body is not valid JSON for this route");
  }
  auto root = std::make_shared<JsonValue>(parser.handler().TakeRoot());
  if (!root->is_object()) return Malformed("the body is not a JSON object");
  const JsonValue* raw = root.get();
  return JsonObject(std::move(root), raw);
}

Result<JsonObject> JsonObject::Of(const JsonValue& value) {
  if (!value.is_object()) return Malformed("a JSON object was expected");
  return JsonObject(nullptr, &value);
}

const JsonValue* JsonObject::Take(std::string_view name) {
  const auto& members = value_->members();
  for (size_t i = 0; i < members.size(); ++i) {
    if (members[i].first == name) {
      taken_[i] = true;
      return &members[i].second;
    }
  }
  return nullptr;
}

Result<std::string_view> JsonObject::String(std::string_view name) {
  const JsonValue* v = Take(name);
  if (v == nullptr || !v->is_string()) return Malformed("a required string field is missing");
  return v->string_value();
}

Result<int64_t> JsonObject::Int(std::string_view name, int64_t min, int64_t max) {
  const JsonValue* v = Take(name);
  if (v == nullptr || !v->is_int()) return Malformed("a required integer field is missing");
  if (v->int_value() < min || v->int_value() > max) {
    return Malformed("an integer field is out of range");
  }
  return v->int_value();
}

Result<const std::vector<JsonValue>*> JsonObject::Array(std::string_view name) {
  const JsonValue* v = Take(name);
  if (v == nullptr || !v->is_array()) return Malformed("a required array field is missing");
  return &v->array();
}

Result<const std::vector<JsonValue>*> JsonObject::OptionalArray(std::string_view name) {
  static const std::vector<JsonValue> kEmpty;
  const JsonValue* v = Take(name);
  if (v == nullptr) return &kEmpty;
  if (!v->is_array()) return Malformed("an array field has the wrong type");
  return &v->array();
}

Status JsonObject::Finish() const {
  for (bool t : taken_) {
    if (!t) return Malformed("the body has an unknown field");
  }
  return Status::Ok();
}

}  // namespace dojava::api
