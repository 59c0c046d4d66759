// Command-line parsing and exit-code mapping.
#include <catch2/catch_test_macros.hpp>

#include "cli/cli_options.h"

namespace dojava::cli {
namespace {

Exit ExitOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Failure& e) {
    return e.exit;
  }
  return Exit::kOk;
}

TEST_CASE("options: shared options, positionals, unknown options are usage errors", "[cli][args]") {
  CommonOptions o;
  std::string case_arg, text;
  po::options_description d("t");
  AddCommonOptions(&d, kServerOpts | kKeyOpts | kJsonOpt, &o);
  d.add_options()("case", po::value(&case_arg)->required(), "")("text", po::value(&text), "");
  po::positional_options_description p;
  p.add("case", 1).add("text", 1);
  ParseArgs({"ABCD", "hello world", "--server", "http://127.0.0.1:1", "--json", "--key-file", "k",
             "--passphrase-file=pf", "--socks5", "127.0.0.1:9050"},
            d, p, "t");
  CHECK(case_arg == "ABCD");
  CHECK(text == "hello world");
  CHECK(o.server == "http://127.0.0.1:1");
  CHECK(o.json);
  CHECK(o.key_file == "k");
  CHECK(o.passphrase_file == "pf");
  CHECK(o.socks5 == "127.0.0.1:9050");

  CommonOptions o2;
  std::string c2;
  po::options_description d2("t");
  AddCommonOptions(&d2, kServerOpts, &o2);
  d2.add_options()("case", po::value(&c2)->required(), "");
  po::positional_options_description p2;
  p2.add("case", 1);
  CHECK(ExitOf([&] { ParseArgs({"--bogus"}, d2, p2, "t"); }) == Exit::kUsage);
  CHECK(ExitOf([&] { ParseArgs({}, d2, p2, "t"); }) == Exit::kUsage);          // CASE missing
  CHECK(ExitOf([&] { ParseArgs({"a", "b"}, d2, p2, "t"); }) == Exit::kUsage);  // extra word
  CHECK(ExitOf([&] {
          ParseArgs({"a", "--serv", "x"}, d2, p2, "t");
        }) == Exit::kUsage);  // no guessing
  // A case id may begin with '-': it stays positional.
  std::string c3;
  po::options_description d4("t");
  CommonOptions o4;
  AddCommonOptions(&d4, kServerOpts | kJsonOpt, &o4);
  d4.add_options()("case", po::value(&c3)->required(), "")("output,o", po::value<std::string>(),
                                                           "");
  ParseArgs({"--server", "unix:/x", "-ojxOY8gQUIBaDiJCgdfbg", "-o", "-out"}, d4, p2, "t");
  CHECK(c3 == "-ojxOY8gQUIBaDiJCgdfbg");
  CHECK(o4.server == "unix:/x");
  // So may a case-id prefix (one id in 64 begins with '-'; `get` by prefix
  // failed with "unrecognised option" then); -o still takes its value.
  std::string c5;
  po::options_description d5("t");
  CommonOptions o5;
  AddCommonOptions(&d5, kServerOpts, &o5);
  d5.add_options()("case", po::value(&c5)->required(), "")("output,o", po::value<std::string>(),
                                                           "");
  auto v5 = ParseArgs({"-159VI", "-o", "got", "--server", "unix:/x"}, d5, p2, "t");
  CHECK(c5 == "-159VI");
  CHECK(v5["output"].as<std::string>() == "got");
  // There is no --passphrase option at all: secrets never come from argv.
  CommonOptions o3;
  po::options_description d3("t");
  AddCommonOptions(&d3, kKeyOpts, &o3);
  CHECK(ExitOf([&] { ParseArgs({"--passphrase", "x"}, d3, {}, "t"); }) == Exit::kUsage);
}

TEST_CASE("exit codes for each kind of failure", "[cli][args]") {
  CHECK(ExitFor(Status(Code::kIoError, "")) == Exit::kUnreachable);
  CHECK(ExitFor(Status(Code::kWrongPassphrase, "")) == Exit::kPassphrase);
  CHECK(ExitFor(Status(Code::kBadSignature, "")) == Exit::kTrust);
  CHECK(ExitFor(Status(Code::kRollback, "")) == Exit::kTrust);
  CHECK(ExitFor(Status(Code::kNotFound, "")) == Exit::kNotFound);
  CHECK(ExitFor(Status(Code::kDecryptFailed, "")) == Exit::kIntegrity);
  CHECK(ExitFor(Status(Code::kPermissionDenied, "")) == Exit::kAuth);
  CHECK(ExitFor(Status(Code::kAlreadyExists, "")) == Exit::kRefused);
  // Protocol v2 outcomes: a key or roster the reader must not trust, or a case out of order.
  for (Code c : {Code::kExpired, Code::kBrokenChain, Code::kWrongKey, Code::kRetiredAuthor}) {
    CHECK(ExitFor(Status(c, "")) == Exit::kTrust);
  }
  CHECK(ExitFor(Status(Code::kReordered, "")) == Exit::kIntegrity);
  CHECK(static_cast<int>(Exit::kUnreachable) == 3);
  CHECK(static_cast<int>(Exit::kAuth) == 9);
}

TEST_CASE("OpenConnection rejects bad --server and --socks5 as usage errors", "[cli][args]") {
  CommonOptions o;
  o.state_dir = "/nonexistent-state";
  o.server = "https://x.onion";
  CHECK(ExitOf([&] { OpenConnection(o); }) == Exit::kUsage);
  o.server = "http://x.onion";
  o.socks5 = "127.0.0.1";
  CHECK(ExitOf([&] { OpenConnection(o); }) == Exit::kUsage);
  o.socks5 = "127.0.0.1:9050";
  CHECK(ExitOf([&] { OpenConnection(o); }) == Exit::kOk);
  o.server = "unix:/tmp/x.sock";
  CHECK(ExitOf([&] { OpenConnection(o); }) == Exit::kUsage);  // socks5 with unix
}

}  // namespace
}  // namespace dojava::cli
