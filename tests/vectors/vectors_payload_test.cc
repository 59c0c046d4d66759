// The `payload` vectors (crypto/PROTOCOL.md §11) read with payload/body.h.
#include <catch2/catch_test_macros.hpp>

#include "payload/body.h"
#include "tests/vectors/vector_checks.h"
#include "tests/vectors/vector_json.h"

namespace dojava::vectors {

namespace json = boost::json;

std::string CheckPayload(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const Bytes body = BytesOf(in.at("body"));
  if (const auto* text = in.if_contains("body_text")) {
    CHECK(std::string_view(text->as_string()) == std::string_view(AsChars(body)));
  }
  auto parsed = payload::ParseBody(body);
  if (!parsed.ok()) {
    if (parsed.code() == Code::kUnsupportedVersion) return "unsupported";
    return Outcome(parsed.code());
  }
  const auto& out = v.at("output").as_object();
  CHECK(parsed->type == out.at("type").as_string());
  CHECK(parsed->text.reveal_chars() == std::string_view(out.at("text").as_string()));
  CHECK(parsed->bad_files == static_cast<size_t>(out.at("bad_files").as_int64()));
  if (const auto* pk = out.if_contains("source_pk")) {
    CHECK(parsed->type == "report");
    CHECK(HexOf(parsed->source_pk) == pk->as_string());
  } else {
    CHECK(parsed->type != "report");  // §11.1: every report names source_pk
  }
  if (const auto* form = out.if_contains("form")) {
    const auto& f = form->as_object();
    CHECK(parsed->form.country.reveal_chars() == std::string_view(f.at("country").as_string()));
    CHECK(parsed->form.incident.reveal_chars() == std::string_view(f.at("incident").as_string()));
    CHECK(parsed->form.when.reveal_chars() == std::string_view(f.at("when").as_string()));
    CHECK(parsed->form.responsible.reveal_chars() ==
          std::string_view(f.at("responsible").as_string()));
    CHECK(parsed->form.title.reveal_chars() == std::string_view(f.at("title").as_string()));
  }
  const auto& files = out.at("files").as_array();
  REQUIRE(parsed->files.size() == files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i].as_object();
    const payload::FileRef& r = parsed->files[i];
    CHECK(HexOf(r.id) == f.at("id").as_string());
    CHECK(r.chunks == static_cast<uint64_t>(f.at("chunks").as_int64()));
    CHECK(r.size == static_cast<uint64_t>(f.at("size").as_int64()));
    CHECK(r.name == std::string_view(f.at("name").as_string()));
    CHECK(r.mime == std::string_view(f.at("mime").as_string()));
  }
  return "success";
}

}  // namespace dojava::vectors
