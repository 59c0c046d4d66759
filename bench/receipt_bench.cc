// Times the two password-hashing costs of crypto/PROTOCOL.md §4 and §5.3:
//   - DeriveReceiptKeys with the fixed v1 parameters (Argon2id t = 2, 8 MiB),
//     against baselines measured in the same run (libsodium's INTERACTIVE
//     Argon2id, t = 2, 64 MiB; and one BLAKE2b-256), printed as ratios;
//   - opening a key file written with the default parameters (t = 3, 256 MiB).
// Medians of several runs. Not part of ctest: `build/default/bench/receipt_bench`.
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "crypto/key_file.h"
#include "crypto/primitives.h"
#include "crypto/receipt.h"

using namespace dojava;
using namespace dojava::crypto;

namespace {

// Median wall time of `runs` calls of `f`, in milliseconds.
double MedianMs(int runs, const std::function<void()>& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    const auto end = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "failed: %s\n", what);
    std::exit(1);
  }
}

}  // namespace

int main() {
  EnsureSodium();
  const Receipt receipt = Receipt::Generate();
  const Bytes salt(16, 0x11);

  Require(DeriveReceiptKeys(receipt, salt).ok(), "warm-up");
  const double derive_ms =
      MedianMs(9, [&] { Require(DeriveReceiptKeys(receipt, salt).ok(), "DeriveReceiptKeys"); });
  const double interactive_ms = MedianMs(5, [&] {
    Require(Argon2id(receipt.canonical(), salt, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                     crypto_pwhash_MEMLIMIT_INTERACTIVE)
                .ok(),
            "Argon2id INTERACTIVE");
  });
  constexpr int kHashesPerRun = 100000;
  const double blake_batch_ms = MedianMs(5, [&] {
    uint8_t out[32];
    for (int i = 0; i < kHashesPerRun; ++i) {
      crypto_generichash(out, sizeof out, receipt.canonical().data(), receipt.canonical().size(),
                         nullptr, 0);
    }
  });
  const double blake_ms = blake_batch_ms / kHashesPerRun;

  const SecretBytes seed = SecretBytes::Random(32);
  const SecretBytes pass = SecretBytes::Copy(std::string_view("a long passphrase, typed"));
  Result<Bytes> file = Status(Code::kInternal, "not sealed yet");
  const double seal_ms = MedianMs(3, [&] {
    file = SealKeyFile(KeyKind::kReviewer, seed, pass);  // default params
    Require(file.ok(), "SealKeyFile");
  });
  const double open_ms = MedianMs(3, [&] {
    auto opened = OpenKeyFile(*file, pass);
    Require(opened.ok() && opened->seed.Equals(seed), "OpenKeyFile");
  });

  std::printf(
      "DeriveReceiptKeys (Argon2id t=2, 8 MiB, + 2 BLAKE2b + X25519): %8.1f ms (median of 9)\n",
      derive_ms);
  std::printf(
      "baseline Argon2id INTERACTIVE (t=%llu, %zu MiB):               %8.1f ms (median of 5)\n",
      static_cast<unsigned long long>(crypto_pwhash_OPSLIMIT_INTERACTIVE),
      static_cast<size_t>(crypto_pwhash_MEMLIMIT_INTERACTIVE >> 20), interactive_ms);
  std::printf("baseline one BLAKE2b-256 of 28 bytes:                           %8.5f ms\n",
              blake_ms);
  std::printf("ratio derive / INTERACTIVE: %.3f\n", derive_ms / interactive_ms);
  std::printf("ratio derive / BLAKE2b:     %.0f\n", derive_ms / blake_ms);
  std::printf(
      "key file seal, default params (t=3, 256 MiB):                   %8.1f ms (median of 3)\n",
      seal_ms);
  std::printf(
      "key file open, default params (t=3, 256 MiB):                   %8.1f ms (median of 3)\n",
      open_ms);
  return 0;
}
