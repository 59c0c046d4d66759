// Transfer progress on the terminal: "NAME: 30.0 MiB / 60.0 MiB (50%)" on
// stderr, rewritten in place, only when stderr is a terminal.
#ifndef DOJAVA_CLI_PROGRESS_H_
#define DOJAVA_CLI_PROGRESS_H_

#include <cstdint>
#include <string>

#include "client/transfer.h"

namespace dojava::cli {

class Progress {
 public:
  explicit Progress(std::string label);
  ~Progress();  // ends the line if one was drawn
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Callbacks that draw on this object (which must outlive the transfer).
  client::TransferControl Control();

 private:
  void Update(uint64_t done, uint64_t total);

  std::string label_;
  bool tty_;
  bool drawn_ = false;
  int last_percent_ = -1;
};

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_PROGRESS_H_
