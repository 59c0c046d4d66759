// `dojava doctor`: checks a reviewer's setup step by step
// (client/setup_check.h) and prints each check with the fix.
#include <iostream>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "client/setup_check.h"
#include "crypto/protocol_constants.h"

namespace dojava::cli {

int RunDoctor(const Args& args) {
  CommonOptions o;
  po::options_description d("doctor");
  AddCommonOptions(&d, kServerOpts | kKeyOpts, &o);
  ParseArgs(args, d, {}, "dojava doctor --server URL [--socks5 HOST:PORT] --key-file FILE");
  auto key_source = [&]() -> Result<crypto::ReviewerKey> {
    try {
      SecretBytes seed = OpenKeySeed(o.key_file, o.passphrase_file, protocol::kKeyKindReviewer);
      return crypto::ReviewerKey::FromSeed(seed);
    } catch (const Failure& f) {
      return Status(Code::kWrongPassphrase, f.message);
    }
  };
  const auto checks = client::CheckSetup(ConnectionOptionsFor(o), TrustOptionsFor(o, nullptr),
                                         o.key_file, key_source);
  bool failed = false;
  for (const auto& c : checks) {
    using Outcome = client::SetupCheck::Outcome;
    const char* mark = c.outcome == Outcome::kOk     ? "ok  "
                       : c.outcome == Outcome::kFail ? "FAIL"
                                                     : "skip";
    std::cout << mark << "  " << c.name << ": " << c.detail << "\n";
    if (c.outcome == Outcome::kFail) {
      std::cout << "      fix: " << c.fix << "\n";
      failed = true;
    }
  }
  std::cout << (failed ? "Something needs fixing (see above).\n" : "All good.\n");
  return failed ? static_cast<int>(Exit::kError) : 0;
}

}  // namespace dojava::cli
