// Decrypts every page of a SQLCipher 4 file with default settings and a raw
// key (4096-byte pages; each page's last 80 bytes are a 16-byte IV and a
// 64-byte HMAC; AES-256-CBC with the raw key; page 1 starts with the 16-byte
// salt). Used by the metadata audit to look at everything the file holds —
// including free and deleted space — as an attacker with the key would.
#ifndef DOJAVA_TESTS_SUPPORT_PAGE_DECRYPTOR_H_
#define DOJAVA_TESTS_SUPPORT_PAGE_DECRYPTOR_H_

#include <openssl/evp.h>

#include <optional>

#include "base/bytes.h"
#include "base/secret_bytes.h"

namespace dojava::service::testing {

inline constexpr size_t kPageSize = 4096;
inline constexpr size_t kReserve = 80;
inline constexpr size_t kSaltBytes = 16;

// The plaintext of all pages, concatenated (page 1 without its salt), or
// nullopt if a page fails to decrypt.
inline std::optional<Bytes> DecryptPages(const Bytes& file, const SecretBytes& key) {
  if (file.size() % kPageSize != 0 || key.size() != 32) return std::nullopt;
  Bytes out;
  out.reserve(file.size());
  for (size_t off = 0; off < file.size(); off += kPageSize) {
    const size_t start = off == 0 ? kSaltBytes : 0;
    const uint8_t* page = file.data() + off;
    const uint8_t* iv = page + kPageSize - kReserve;
    const size_t len = kPageSize - kReserve - start;
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    Bytes plain(len + 32);
    int n1 = 0, n2 = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr, key.reveal().data(), iv) == 1 &&
        EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 &&
        EVP_DecryptUpdate(ctx, plain.data(), &n1, page + start, static_cast<int>(len)) == 1 &&
        EVP_DecryptFinal_ex(ctx, plain.data() + n1, &n2) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) return std::nullopt;
    out.insert(out.end(), plain.begin(), plain.begin() + n1 + n2);
  }
  return out;
}

}  // namespace dojava::service::testing

#endif  // DOJAVA_TESTS_SUPPORT_PAGE_DECRYPTOR_H_
