// The `public_key_line` vectors (crypto/PROTOCOL.md §5.4): the one line of
// ASCII a reviewer hands the admin, its line endings and its encoding.
#include <string>

#include "base/encoding.h"
#include "crypto/primitives.h"
#include "tests/vectors/vector_json.h"
#include "tests/vectors/vector_sections.h"

namespace dojava::vectors {
namespace {

constexpr std::string_view kPrefix = "dojava-reviewer-v1:";

boost::json::object Input(const std::string& line, bool written = false) {
  boost::json::object in;
  in["line"] = HexOf(AsBytes(line));
  in["line_text"] = line;
  if (written) in["written"] = true;
  return in;
}

}  // namespace

void PublicKeyLineVectors(VectorWriter& w) {
  // Keys whose base64url holds a '-' or '_' (so the standard alphabet differs).
  crypto::Ed25519Public ed{};
  crypto::X25519Public x{};
  std::string eds, xs;
  for (int i = 0;; ++i) {
    ed = crypto::Ed25519FromSeed(Det("pub-line/ed/" + std::to_string(i), 32)).public_key;
    x = crypto::X25519Base(Det("pub-line/x/" + std::to_string(i), 32));
    eds = Base64UrlEncode(ed);
    xs = Base64UrlEncode(x);
    if (eds.find_first_of("-_") != std::string::npos) break;
  }
  const std::string line = std::string(kPrefix) + eds + ":" + xs;
  boost::json::object out;
  out["ed25519"] = HexOf(ed);
  out["x25519"] = HexOf(x);
  w.Write("public-key-line-written", "public_key_line",
          "What keygen writes to the .pub file: the line and one LF.", Input(line + "\n", true),
          "success", out);
  w.Write("public-key-line-crlf", "public_key_line", "The line with one CR LF (a Windows editor).",
          Input(line + "\r\n"), "success", out);
  w.Write("public-key-line-no-ending", "public_key_line", "The line with no line ending at all.",
          Input(line), "success", out);
  w.Write("public-key-line-lone-cr", "public_key_line",
          "The line followed by a CR alone: not a line ending of the rule.", Input(line + "\r"),
          "malformed");
  w.Write("public-key-line-two-lf", "public_key_line", "The line followed by two LFs.",
          Input(line + "\n\n"), "malformed");
  w.Write("public-key-line-trailing-space", "public_key_line",
          "A space before the LF (nothing is trimmed).", Input(line + " \n"), "malformed");
  w.Write("public-key-line-leading-space", "public_key_line", "A space before the prefix.",
          Input(" " + line + "\n"), "malformed");
  w.Write("public-key-line-other-prefix", "public_key_line",
          "The prefix dojava-reviewer-v2: (the prefix is literal).",
          Input("dojava-reviewer-v2:" + eds + ":" + xs + "\n"), "malformed");
  w.Write("public-key-line-padded", "public_key_line",
          "The Ed25519 key in base64url with its '=' padding.",
          Input(std::string(kPrefix) + eds + "=:" + xs + "\n"), "malformed");
  {
    std::string standard = eds;
    for (char& c : standard) c = c == '-' ? '+' : c == '_' ? '/' : c;
    w.Write("public-key-line-standard-alphabet", "public_key_line",
            "The Ed25519 key in the standard base64 alphabet ('+' or '/' for '-' or '_').",
            Input(std::string(kPrefix) + standard + ":" + xs + "\n"), "malformed");
  }
  {
    // 32 bytes are 43 characters; the last carries 2 unused low bits, set here.
    std::string noncanonical = eds;
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    noncanonical.back() = alphabet[alphabet.find(noncanonical.back()) | 1];
    w.Write("public-key-line-noncanonical", "public_key_line",
            "The last character of the Ed25519 key has a non-zero unused bit: another text for "
            "the same bytes, refused (§2).",
            Input(std::string(kPrefix) + noncanonical + ":" + xs + "\n"), "malformed");
  }
  w.Write("public-key-line-short-key", "public_key_line", "An Ed25519 key of 31 bytes.",
          Input(std::string(kPrefix) + Base64UrlEncode(ByteView(ed).first(31)) + ":" + xs + "\n"),
          "malformed");
  w.Write("public-key-line-third-field", "public_key_line", "A third field after the X25519 key.",
          Input(line + ":" + xs + "\n"), "malformed");
}

}  // namespace dojava::vectors
