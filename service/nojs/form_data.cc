#include "service/nojs/form_data.h"

#include <cstring>

#include "payload/body.h"

namespace dojava::nojs {
namespace {

const Status kBad(Code::kMalformed, "malformed form");
const Status kTooMany(Code::kResourceExhausted, "form over its limits");

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsFieldName(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Parameters of a header value after its first ';': name=token or
// name="quoted". Calls `each(name, value)`; false on a syntax error.
// Quoted values keep their bytes: browsers percent-escape '"', CR and LF
// in them and escape nothing else (HTML's multipart/form-data encoding
// algorithm), so a backslash is an ordinary character (a Windows path).
template <typename F>
bool ForEachParam(std::string_view rest, F each) {
  while (true) {
    rest = Trim(rest);
    if (rest.empty()) return true;
    if (rest.front() != ';') return false;
    rest = Trim(rest.substr(1));
    const size_t eq = rest.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    const std::string_view name = Trim(rest.substr(0, eq));
    rest = Trim(rest.substr(eq + 1));
    std::string value;
    if (!rest.empty() && rest.front() == '"') {
      size_t i = 1;
      for (; i < rest.size() && rest[i] != '"'; ++i) value += rest[i];
      if (i >= rest.size()) return false;
      rest.remove_prefix(i + 1);
    } else {
      const size_t end = rest.find(';');
      value = std::string(Trim(rest.substr(0, end)));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
      if (value.empty()) return false;
    }
    if (!each(name, std::move(value))) return false;
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes (and '+' -> ' ') into wiped memory.
Result<SecretBytes> DecodeUrlComponent(std::string_view s) {
  SecretBytes out(s.size());
  auto dst = out.reveal_mut();
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      dst[n++] = ' ';
    } else if (s[i] == '%') {
      if (i + 2 >= s.size()) return kBad;
      const int hi = HexValue(s[i + 1]);
      const int lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return kBad;
      dst[n++] = static_cast<uint8_t>(hi * 16 + lo);
      i += 2;
    } else {
      dst[n++] = static_cast<uint8_t>(s[i]);
    }
  }
  out.Truncate(n);
  return out;
}

// The header block of one multipart part (RFC 7578 §4.2, §4.4).
struct PartHead {
  std::string name, filename, mime;
  bool has_filename = false;
};

Status ParseDisposition(std::string_view hvalue, PartHead* part) {
  const size_t s = hvalue.find(';');
  if (!EqualsNoCase(Trim(hvalue.substr(0, s)), "form-data") || s == std::string_view::npos) {
    return kBad;
  }
  const bool ok = ForEachParam(hvalue.substr(s), [&](std::string_view n, std::string v) {
    if (EqualsNoCase(n, "name") && part->name.empty()) {
      part->name = std::move(v);
    } else if (EqualsNoCase(n, "filename") && !part->has_filename) {
      part->has_filename = true;
      part->filename = std::move(v);
    } else {
      return false;
    }
    return true;
  });
  return ok ? Status::Ok() : kBad;
}

Status ParsePartHead(std::string_view head, PartHead* part) {
  bool has_disposition = false;
  while (!head.empty()) {
    const size_t eol = head.find("\r\n");
    const std::string_view line = head.substr(0, eol);
    head = eol == std::string_view::npos ? std::string_view() : head.substr(eol + 2);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return kBad;
    const std::string_view hname = line.substr(0, colon);
    const std::string_view hvalue = Trim(line.substr(colon + 1));
    if (EqualsNoCase(hname, "content-disposition")) {
      if (has_disposition) return kBad;
      has_disposition = true;
      DOJAVA_RETURN_IF_ERROR(ParseDisposition(hvalue, part));
    } else if (EqualsNoCase(hname, "content-type")) {
      if (!part->mime.empty()) return kBad;
      part->mime = std::string(hvalue);
      if (part->mime.empty()) return kBad;
    } else {
      return kBad;
    }
  }
  return has_disposition ? Status::Ok() : kBad;
}

}  // namespace

std::string MediaType(std::string_view content_type) {
  std::string out(Trim(content_type.substr(0, content_type.find(';'))));
  for (char& c : out) c = Lower(c);
  return out;
}

Status FormData::AddField(std::string name, SecretBytes value, const FormLimits& limits) {
  if (value.size() > limits.max_field_bytes) return kTooMany;
  if (Field(name) != nullptr) return kBad;
  fields_.emplace_back(std::move(name), std::move(value));
  return Status::Ok();
}

const SecretBytes* FormData::Field(std::string_view name) const {
  for (const auto& [n, v] : fields_) {
    if (n == name) return &v;
  }
  return nullptr;
}

std::string_view FormData::Text(std::string_view name) const {
  const SecretBytes* v = Field(name);
  return v == nullptr ? std::string_view() : v->reveal_chars();
}

std::vector<std::string> FormData::FieldNames() const {
  std::vector<std::string> names;
  for (const auto& f : fields_) names.push_back(f.first);
  return names;
}

Result<FormData> FormData::ParseUrlEncoded(ByteView body, const FormLimits& limits) {
  FormData form;
  std::string_view rest(reinterpret_cast<const char*>(body.data()), body.size());
  size_t parts = 0;
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (amp != std::string_view::npos && rest.empty()) return kBad;  // trailing '&'
    if (++parts > limits.max_parts) return kTooMany;
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos) return kBad;
    const std::string_view name = pair.substr(0, eq);
    if (!IsFieldName(name)) return kBad;
    if (pair.size() - eq - 1 > 3 * limits.max_field_bytes) return kTooMany;
    DOJAVA_ASSIGN_OR_RETURN(SecretBytes value, DecodeUrlComponent(pair.substr(eq + 1)));
    DOJAVA_RETURN_IF_ERROR(form.AddField(std::string(name), std::move(value), limits));
  }
  return form;
}

Result<FormData> FormData::ParseMultipart(ByteView body, std::string_view content_type,
                                          const FormLimits& limits) {
  if (MediaType(content_type) != "multipart/form-data") return kBad;
  std::string boundary;
  const size_t semi = content_type.find(';');
  if (semi == std::string_view::npos) return kBad;
  const bool params_ok =
      ForEachParam(content_type.substr(semi), [&](std::string_view n, std::string v) {
        if (!EqualsNoCase(n, "boundary") || !boundary.empty()) return false;
        boundary = std::move(v);
        return true;
      });
  // RFC 2046 §5.1.1: 1..70 characters.
  if (!params_ok || boundary.empty() || boundary.size() > 70) return kBad;

  const std::string_view data(reinterpret_cast<const char*>(body.data()), body.size());
  const std::string opening = "--" + boundary + "\r\n";
  const std::string delimiter = "\r\n--" + boundary;
  if (data.substr(0, opening.size()) != opening) return kBad;
  size_t pos = opening.size();
  size_t parts = 0;
  FormData form;
  while (true) {
    if (++parts > limits.max_parts) return kTooMany;
    // The part's header block.
    const size_t head_end = data.find("\r\n\r\n", pos);
    if (head_end == std::string_view::npos) return kBad;
    if (head_end - pos > limits.max_part_header_bytes) return kTooMany;
    std::string_view head = data.substr(pos, head_end - pos);
    PartHead part;
    DOJAVA_RETURN_IF_ERROR(ParsePartHead(head, &part));
    const std::string& name = part.name;
    const std::string& filename = part.filename;
    const std::string& mime = part.mime;
    const bool has_filename = part.has_filename;
    if (!IsFieldName(name)) return kBad;
    // The content, up to the next delimiter.
    const size_t content_start = head_end + 4;
    const size_t end = data.find(delimiter, content_start);
    if (end == std::string_view::npos) return kBad;
    const std::string_view content = data.substr(content_start, end - content_start);
    if (has_filename) {
      if (!(filename.empty() && content.empty())) {
        if (form.files_.size() >= limits.max_files) return kTooMany;
        FormFile f;
        f.name = payload::CleanFileName(filename);
        f.mime = payload::CleanMime(mime);
        f.content = ByteView(reinterpret_cast<const uint8_t*>(content.data()), content.size());
        form.files_.push_back(std::move(f));
      }
    } else {
      if (content.size() > limits.max_field_bytes) return kTooMany;
      DOJAVA_RETURN_IF_ERROR(form.AddField(name, SecretBytes::Copy(content), limits));
    }
    pos = end + delimiter.size();
    const std::string_view after = data.substr(pos);
    if (after.substr(0, 2) == "--") {
      // The close delimiter; only an optional CRLF may follow.
      const std::string_view tail = after.substr(2);
      if (!tail.empty() && tail != "\r\n") return kBad;
      return form;
    }
    if (after.substr(0, 2) != "\r\n") return kBad;
    pos += 2;
  }
}

}  // namespace dojava::nojs
