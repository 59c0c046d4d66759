#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace dojava::cli {
namespace {

std::string Human(uint64_t bytes) {
  char buf[32];
  if (bytes >= (1u << 20)) {
    std::snprintf(buf, sizeof(buf), "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  } else {
    std::snprintf(buf, sizeof(buf), "%.1f KiB", static_cast<double>(bytes) / 1024);
  }
  return buf;
}

}  // namespace

Progress::Progress(std::string label)
    : label_(std::move(label)), tty_(::isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
  if (drawn_) std::cerr << "\n";
}

client::TransferControl Progress::Control() {
  client::TransferControl c;
  c.progress = [this](uint64_t done, uint64_t total) { Update(done, total); };
  c.resumed = [this](uint64_t first, uint64_t chunks) {
    std::cerr << "resuming " << label_ << " at chunk " << first << " of " << chunks << "\n";
  };
  return c;
}

void Progress::Update(uint64_t done, uint64_t total) {
  if (!tty_) return;
  const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  drawn_ = true;
  std::cerr << "\r" << label_ << ": " << Human(done) << " / " << Human(total) << " (" << percent
            << "%)   " << std::flush;
}

}  // namespace dojava::cli
