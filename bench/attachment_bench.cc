// Throughput of the attachment streaming API (crypto/attachment.h) against
// the bare libsodium AEAD over the same 512 KiB chunks, in the same run, so
// the ratio is the cost of the §9 framing, the look-ahead and the sinks.
// Goal: ratio >= 0.9 for both directions.
//
// Not a test (no ctest entry, no assertion on time): run it by hand.
//   build/default/bench/attachment_bench [--mib N] [--rounds R]
//
// The work is a 64-chunk file (32 MiB) encrypted or decrypted repeatedly
// until N MiB have been processed; raw and streaming alternate within each
// round so that noise from other processes hits both.
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/attachment.h"

namespace {

using dojava::Bytes;
using dojava::ByteView;
using dojava::Status;
using dojava::crypto::AttachmentDecryptor;
using dojava::crypto::AttachmentEncryptor;
using dojava::crypto::FileSecrets;
using dojava::protocol::kChunkPlainSize;
using dojava::protocol::kChunkRecordSize;

constexpr double kGoal = 0.9;
constexpr size_t kChunksPerFile = 64;

struct Options {
  uint64_t mib = 256;
  int rounds = 5;
};

bool ParseOptions(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--mib" || arg == "--rounds") && i + 1 < argc) {
      char* end = nullptr;
      const unsigned long long value = std::strtoull(argv[++i], &end, 10);
      if (end == argv[i] || *end != '\0' || value == 0 || value > 1u << 20) return false;
      if (arg == "--mib")
        options->mib = value;
      else
        options->rounds = static_cast<int>(std::min<unsigned long long>(value, 1000));
    } else {
      return false;
    }
  }
  return true;
}

// §9.2 nonce and AD, precomputed for the raw baseline so that it measures
// only the AEAD.
struct ChunkParams {
  unsigned char nonce[24];
  unsigned char ad[38];  // L(label) 16 + version 1 + file_id 16 + u32 4 + last 1
};

std::vector<ChunkParams> MakeParams(const FileSecrets& secrets, size_t count) {
  std::vector<ChunkParams> params(count);
  for (size_t i = 0; i < count; ++i) {
    ChunkParams& p = params[i];
    std::memcpy(p.nonce, secrets.nonce_prefix().data(), 20);
    const unsigned char be[4] = {static_cast<unsigned char>(i >> 24),
                                 static_cast<unsigned char>(i >> 16),
                                 static_cast<unsigned char>(i >> 8), static_cast<unsigned char>(i)};
    std::memcpy(p.nonce + 20, be, 4);
    std::memcpy(p.ad, "dojava/v1/chunk", 16);  // with its 0x00
    p.ad[16] = 1;
    std::memcpy(p.ad + 17, secrets.file_id().data(), 16);
    std::memcpy(p.ad + 33, be, 4);
    p.ad[37] = i + 1 == count ? 1 : 0;
  }
  return params;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) {
    std::fprintf(stderr, "usage: %s [--mib N] [--rounds R]\n", argv[0]);
    return 2;
  }
  dojava::EnsureSodium();

  const size_t chunks_total = std::max<uint64_t>(1, options.mib * 1024 * 1024 / kChunkPlainSize);
  const size_t per_file = std::min(kChunksPerFile, chunks_total);
  const size_t files = std::max<size_t>(1, chunks_total / per_file);
  const double megabytes = static_cast<double>(files * per_file * kChunkPlainSize) / 1e6;

  const FileSecrets secrets = FileSecrets::Generate();
  const ByteView key = secrets.file_key().reveal();
  const std::vector<ChunkParams> params = MakeParams(secrets, per_file);

  // A file of per_file chunks exactly: its last chunk holds 524287 bytes and
  // the marker, so both sides seal per_file * 524288 bytes.
  Bytes plain(per_file * kChunkPlainSize - 1);
  randombytes_buf(plain.data(), plain.size());
  Bytes padded_last(plain.end() - static_cast<std::ptrdiff_t>(kChunkPlainSize - 1), plain.end());
  padded_last.push_back(0x80);

  // The file's records, for the decryption runs (checked against the raw
  // AEAD below, so both sides decrypt the same bytes).
  Bytes records;
  records.reserve(per_file * kChunkRecordSize);
  {
    AttachmentEncryptor encryptor(secrets, [&](ByteView record) {
      records.insert(records.end(), record.begin(), record.end());
      return Status::Ok();
    });
    if (!encryptor.Update(plain).ok() || !encryptor.Finish().ok()) return 1;
  }

  Bytes raw_out(kChunkRecordSize);
  Bytes raw_plain(kChunkPlainSize);
  unsigned sink_check = 0;  // keeps the sinks' work observable

  auto raw_encrypt = [&] {
    for (size_t f = 0; f < files; ++f) {
      for (size_t i = 0; i < per_file; ++i) {
        const unsigned char* m =
            i + 1 == per_file ? padded_last.data() : plain.data() + i * kChunkPlainSize;
        raw_out[0] = 1;
        crypto_aead_xchacha20poly1305_ietf_encrypt(raw_out.data() + 1, nullptr, m, kChunkPlainSize,
                                                   params[i].ad, sizeof params[i].ad, nullptr,
                                                   params[i].nonce, key.data());
        sink_check += raw_out[kChunkRecordSize - 1];
      }
    }
  };
  auto stream_encrypt = [&] {
    for (size_t f = 0; f < files; ++f) {
      AttachmentEncryptor encryptor(secrets, [&](ByteView record) {
        sink_check += record.back();
        return Status::Ok();
      });
      // Fed a chunk at a time, as EncryptStream and EncryptFd do.
      for (size_t pos = 0; pos < plain.size(); pos += kChunkPlainSize) {
        const size_t n = std::min(kChunkPlainSize, plain.size() - pos);
        if (!encryptor.Update(ByteView(plain).subspan(pos, n)).ok()) std::abort();
      }
      if (!encryptor.Finish().ok()) std::abort();
    }
  };
  auto raw_decrypt = [&] {
    for (size_t f = 0; f < files; ++f) {
      for (size_t i = 0; i < per_file; ++i) {
        const unsigned char* c = records.data() + i * kChunkRecordSize + 1;
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                raw_plain.data(), nullptr, nullptr, c, kChunkRecordSize - 1, params[i].ad,
                sizeof params[i].ad, params[i].nonce, key.data()) != 0) {
          std::abort();
        }
        sink_check += raw_plain[0];
      }
    }
  };
  auto stream_decrypt = [&] {
    for (size_t f = 0; f < files; ++f) {
      AttachmentDecryptor decryptor(secrets, [&](ByteView chunk) {
        sink_check += chunk.front();
        return Status::Ok();
      });
      for (size_t i = 0; i < per_file; ++i) {
        if (!decryptor.Push(ByteView(records).subspan(i * kChunkRecordSize, kChunkRecordSize))
                 .ok()) {
          std::abort();
        }
      }
      if (!decryptor.Finish().ok()) std::abort();
    }
  };
  auto time = [](auto&& run) {
    const auto start = std::chrono::steady_clock::now();
    run();
    return Seconds(start);
  };

  raw_decrypt();  // the records open with the raw AEAD: same work on both sides
  std::printf("attachment_bench: %zu MiB per run (%zu files x %zu chunks of 512 KiB), %d rounds\n",
              files * per_file / 2, files, per_file, options.rounds);
  std::printf("%-6s %12s %12s %7s %12s %12s %7s\n", "round", "raw enc", "stream enc", "ratio",
              "raw dec", "stream dec", "ratio");
  std::vector<double> enc_ratios, dec_ratios;
  for (int round = 0; round < options.rounds; ++round) {
    double raw_e, stream_e, raw_d, stream_d;
    // Alternate which side goes first, against drift in machine load.
    if (round % 2 == 0) {
      raw_e = time(raw_encrypt);
      stream_e = time(stream_encrypt);
      raw_d = time(raw_decrypt);
      stream_d = time(stream_decrypt);
    } else {
      stream_e = time(stream_encrypt);
      raw_e = time(raw_encrypt);
      stream_d = time(stream_decrypt);
      raw_d = time(raw_decrypt);
    }
    enc_ratios.push_back(raw_e / stream_e);
    dec_ratios.push_back(raw_d / stream_d);
    std::printf("%-6d %8.0f MB/s %7.0f MB/s %7.3f %7.0f MB/s %7.0f MB/s %7.3f\n", round + 1,
                megabytes / raw_e, megabytes / stream_e, enc_ratios.back(), megabytes / raw_d,
                megabytes / stream_d, dec_ratios.back());
  }
  const double enc = Median(enc_ratios), dec = Median(dec_ratios);
  std::printf("median ratio (streaming / raw): encrypt %.3f, decrypt %.3f (goal >= %.2f): %s\n",
              enc, dec, kGoal, enc >= kGoal && dec >= kGoal ? "goal met" : "goal NOT met");
  std::printf("(sink check %u)\n", sink_check);
  return 0;
}
