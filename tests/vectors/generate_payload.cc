// The `payload` vectors (crypto/PROTOCOL.md §11): decrypted bodies and what a
// reader makes of them (success with what it shows, malformed, unsupported).
// File names with bidirectional controls, control characters, paths and
// overlong or truncated UTF-8 pin the file-name rule of §11.3.
#include <string>
#include <tuple>

#include "base/encoding.h"
#include "base/utf8.h"
#include "tests/vectors/vector_json.h"
#include "tests/vectors/vector_sections.h"

namespace dojava::vectors {
namespace {

namespace json = boost::json;

std::string B64(std::string_view label, size_t n) { return Base64UrlEncode(Det(label, n)); }

// A FILEREF of `size` bytes with the given name (raw JSON string contents).
std::string FileRef(const std::string& name_json, uint64_t size = 1000,
                    const std::string& mime = "\"application/pdf\"", uint64_t chunks = 0,
                    size_t key_bytes = 32) {
  if (chunks == 0) chunks = size / 524288 + 1;
  return "{\"id\":\"" + B64("payload/file-id", 16) + "\",\"key\":\"" +
         B64("payload/file-key", key_bytes) + "\",\"prefix\":\"" + B64("payload/prefix", 20) +
         "\",\"chunks\":" + std::to_string(chunks) + ",\"size\":" + std::to_string(size) +
         ",\"name\":\"" + name_json + "\"" + (mime.empty() ? "" : ",\"mime\":" + mime) + "}";
}

// The report's source_pk member (§11.1) as JSON text: a valid one unless
// the vector says otherwise.
std::string SourcePk() { return "\"source_pk\":\"" + B64("payload/source-pk", 32) + "\""; }

std::string Report(const std::string& form, const std::string& files = "[]",
                   const std::string& source_pk = SourcePk()) {
  return "{\"type\":\"report\"," + (source_pk.empty() ? "" : source_pk + ",") + "\"form\":" + form +
         ",\"text\":\"Line one\\nLine two\",\"files\":" + files + "}";
}

const std::string kForm =
    "{\"country\":\"RS\",\"incident\":\"spyware\",\"when\":\"2026-10\",\"responsible\":\"state\","
    "\"title\":\"Phone infected\"}";

std::string Message(const std::string& files) {
  return "{\"type\":\"message\",\"text\":\"More detail\",\"files\":" + files + "}";
}

json::object Input(const std::string& body) {
  json::object in;
  in["body"] = HexOf(AsBytes(body));
  if (IsValidUtf8(AsBytes(body))) in["body_text"] = body;
  return in;
}

json::object FileOut(const std::string& name, uint64_t size = 1000,
                     const std::string& mime = "application/pdf") {
  json::object f;
  f["id"] = HexOf(Det("payload/file-id", 16));
  f["chunks"] = size / 524288 + 1;
  f["size"] = size;
  f["name"] = name;
  f["mime"] = mime;
  return f;
}

json::object Out(const std::string& type, const std::string& text, json::array files,
                 int bad_files = 0, bool report = false) {
  json::object o;
  o["type"] = type;
  o["text"] = text;
  if (report) {
    o["source_pk"] = HexOf(Det("payload/source-pk", 32));
    json::object form;
    form["country"] = "RS";
    form["incident"] = "spyware";
    form["when"] = "2026-10";
    form["responsible"] = "state";
    form["title"] = "Phone infected";
    o["form"] = std::move(form);
  }
  o["files"] = std::move(files);
  o["bad_files"] = bad_files;
  return o;
}

void NameVectors(VectorWriter& w) {
  auto named = [&](const std::string& scenario, const std::string& description,
                   const std::string& name_json, const std::string& cleaned) {
    w.Write(scenario, "payload", description, Input(Message("[" + FileRef(name_json) + "]")),
            "success", Out("message", "More detail", json::array{FileOut(cleaned)}));
  };
  named("payload-name-bidi-override",
        "U+202E (right-to-left override) disguises invoice<RLO>fdp.exe as invoiceexe.pdf: removed.",
        "invoice\u202efdp.exe", "invoicefdp.exe");
  named("payload-name-bidi-marks",
        "Every bidi control and mark is removed: U+200E, U+200F, U+061C, U+202A, U+2066-U+2069.",
        "a\u200eb\u200f\u061cc\u202ad\u2066e\u2067f\u2068g\u2069.txt", "abcdefg.txt");
  named("payload-name-controls", "C0 controls, DEL and C1 controls are removed.",
        "a\\u0001b\\t\u007fc\u0085d.txt", "abcd.txt");
  named("payload-name-path", "Only the last path component is kept; a leading dot gets '_'.",
        "..\\\\..\\\\x/../../.bashrc", "_.bashrc");
  named("payload-name-dash", "A leading '-' gets '_' (never an option to a command).", "-rf",
        "_-rf");
  named("payload-name-empty", "Nothing usable left: the name becomes \"file\".", " \u202e \u200f ",
        "file");
  named("payload-name-dots", "\"..\" becomes \"file\".", "a/..", "file");
  std::string long_name, cut;
  for (int i = 0; i < 300; ++i) long_name += "\xc5\xa1";  // š, 2 bytes
  for (int i = 0; i < 255; ++i) cut += "\xc5\xa1";
  named("payload-name-long-utf8",
        "300 two-byte characters: the first 255 kept, no character cut in half.", long_name, cut);
  std::string spaced = std::string(254, 'a') + " " + "bbb";
  named("payload-name-cut-at-space", "A space left trailing by the 255-character cut is removed.",
        spaced, std::string(254, 'a'));
}

void BadUtf8Vectors(VectorWriter& w) {
  w.Write("payload-name-overlong-utf8", "payload",
          "A name holding the overlong encoding C0 AF of '/': the body is not UTF-8.",
          Input(Message("[" +
                        FileRef("a\xc0\xaf"
                                "b") +
                        "]")),
          "malformed");
  w.Write("payload-name-truncated-utf8", "payload",
          "A name ending in the first byte of a two-byte character: the body is not UTF-8.",
          Input(Message("[" + FileRef("abc\xc3") + "]")), "malformed");
  w.Write("payload-lone-surrogate", "payload",
          "A \\ud800 escape with no trailing surrogate: not a Unicode string.",
          Input("{\"type\":\"message\",\"text\":\"a\\ud800b\",\"files\":[]}"), "malformed");
}

// §11.1: a report MUST name source_pk as 32 bytes of canonical base64url.
void SourcePkVectors(VectorWriter& w) {
  const std::string pk = B64("payload/source-pk", 32);
  auto member = [](const std::string& value) { return "\"source_pk\":" + value; };
  const std::string hex(HexOf(Det("payload/source-pk", 32)));
  const std::tuple<const char*, const char*, std::string> bad[] = {
      {"payload-report-no-source-pk", "A report without source_pk.", ""},
      {"payload-report-source-pk-short", "A source_pk of 31 bytes.",
       member("\"" + B64("payload/source-pk", 31) + "\"")},
      {"payload-report-source-pk-long", "A source_pk of 33 bytes.",
       member("\"" + B64("payload/source-pk", 33) + "\"")},
      {"payload-report-source-pk-not-base64url",
       "A source_pk with characters outside base64url ('+', '/').",
       member("\"" + pk.substr(0, 41) + "+/\"")},
      {"payload-report-source-pk-padded", "A source_pk with '=' padding (not canonical, §2).",
       member("\"" + pk + "=\"")},
      {"payload-report-source-pk-hex", "A source_pk written as hex, not base64url.",
       member("\"" + hex + "\"")},
      {"payload-report-source-pk-not-string", "A source_pk that is null.", member("null")},
  };
  for (const auto& [scenario, description, m] : bad) {
    w.Write(scenario, "payload",
            std::string(description) +
                " A report MUST name source_pk as 32 bytes of canonical "
                "base64url (§11.1): malformed.",
            Input(Report(kForm, "[]", m)), "malformed");
  }
}

void BodyVectors(VectorWriter& w) {
  w.Write("payload-report-valid", "payload", "A report with one file.",
          Input(Report(kForm, "[" + FileRef("report.pdf") + "]")), "success",
          Out("report", "Line one\nLine two", json::array{FileOut("report.pdf")}, 0, true));
  w.Write("payload-message-valid", "payload", "A follow-up without files.", Input(Message("[]")),
          "success", Out("message", "More detail", {}));
  w.Write("payload-message-no-files", "payload", "`files` missing: read as empty.",
          Input("{\"type\":\"message\",\"text\":\"x\"}"), "success", Out("message", "x", {}));
  w.Write("payload-unknown-fields", "payload", "Unknown members are ignored.",
          Input("{\"type\":\"message\",\"text\":\"x\",\"files\":[],\"v2\":{\"a\":[1]}}"), "success",
          Out("message", "x", {}));
  {
    json::object out = Out("report", "Line one\nLine two", {}, 0, true);
    json::object form;
    form["country"] = "HR";
    form["incident"] = "other";
    form["when"] = "";
    form["responsible"] = "";
    form["title"] = std::string(201, 't');
    out["form"] = std::move(form);
    w.Write("payload-report-values-outside-rules", "payload",
            "Writers MUST NOT send a country outside the list, no `responsible` or a 201-character "
            "title; a reader shows what was sent (missing members as \"\").",
            Input(Report("{\"country\":\"HR\",\"incident\":\"other\",\"when\":\"\",\"title\":\"" +
                         std::string(201, 't') + "\"}")),
            "success", std::move(out));
  }
  w.Write("payload-unknown-type", "payload", "A type this version does not know.",
          Input("{\"type\":\"poll\",\"text\":\"x\",\"files\":[]}"), "unsupported");
  w.Write("payload-notes-type-in-conversation", "payload",
          "A notes event type is not a conversation body.",
          Input("{\"type\":\"status\",\"status\":\"closed\"}"), "unsupported");
  const std::pair<const char*, std::string> malformed[] = {
      {"payload-not-json", "{\"type\":"},
      {"payload-not-object", "[\"report\"]"},
      {"payload-no-type", "{\"text\":\"x\",\"files\":[]}"},
      {"payload-type-not-string", "{\"type\":1,\"text\":\"x\",\"files\":[]}"},
      {"payload-message-no-text", "{\"type\":\"message\",\"files\":[]}"},
      {"payload-files-not-array", "{\"type\":\"message\",\"text\":\"x\",\"files\":{}}"},
      {"payload-report-no-form",
       "{\"type\":\"report\"," + SourcePk() + ",\"text\":\"x\",\"files\":[]}"},
      {"payload-report-form-not-object",
       "{\"type\":\"report\"," + SourcePk() + ",\"form\":[],\"text\":\"x\"}"},
      {"payload-report-form-number",
       Report("{\"country\":1,\"incident\":\"spyware\",\"when\":\"\",\"responsible\":"
              "\"state\",\"title\":\"t\"}")},
  };
  for (const auto& [scenario, body] : malformed) {
    w.Write(scenario, "payload", "Breaks a rule of §11.1, §11.2 or §11.4: malformed.", Input(body),
            "malformed");
  }
  SourcePkVectors(w);
}

void FileRefVectors(VectorWriter& w) {
  const std::string ok = FileRef("ok.txt");
  auto bad = [&](const std::string& scenario, const std::string& description,
                 const std::string& ref) {
    w.Write(scenario, "payload", description, Input(Message("[" + ref + "," + ok + "]")), "success",
            Out("message", "More detail", json::array{FileOut("ok.txt")}, 1));
  };
  bad("payload-fileref-wrong-chunks", "chunks is not floor(size / 524288) + 1: invalid.",
      FileRef("a", 1000, "\"\"", 2));
  bad("payload-fileref-short-key", "A 31-byte key: invalid.", FileRef("a", 1000, "\"\"", 0, 31));
  bad("payload-fileref-no-mime", "mime missing: invalid.", FileRef("a", 1000, ""));
  bad("payload-fileref-too-large", "size over 2^39 - 1: invalid.",
      FileRef("a", uint64_t{1} << 39, "\"\""));
  bad("payload-fileref-not-object", "A FILEREF that is a string: invalid.", "\"file\"");
  w.Write("payload-fileref-bad-mime", "payload",
          "A mime with a space is not a valid media type text: read as \"\" (unknown).",
          Input(Message("[" + FileRef("a.txt", 5, "\"text/plain; charset=utf-8\"") + "]")),
          "success", Out("message", "More detail", json::array{FileOut("a.txt", 5, "")}));
}

}  // namespace

void PayloadVectors(VectorWriter& w) {
  NameVectors(w);
  BadUtf8Vectors(w);
  BodyVectors(w);
  FileRefVectors(w);
}

}  // namespace dojava::vectors
