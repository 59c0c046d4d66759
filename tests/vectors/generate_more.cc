// Vector sections for receipts, keys, key files and attachments.
#include "crypto/admin_key.h"
#include "crypto/attachment.h"
#include "crypto/key_file.h"
#include "crypto/protocol_constants.h"
#include "crypto/receipt.h"
#include "crypto/reviewer_key.h"
#include "crypto/source_key_wrap.h"
#include "crypto/testing/deterministic.h"
#include "tests/vectors/chunk_stream.h"
#include "tests/vectors/vector_json.h"
#include "tests/vectors/vector_sections.h"

namespace json = boost::json;

namespace dojava::vectors {
namespace {

namespace p = protocol;

json::object Item(const char* key, int64_t value) {
  json::object o;
  o[key] = value;
  return o;
}

// Digits 0..26 of a label-seeded receipt followed by its Damm check digit.
std::string DetReceipt(std::string_view label) {
  const Bytes b = Det(label, 27);
  std::string digits;
  for (uint8_t x : b)
    digits.push_back(char('0' + x % 10));  // fine for vectors; real receipts are uniform
  digits.push_back(char('0' + crypto::DammCheckDigit(digits)));
  return digits;
}

std::string Grouped(const std::string& d, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < d.size(); i += 4) out += (i ? sep : "") + d.substr(i, 4);
  return out;
}

void Receipts(VectorWriter& w) {
  const Bytes salt = Det("receipt/salt", 16);
  auto input = [&](const std::string& typed) {
    json::object in;
    in["typed"] = HexOf(AsBytes(typed));
    in["typed_text"] = typed;
    in["salt"] = HexOf(salt);
    return in;
  };
  auto ok = [&](const std::string& scenario, const std::string& desc, const std::string& typed) {
    auto r = crypto::Receipt::Parse(typed);
    if (!r.ok()) std::abort();
    auto k = crypto::DeriveReceiptKeys(*r, salt).value();
    json::object out;
    out["canonical"] = std::string(AsChars(r->canonical()));
    out["formatted"] = std::string(r->Formatted().reveal_chars());
    out["lookup_key"] = HexOf(k.lookup_key.reveal());
    out["lookup_hash"] = HexOf(crypto::LookupHash(k.lookup_key.reveal()));
    out["source_secret"] = HexOf(k.source_secret.reveal());
    out["source_public"] = HexOf(k.source_public);
    out["source_wrap"] = HexOf(k.source_wrap.reveal());
    out["source_sign_public"] =
        HexOf(crypto::Ed25519FromSeed(k.source_sign_seed.reveal()).public_key);
    w.Write(scenario, "receipt", desc, input(typed), "success", std::move(out));
  };
  const std::string a = DetReceipt("receipt/a");
  ok("receipt-canonical", "28 digits without separators; derivation of section 4.3.", a);
  ok("receipt-grouped", "The same receipt as displayed, in groups of 4 joined by '-'.",
     Grouped(a, "-"));
  ok("receipt-pasted",
     "Typed with spaces, dots, an en dash, a no-break space and a trailing CR LF.",
     a.substr(0, 4) + " " + a.substr(4, 4) + "." + a.substr(8, 4) + "\xe2\x80\x93" +
         a.substr(12, 4) + "\xc2\xa0" + a.substr(16, 12) + "\r\n");
  ok("receipt-protocol-example", "The example of PROTOCOL.md section 4.1.",
     "4821-0937-5520-1186-7043-9912-3385");
  auto bad = [&](const std::string& scenario, const std::string& desc, const std::string& typed,
                 const std::string& expect) {
    w.Write(scenario, "receipt", desc, input(typed), expect);
  };
  std::string typo = a;
  typo[9] = typo[9] == '9' ? '0' : char(typo[9] + 1);
  bad("receipt-typo", "One digit mistyped.", Grouped(typo, "-"), "bad_checksum");
  std::string swapped = a;
  size_t i = 0;
  while (swapped[i] == swapped[i + 1]) ++i;
  std::swap(swapped[i], swapped[i + 1]);
  bad("receipt-adjacent-swap", "Two adjacent different digits swapped.", Grouped(swapped, "-"),
      "bad_checksum");
  bad("receipt-too-short", "27 digits.", a.substr(0, 27), "malformed");
  bad("receipt-too-long", "29 digits.", a + "0", "malformed");
  bad("receipt-letter", "The letter O in place of a zero.", a.substr(0, 5) + "O" + a.substr(6),
      "malformed");
  bad("receipt-fullwidth-digit", "A fullwidth digit (U+FF13) in place of the last digit.",
      a.substr(0, 27) + "\xef\xbc\x93", "malformed");
  // Section 4.2: every separator, the 256-byte limit, and characters that are not separators.
  const std::string seps[] = {" ",
                              "\t",
                              "\r",
                              "\n",
                              "-",
                              ".",
                              "\xc2\xa0",
                              "\xe2\x80\x89",
                              "\xe2\x80\x90",
                              "\xe2\x80\x91",
                              "\xe2\x80\x92",
                              "\xe2\x80\x93",
                              "\xe2\x80\x94",
                              "\xe2\x80\x95",
                              "\xe2\x80\xaf",
                              "\xe2\x88\x92"};
  std::string every;
  for (size_t k = 0; k < a.size(); ++k) {
    every += a[k];
    if (k < std::size(seps)) every += seps[k];
  }
  ok("receipt-every-separator",
     "One of each separator of section 4.2 between the digits: space, tab, CR, LF, '-', '.', "
     "U+00A0, U+2009, U+2010 to U+2015, U+202F, U+2212.",
     every);
  std::string padded256 = a;
  padded256.resize(256, ' ');
  ok("receipt-256-bytes", "28 digits and 228 spaces: exactly the 256-byte limit.", padded256);
  bad("receipt-257-bytes",
      "28 digits and 229 spaces: one byte over the limit, refused before separators are removed.",
      padded256 + " ", "malformed");
  bad("receipt-figure-space", "U+2007 (figure space) between groups: not a separator.",
      a.substr(0, 4) + "\xe2\x80\x87" + a.substr(4), "malformed");
  bad("receipt-ideographic-space", "U+3000 (ideographic space) between groups: not a separator.",
      a.substr(0, 4) + "\xe3\x80\x80" + a.substr(4), "malformed");
  bad("receipt-fullwidth-hyphen", "U+FF0D (fullwidth hyphen-minus) between groups.",
      a.substr(0, 4) + "\xef\xbc\x8d" + a.substr(4), "malformed");
  {
    // Not UTF-8 at all: one 0xff byte between two groups (no typed_text: it has no text form).
    const std::string typed = a.substr(0, 4) + "\xff" + a.substr(4);
    json::object in = input(a);
    in["typed"] = HexOf(AsBytes(typed));
    in.erase("typed_text");
    w.Write("receipt-not-utf8", "receipt",
            "A byte 0xff between two groups: not UTF-8, so neither a digit nor a separator.",
            std::move(in), "malformed");
  }
}

// The source's wrapped case key (§7.1). Every vector names the receipt and
// salt its source_wrap comes from, so the chain receipt -> source_wrap -> CK
// is pinned end to end.
void SourceKeys(VectorWriter& w) {
  const Bytes salt = Det("receipt/salt", 16);
  const std::string receipt_a = DetReceipt("receipt/a");  // as in receipt-canonical
  const std::string receipt_b = DetReceipt("source-key/other-receipt");
  auto keys_of = [&](const std::string& digits) {
    return crypto::DeriveReceiptKeys(crypto::Receipt::FromCanonical(digits).value(), salt).value();
  };
  const crypto::ReceiptKeys a = keys_of(receipt_a), b = keys_of(receipt_b);
  const crypto::Id case_id = DetId("source-key/case");
  const SecretBytes ck = DetSecret("source-key/ck", 32);
  const Bytes r = Det("source-key/r", 32);
  const Bytes rec =
      crypto::WrapSourceKeyWithRandom(ck, p::kRoleCaseKey, case_id, a.source_wrap, r).value();
  auto input = [&](ByteView record, uint8_t role, const std::string& receipt,
                   const crypto::ReceiptKeys& k) {
    json::object in;
    in["receipt"] = receipt;
    in["salt"] = HexOf(salt);
    in["source_wrap"] = HexOf(k.source_wrap.reveal());
    in["case_id"] = HexOf(case_id);
    in["role"] = role;
    in["record"] = HexOf(record);
    return in;
  };
  auto bad = [&](const std::string& scenario, const std::string& desc, ByteView record,
                 const std::string& expect, uint8_t role = p::kRoleCaseKey) {
    w.Write(scenario, "source_key", desc, input(record, role, receipt_a, a), expect);
  };
  {
    auto in = input(rec, p::kRoleCaseKey, receipt_a, a);
    in["key"] = HexOf(ck.reveal());
    in["r"] = HexOf(r);
    json::object out;
    out["key"] = HexOf(ck.reveal());
    w.Write("source-key-valid", "source_key",
            "The source's case key wrapped under the source_wrap of receipt-canonical's receipt.",
            std::move(in), "success", std::move(out));
  }
  w.Write("source-key-wrong-receipt", "source_key",
          "Opened with the source_wrap of another receipt.",
          input(rec, p::kRoleCaseKey, receipt_b, b), "decrypt_failed");
  {
    auto in = input(rec, p::kRoleCaseKey, receipt_a, a);
    in["case_id"] = HexOf(DetId("source-key/other-case"));
    w.Write("source-key-wrong-case", "source_key",
            "A wrapped key moved to another case by the server.", std::move(in), "decrypt_failed");
  }
  bad("source-key-wrong-role", "A CK record presented where an NK is expected.", rec, "malformed",
      p::kRoleNotesKey);
  {
    Bytes relabelled = rec;
    relabelled[1] = p::kRoleNotesKey;
    bad("source-key-relabelled", "A CK record whose role byte was rewritten to NK.", relabelled,
        "decrypt_failed", p::kRoleNotesKey);
  }
  {
    const SecretBytes server_ck = DetSecret("source-key/server-ck", 32);
    const SecretBytes eph = DetSecret("source-key/server-ephemeral", 32);
    const Bytes forged =
        crypto::SealKeyWithEphemeral(server_ck, p::kRoleCaseKey, case_id, a.source_public, eph)
            .value();
    bad("source-key-sealed-to-source-pk",
        "What a compromised server could put in the source's place: a case key of its own sealed "
        "to source_pk (section 7), which the server stores. Same size, version and role bytes; "
        "the source refuses it.",
        forged, "decrypt_failed");
  }
  {
    Bytes flipped = rec;
    flipped[10] ^= 0x01;
    bad("source-key-flipped-random", "One bit of r flipped.", flipped, "decrypt_failed");
    flipped = rec;
    flipped[50] ^= 0x10;
    bad("source-key-flipped-ciphertext", "One bit of the encrypted key flipped.", flipped,
        "decrypt_failed");
    flipped = rec;
    flipped[81] ^= 0x80;
    bad("source-key-flipped-tag", "One bit of the tag flipped.", flipped, "decrypt_failed");
  }
  {
    Bytes v2 = rec;
    v2[0] = 2;
    bad("source-key-unknown-version", "Version byte 2.", v2, "unsupported_version");
  }
  bad("source-key-truncated", "81 of the 82 bytes.", ByteView(rec.data(), 81), "malformed");
  {
    Bytes longer = rec;
    longer.push_back(0);
    bad("source-key-extended", "83 bytes: one zero byte appended.", longer, "malformed");
  }
}

void Keys(VectorWriter& w) {
  for (const char* tag : {"keys/one", "keys/two"}) {
    const SecretBytes seed = DetSecret(tag, 32);
    auto reviewer = crypto::ReviewerKey::FromSeed(seed).value();
    auto admin = crypto::AdminKey::FromSeed(seed).value();
    json::object in;
    in["seed"] = HexOf(seed.reveal());
    json::object out;
    out["reviewer_ed25519_public"] = HexOf(reviewer.ed25519_public());
    out["reviewer_x25519_secret"] = HexOf(reviewer.x25519_secret().reveal());
    out["reviewer_x25519_public"] = HexOf(reviewer.x25519_public());
    out["admin_ed25519_public"] = HexOf(admin.public_key());
    out["admin_fingerprint"] = crypto::AdminKey::FingerprintText(admin.public_key());
    out["signature_of_empty_under_label_test"] =
        HexOf(crypto::SignAnyLabelForTesting(reviewer, "dojava/v1/test", {}));
    w.Write(std::string("keys-derivation-") + (tag + 5), "keys",
            "Reviewer Ed25519/X25519 and admin Ed25519 keys from one seed (section 5.1), the admin "
            "fingerprint "
            "(5.2), and a reviewer signature of the empty message under label dojava/v1/test.",
            std::move(in), "success", std::move(out));
  }
}

void KeyFiles(VectorWriter& w) {
  // Low Argon2id parameters (t = 1, 8 MiB, the reader's minimum) keep the
  // vectors fast; real files use t = 3, 256 MiB.
  const crypto::KeyFileParams params{1, 8192};
  const SecretBytes passphrase =
      SecretBytes::Copy(std::string_view("pas de mot de passe · лозинка 2026"));
  auto make = [&](const std::string& tag, crypto::KeyKind kind) {
    const SecretBytes seed = DetSecret(tag + "/seed", 32);
    return std::make_pair(crypto::SealKeyFile(kind, seed, passphrase, params,
                                              Det(tag + "/salt", 16), Det(tag + "/nonce", 24))
                              .value(),
                          SecretBytes::Copy(seed.reveal()));
  };
  auto input = [&](ByteView file, const SecretBytes& pass) {
    json::object in;
    in["file"] = HexOf(file);
    in["passphrase"] = HexOf(pass.reveal());
    in["passphrase_text"] = std::string(pass.reveal_chars());
    return in;
  };
  for (auto [name, kind] : {std::pair{"reviewer", crypto::KeyKind::kReviewer},
                            std::pair{"admin", crypto::KeyKind::kAdmin},
                            std::pair{"encryption", crypto::KeyKind::kEncryption}}) {
    auto [file, seed] = make(std::string("keyfile/") + name, kind);
    json::object in = input(file, passphrase);
    json::object seal;
    seal["t"] = params.ops;
    seal["m_kib"] = params.mem_kib;
    seal["salt"] = HexOf(ByteView(file).subspan(16, 16));
    seal["nonce"] = HexOf(ByteView(file).subspan(32, 24));
    in["seal"] = std::move(seal);
    json::object out;
    out["kind"] = int(kind);
    out["seed"] = HexOf(seed.reveal());
    w.Write(std::string("key-file-") + name, "key_file",
            std::string("A key file of kind ") + name +
                " with a non-ASCII passphrase (its UTF-8 bytes).",
            std::move(in), "success", std::move(out));
  }
  const Bytes good = make("keyfile/reviewer", crypto::KeyKind::kReviewer).first;
  auto bad = [&](const std::string& scenario, const std::string& desc, ByteView file,
                 const std::string& expect, const SecretBytes* pass = nullptr) {
    w.Write(scenario, "key_file", desc, input(file, pass ? *pass : passphrase), expect);
  };
  const SecretBytes wrong =
      SecretBytes::Copy(std::string_view("pas de mot de passe · лозинка 2025"));
  bad("key-file-wrong-passphrase", "The right file, a passphrase one character off.", good,
      "wrong_passphrase", &wrong);
  const SecretBytes empty;
  bad("key-file-empty-passphrase", "An empty passphrase: refused without running Argon2id.", good,
      "wrong_passphrase", &empty);
  auto with = [&](size_t offset, uint8_t value) {
    Bytes b = good;
    b[offset] = value;
    return b;
  };
  bad("key-file-bad-magic", "The magic is DJKG.", with(3, 'G'), "malformed");
  // Section 5.3's order: the magic before the version, the version before the other fields, the
  // structure before the empty-passphrase check.
  {
    Bytes b = with(3, 'G');
    b[4] = 2;
    bad("key-file-bad-magic-and-version", "Magic DJKG and version 2: the magic is checked first.",
        b, "malformed");
    Bytes c = with(4, 2);
    c[6] = 2;
    c[5] = 9;
    bad("key-file-version-before-fields",
        "Version 2 with KDF 2 and kind 9: the version is checked before them.", c,
        "unsupported_version");
    bad("key-file-bad-kdf-empty-passphrase",
        "KDF byte 2 and an empty passphrase: the structure is checked first.", with(6, 2),
        "malformed", &empty);
    bad("key-file-short-empty-passphrase", "103 bytes and an empty passphrase.",
        ByteView(good).first(good.size() - 1), "malformed", &empty);
  }
  bad("key-file-unknown-version", "Version byte 2.", with(4, 2), "unsupported_version");
  bad("key-file-unknown-kind", "Kind byte 4 (the kinds are 1, 2 and 3).", with(5, 4), "malformed");
  bad("key-file-unknown-kdf", "KDF byte 2.", with(6, 2), "malformed");
  bad("key-file-reserved-set", "Reserved byte 1.", with(7, 1), "malformed");
  bad("key-file-t-too-large", "t = 17, above the bound of 16: refused before Argon2id.",
      with(11, 17), "malformed");
  bad(
      "key-file-m-too-small", "m = 8191 KiB, below the bound: refused before Argon2id.",
      [&] {
        Bytes b = good;
        b[12] = 0;
        b[13] = 0;
        b[14] = 0x1f;
        b[15] = 0xff;
        return b;
      }(),
      "malformed");
  bad("key-file-kind-swapped",
      "Kind changed from reviewer to admin: the header is additional data.", with(5, 2),
      "wrong_passphrase");
  bad("key-file-flipped-ciphertext", "One bit of the sealed seed flipped.",
      with(70, uint8_t(good[70] ^ 1)), "wrong_passphrase");
  bad("key-file-truncated", "103 bytes.", ByteView(good.data(), 103), "malformed");
}

void Chunks(VectorWriter& w) {
  struct File {
    std::string tag;
    uint64_t size;
  };
  auto secrets_of = [](const std::string& tag) {
    return crypto::FileSecrets::FromBytes(Det(tag + "/key", 32), Det(tag + "/prefix", 20),
                                          Det(tag + "/id", 16))
        .value();
  };
  auto input = [&](const std::string& tag, uint64_t size, json::array stream) {
    const crypto::FileSecrets s = secrets_of(tag);
    const Bytes plain = VectorPlaintext(size);
    json::object in;
    in["file_key"] = HexOf(s.file_key().reveal());
    in["nonce_prefix"] = HexOf(s.nonce_prefix());
    in["file_id"] = HexOf(s.file_id());
    in["size"] = size;
    in["plaintext"] = "byte i = (i * 31 + 7) mod 251";
    json::array hashes;
    for (const Bytes& r : HonestRecords(s, plain))
      hashes.push_back(HexOf(crypto::LabeledHash(32, "", r)));
    in["record_hashes"] = std::move(hashes);
    in["stream"] = std::move(stream);
    return in;
  };
  auto honest = [](uint64_t size) {
    json::array a;
    for (uint64_t i = 0; i < crypto::ChunkCount(size); ++i) a.push_back(Item("record", int64_t(i)));
    return a;
  };
  auto ok = [&](const std::string& scenario, const std::string& desc, uint64_t size) {
    json::object out;
    out["size"] = size;
    out["chunk_count"] = crypto::ChunkCount(size);
    out["plaintext_hash"] = HexOf(crypto::LabeledHash(32, "", VectorPlaintext(size)));
    w.Write(scenario, "chunks", desc, input(scenario, size, honest(size)), "success",
            std::move(out));
  };
  ok("chunks-empty-file", "A file of 0 bytes: one chunk holding only padding.", 0);
  ok("chunks-one-byte", "A file of 1 byte.", 1);
  ok("chunks-exact-chunk",
     "A file of exactly 524288 bytes: a full chunk, then a padding-only last chunk.",
     p::kChunkPlainSize);
  ok("chunks-three-chunks", "A file of 2 * 524288 + 1000 bytes.", 2 * p::kChunkPlainSize + 1000);

  const uint64_t three = 2 * p::kChunkPlainSize + 1000;
  auto bad = [&](const std::string& scenario, const std::string& desc, uint64_t size,
                 json::array stream, const std::string& expect, json::object overrides = {}) {
    json::object in = input("chunks-base-" + std::to_string(size), size, std::move(stream));
    // The writer's secrets made the records; "reader" replaces some of them
    // for the reader (wrong key, wrong file id).
    if (!overrides.empty()) in["reader"] = std::move(overrides);
    w.Write(scenario, "chunks", desc, std::move(in), expect);
  };
  auto seq = [](std::initializer_list<int> idx) {
    json::array a;
    for (int i : idx) a.push_back(Item("record", i));
    return a;
  };
  bad("chunks-truncated",
      "The last chunk dropped: the stream ends with a chunk that opens only as non-last.", three,
      seq({0, 1}), "truncated");
  bad("chunks-missing-final", "A 524288-byte file without its padding-only final chunk.",
      p::kChunkPlainSize, seq({0}), "truncated");
  bad("chunks-empty-stream", "No records at all.", three, json::array(), "truncated");
  bad("chunks-reordered", "Chunks 0 and 1 swapped.", three, seq({1, 0, 2}), "decrypt_failed");
  bad("chunks-duplicated", "Chunk 0 sent twice.", three, seq({0, 0, 1, 2}), "decrypt_failed");
  bad("chunks-middle-dropped", "Chunk 1 missing.", three, seq({0, 2}), "decrypt_failed");
  bad("chunks-extended", "The last chunk sent twice.", three, seq({0, 1, 2, 2}), "extended");
  {
    json::array s = seq({0, 1, 2});
    json::object extra;
    extra["bytes"] = "00";
    s.push_back(std::move(extra));
    bad("chunks-trailing-byte", "One byte after the last chunk.", three, std::move(s), "extended");
  }
  {
    json::array s = seq({0, 1, 2});
    json::object flip;
    flip["offset"] = 1000;
    flip["mask"] = 4;
    s[1].as_object()["flip"] = std::move(flip);
    bad("chunks-flipped-bit", "One bit of chunk 1's ciphertext flipped.", three, std::move(s),
        "decrypt_failed");
  }
  {
    json::object o;
    o["file_key"] = HexOf(Det("chunks/wrong-key", 32));
    bad("chunks-wrong-key", "Decrypted with another file's key.", three, seq({0, 1, 2}),
        "decrypt_failed", std::move(o));
  }
  {
    json::object o;
    o["file_id"] = HexOf(Det("chunks/other-file-id", 16));
    bad("chunks-wrong-file-id", "Read as another file id (the id is in the additional data).",
        three, seq({0, 1, 2}), "decrypt_failed", std::move(o));
  }
  {
    json::array s = seq({0, 1, 2});
    s[0].as_object()["version"] = 2;
    bad("chunks-unknown-version", "Chunk 0's version byte is 2.", three, std::move(s),
        "unsupported_version");
  }
  {
    json::array s = seq({0});
    s[0].as_object()["version"] = 2;
    s[0].as_object()["cut"] = 10;
    bad("chunks-short-unknown-version",
        "A 10-byte record with version 2: the version is checked first.", three, std::move(s),
        "unsupported_version");
  }
  {
    json::array s = seq({0, 1});
    s[1].as_object()["cut"] = 1000;
    bad("chunks-cut-record", "The stream ends 1000 bytes into chunk 1.", three, std::move(s),
        "malformed");
  }
  {
    json::array s;
    json::object reseal;
    reseal["index"] = 0;
    reseal["last"] = true;
    reseal["plaintext"] = "zeros";
    json::object item;
    item["reseal"] = std::move(reseal);
    s.push_back(std::move(item));
    bad("chunks-bad-padding",
        "A last chunk that authenticates but whose plaintext is all zeros: no 0x80 padding marker.",
        1, std::move(s), "malformed");
  }
}

}  // namespace

std::vector<std::function<void(VectorWriter&)>> ExtraSections() {
  return {Receipts, SourceKeys, Keys, KeyFiles, Chunks, PayloadVectors, PublicKeyLineVectors};
}

}  // namespace dojava::vectors
