// KeyTable<Config>: the one way Dojava's options structs become config keys.
//
// Each options struct declares, right after its fields, a table naming every
// key, the field it sets (a member pointer), the values it accepts and one
// line of help; the field's initializer is the key's only default. A config
// that holds other options structs composes their tables under a prefix
// (Add("api.", &InstanceConfig::api, ApiOptions::Keys())), so one key table
// reads and writes the whole instance configuration, and the documentation
// tables (service/CONFIG.md, service/http/CONFIG.md) are generated from it.
//
// The config text format (service/http/CONFIG.md "Format"): one `key = value`
// per line; `#` starts a comment line; blank lines are ignored. Unknown keys,
// repeated keys, malformed values and out-of-range numbers are errors that
// name the line number and the key, never the value (a config line could hold
// a path the operator would rather not see in a log).
//
// Thread safety: a table is immutable once built; the functions that return
// one build it once (a function-local static) and share it.
#ifndef DOJAVA_BASE_CONFIG_KEYS_H_
#define DOJAVA_BASE_CONFIG_KEYS_H_

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/status.h"

namespace dojava::config {

// A canonical non-negative decimal integer: digits only, no sign, no leading
// zero (except "0"), at most 19 digits.
bool ParseDecimal(std::string_view text, uint64_t* out);
// A non-negative number: a whole part up to 1,000,000 (canonical decimal)
// and at most six fraction digits ("0.5", "20").
bool ParseNumber(std::string_view text, double* out);
// `value` with at most six fraction digits and no trailing zero ("0.2",
// "20"): what ParseNumber reads back for values in its range.
std::string FormatNumber(double value);
// "32 MiB" when `bytes` is an exact multiple of KiB, MiB, GiB or TiB (the
// largest), else "".
std::string ByteSize(uint64_t bytes);

// The error of a key: "config key 'threads': out of range [1, 64]".
Status KeyError(std::string_view key, std::string_view why);

// One `key = value` line of a config text; views into that text.
struct ConfigLine {
  int number = 0;  // 1-based line number
  std::string_view key;
  std::string_view value;
};
// Splits a config text into its setting lines (format above); the first
// syntax error or repeated key is kInvalidArgument naming the line.
Result<std::vector<ConfigLine>> SplitConfigLines(std::string_view text);
// Splits "key=value" (spaces around either ignored); kInvalidArgument if
// there is no '=' or no key.
Result<ConfigLine> SplitOverride(std::string_view text);
// Reads a whole (small) config file; kIoError if it cannot be read,
// kInvalidArgument over 1 MiB.
Result<std::string> ReadConfigFile(const std::string& path);

// "# " + text, wrapped at 100 columns.
std::string CommentLines(std::string_view text);
// One row of a Markdown key table: | `key` | default | values | help |.
std::string MarkdownRow(std::string_view key, std::string_view value, std::string_view values,
                        std::string_view help);
inline constexpr std::string_view kMarkdownHeader =
    "| key | default | values | meaning |\n|---|---|---|---|\n";

// How one key reads and writes its field of a Config. The errors of Set say
// why, naming neither the key (the table adds it) nor the value.
template <typename Config>
class Field {
 public:
  virtual ~Field() = default;
  virtual Status Set(Config& config, std::string_view text) const = 0;
  virtual std::string Get(const Config& config) const = 0;
  // OK if the field's value is one Set accepts (options built in code are
  // checked against the same ranges as config files).
  virtual Status Check(const Config& config) const = 0;
  // The values accepted ("1..64", "`true` or `false`"), for documentation.
  virtual std::string Values() const = 0;
  // A reading aid for a value in documentation ("32 MiB"), or "".
  virtual std::string Note(const Config&) const { return ""; }
};

// How a text-valued field is parsed and printed; plain functions. `parse`
// returns the reason of a refusal (without the value).
template <typename T>
struct TextCodec {
  Status (*parse)(std::string_view text, T* out);
  std::string (*format)(const T& value);
  const char* values;           // for documentation
  bool empty_is_unset = false;  // an empty formatted value passes Check (and is not written)
};

// Plain text fields: an absolute path (starts with '/').
Status ParseAbsolutePath(std::string_view text, std::string* out);
std::string FormatText(const std::string& value);
inline constexpr TextCodec<std::string> kAbsolutePath{&ParseAbsolutePath, &FormatText,
                                                      "an absolute path", true};
// Any text, empty included (the options' own validation judges it).
Status ParseAnyText(std::string_view text, std::string* out);
inline constexpr TextCodec<std::string> kAnyText{&ParseAnyText, &FormatText, "text", true};

namespace internal {

template <typename Config, typename T>
class IntField final : public Field<Config> {
 public:
  IntField(T Config::*field, uint64_t min, uint64_t max, bool bytes)
      : field_(field), min_(min), max_(max), bytes_(bytes) {
    static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
    // A table that could store a value its field cannot hold is a bug.
    if (min > max || max > static_cast<uint64_t>(std::numeric_limits<T>::max())) std::abort();
  }
  Status Set(Config& config, std::string_view text) const override {
    uint64_t n = 0;
    if (!ParseDecimal(text, &n))
      return Status(Code::kInvalidArgument, "not a non-negative decimal integer");
    if (n < min_ || n > max_) {
      return Status(Code::kInvalidArgument,
                    "out of range [" + std::to_string(min_) + ", " + std::to_string(max_) + "]");
    }
    config.*field_ = static_cast<T>(n);
    return Status::Ok();
  }
  std::string Get(const Config& config) const override { return std::to_string(config.*field_); }
  Status Check(const Config& config) const override {
    const T v = config.*field_;
    bool negative = false;
    if constexpr (std::is_signed_v<T>) negative = v < 0;
    if (negative || static_cast<uint64_t>(v) < min_ || static_cast<uint64_t>(v) > max_) {
      return Status(Code::kInvalidArgument,
                    "out of range [" + std::to_string(min_) + ", " + std::to_string(max_) + "]");
    }
    return Status::Ok();
  }
  std::string Values() const override { return Bound(min_) + ".." + Bound(max_); }
  std::string Note(const Config& config) const override {
    return bytes_ ? ByteSize(static_cast<uint64_t>(config.*field_)) : "";
  }

 private:
  std::string Bound(uint64_t n) const {
    const std::string size = bytes_ ? ByteSize(n) : "";
    return size.empty() ? std::to_string(n) : size;
  }
  T Config::*field_;
  uint64_t min_, max_;
  bool bytes_;
};

template <typename Config>
class NumberField final : public Field<Config> {
 public:
  NumberField(double Config::*field, double min) : field_(field), min_(min) {}
  Status Set(Config& config, std::string_view text) const override {
    double d = 0;
    if (!ParseNumber(text, &d)) {
      return Status(Code::kInvalidArgument, "expected a non-negative number like 2 or 0.5");
    }
    config.*field_ = d;
    return Check(config);
  }
  std::string Get(const Config& config) const override { return FormatNumber(config.*field_); }
  Status Check(const Config& config) const override {
    const double d = config.*field_;
    if (!(d >= min_ && d <= kMaxNumber)) {
      return Status(Code::kInvalidArgument,
                    "out of range [" + FormatNumber(min_) + ", " + FormatNumber(kMaxNumber) + "]");
    }
    return Status::Ok();
  }
  std::string Values() const override {
    return FormatNumber(min_) + ".." + FormatNumber(kMaxNumber) + ", at most 6 decimals";
  }

 private:
  static constexpr double kMaxNumber = 1'000'000;
  double Config::*field_;
  double min_;
};

template <typename Config>
class BoolField final : public Field<Config> {
 public:
  explicit BoolField(bool Config::*field) : field_(field) {}
  Status Set(Config& config, std::string_view text) const override {
    if (text != "true" && text != "false")
      return Status(Code::kInvalidArgument, "expected true or false");
    config.*field_ = text == "true";
    return Status::Ok();
  }
  std::string Get(const Config& config) const override { return config.*field_ ? "true" : "false"; }
  Status Check(const Config&) const override { return Status::Ok(); }
  std::string Values() const override { return "`true` or `false`"; }

 private:
  bool Config::*field_;
};

template <typename Config, typename T>
class TextField final : public Field<Config> {
 public:
  TextField(T Config::*field, TextCodec<T> codec) : field_(field), codec_(codec) {}
  Status Set(Config& config, std::string_view text) const override {
    T value{};
    DOJAVA_RETURN_IF_ERROR(codec_.parse(text, &value));
    config.*field_ = std::move(value);
    return Status::Ok();
  }
  std::string Get(const Config& config) const override { return codec_.format(config.*field_); }
  Status Check(const Config& config) const override {
    const std::string text = codec_.format(config.*field_);
    if (text.empty() && codec_.empty_is_unset) return Status::Ok();
    T value{};
    return codec_.parse(text, &value);
  }
  std::string Values() const override { return codec_.values; }

 private:
  T Config::*field_;
  TextCodec<T> codec_;
};

// A key of the options struct `Sub` that Config's member holds.
template <typename Config, typename Sub>
class MemberField final : public Field<Config> {
 public:
  MemberField(Sub Config::*member, std::shared_ptr<const Field<Sub>> inner)
      : member_(member), inner_(std::move(inner)) {}
  Status Set(Config& config, std::string_view text) const override {
    return inner_->Set(config.*member_, text);
  }
  std::string Get(const Config& config) const override { return inner_->Get(config.*member_); }
  Status Check(const Config& config) const override { return inner_->Check(config.*member_); }
  std::string Values() const override { return inner_->Values(); }
  std::string Note(const Config& config) const override { return inner_->Note(config.*member_); }

 private:
  Sub Config::*member_;
  std::shared_ptr<const Field<Sub>> inner_;
};

// The same for element `index` of Config's member array.
template <typename Config, typename Sub, size_t N>
class ElementField final : public Field<Config> {
 public:
  ElementField(Sub (Config::*member)[N], size_t index, std::shared_ptr<const Field<Sub>> inner)
      : member_(member), index_(index), inner_(std::move(inner)) {}
  Status Set(Config& config, std::string_view text) const override {
    return inner_->Set((config.*member_)[index_], text);
  }
  std::string Get(const Config& config) const override {
    return inner_->Get((config.*member_)[index_]);
  }
  Status Check(const Config& config) const override {
    return inner_->Check((config.*member_)[index_]);
  }
  std::string Values() const override { return inner_->Values(); }
  std::string Note(const Config& config) const override {
    return inner_->Note((config.*member_)[index_]);
  }

 private:
  Sub (Config::*member_)[N];
  size_t index_;
  std::shared_ptr<const Field<Sub>> inner_;
};

}  // namespace internal

template <typename Config>
class KeyTable {
 public:
  struct Key {
    std::string name;
    std::string help;
    std::shared_ptr<const Field<Config>> field;
  };

  // Builders: each adds one key and returns the table, so a table is one
  // expression. A key named twice is a bug (the process aborts).

  // An integer in [min, max]. Keys named *_bytes are documented in KiB/MiB.
  template <typename T>
  KeyTable& Int(std::string name, T Config::*field, uint64_t min, uint64_t max, std::string help) {
    const bool bytes = name.size() > 6 && name.compare(name.size() - 6, 6, "_bytes") == 0;
    return Push(std::move(name), std::move(help),
                std::make_shared<internal::IntField<Config, T>>(field, min, max, bytes));
  }
  // A number (ParseNumber) in [min, 1000000]; a min of 0.000001 (the
  // smallest a config text can write) means "over 0".
  KeyTable& Number(std::string name, double Config::*field, double min, std::string help) {
    return Push(std::move(name), std::move(help),
                std::make_shared<internal::NumberField<Config>>(field, min));
  }
  KeyTable& Bool(std::string name, bool Config::*field, std::string help) {
    return Push(std::move(name), std::move(help),
                std::make_shared<internal::BoolField<Config>>(field));
  }
  // A value read and written by `codec`.
  template <typename T>
  KeyTable& Text(std::string name, T Config::*field, TextCodec<T> codec, std::string help) {
    return Push(std::move(name), std::move(help),
                std::make_shared<internal::TextField<Config, T>>(field, codec));
  }
  // Every key of `sub` (the table of Config's member), named prefix + key;
  // `about`, if given, starts each help ("source listener: ...").
  template <typename Sub>
  KeyTable& Add(std::string_view prefix, Sub Config::*member, const KeyTable<Sub>& sub,
                std::string_view about = "") {
    for (const auto& k : sub.keys()) {
      Push(std::string(prefix) + k.name, About(about, k.help),
           std::make_shared<internal::MemberField<Config, Sub>>(member, k.field));
    }
    return *this;
  }
  // The same for element `index` of a member array.
  template <typename Sub, size_t N>
  KeyTable& Add(std::string_view prefix, Sub (Config::*member)[N], size_t index,
                const KeyTable<Sub>& sub, std::string_view about = "") {
    if (index >= N) std::abort();
    for (const auto& k : sub.keys()) {
      Push(std::string(prefix) + k.name, About(about, k.help),
           std::make_shared<internal::ElementField<Config, Sub, N>>(member, index, k.field));
    }
    return *this;
  }

  const std::vector<Key>& keys() const { return keys_; }

  // Sets one key. Errors name the key, not the value.
  Status Set(Config* config, std::string_view key, std::string_view value) const {
    for (const Key& k : keys_) {
      if (k.name != key) continue;
      Status s = k.field->Set(*config, value);
      return s.ok() ? s : KeyError(key, s.message());
    }
    return Status(Code::kInvalidArgument, "unknown config key '" + std::string(key) + "'");
  }

  // OK if every key's value in `config` is one its key accepts; else the
  // first that is not, as Set would name it (after `prefix`, the one this
  // table is composed under: "api.").
  Status Check(const Config& config, std::string_view prefix = "") const {
    for (const Key& k : keys_) {
      if (Status s = k.field->Check(config); !s.ok()) {
        return KeyError(std::string(prefix) + k.name, s.message());
      }
    }
    return Status::Ok();
  }

  // Parses a config text over `config` (which holds the defaults or earlier
  // values). On error `config` may be partly updated; discard it.
  Status Parse(std::string_view text, Config* config) const {
    DOJAVA_ASSIGN_OR_RETURN(std::vector<ConfigLine> lines, SplitConfigLines(text));
    for (const ConfigLine& line : lines) {
      Status s = Set(config, line.key, line.value);
      if (!s.ok()) {
        return Status(Code::kInvalidArgument,
                      "config line " + std::to_string(line.number) + ": " + s.message());
      }
    }
    return Status::Ok();
  }

  // Command-line overrides: each "key=value", applied in order.
  Status ApplyOverrides(const std::vector<std::string>& overrides, Config* config) const {
    for (const std::string& o : overrides) {
      DOJAVA_ASSIGN_OR_RETURN(ConfigLine line, SplitOverride(o));
      DOJAVA_RETURN_IF_ERROR(Set(config, line.key, line.value));
    }
    return Status::Ok();
  }

  // Every key with `config`'s value, each after its help as a comment: a
  // config text that parses back to `config`. An empty value is written as a
  // comment (`# static_dir = `), leaving the default.
  std::string Text(const Config& config) const {
    std::string out;
    for (const Key& k : keys_) {
      out += CommentLines(k.help + " (" + k.field->Values() + ")");
      const std::string v = k.field->Get(config);
      out += (v.empty() ? "# " : "") + k.name + " = " + v + "\n";
    }
    return out;
  }

  // The rows of the documentation table (kMarkdownHeader first), with
  // `defaults`' values.
  std::string MarkdownRows(const Config& defaults) const {
    std::string out;
    for (const Key& k : keys_) {
      std::string v = k.field->Get(defaults);
      v = v.empty() ? "(none)" : "`" + v + "`";
      if (const std::string note = k.field->Note(defaults); !note.empty()) v += " (" + note + ")";
      out += MarkdownRow(k.name, v, k.field->Values(), k.help);
    }
    return out;
  }

 private:
  static std::string About(std::string_view about, const std::string& help) {
    return about.empty() ? help : std::string(about) + ": " + help;
  }
  KeyTable& Push(std::string name, std::string help, std::shared_ptr<const Field<Config>> field) {
    for (const Key& k : keys_) {
      if (k.name == name) std::abort();
    }
    keys_.push_back(Key{std::move(name), std::move(help), std::move(field)});
    return *this;
  }

  std::vector<Key> keys_;
};

}  // namespace dojava::config

#endif  // DOJAVA_BASE_CONFIG_KEYS_H_
