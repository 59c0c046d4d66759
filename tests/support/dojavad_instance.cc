#include "tests/support/dojavad_instance.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <catch2/catch_test_macros.hpp>
#include <fstream>

#include "base/encoding.h"
#include "crypto/admin_key.h"

namespace dojava::testing {
namespace {

constexpr const char* kPassphrase = "correct horse battery staple\n";
constexpr size_t kInstanceIdChars = 22;  // base64url of 16 bytes

}  // namespace

void WritePrivateFile(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
  ::chmod(path.c_str(), 0600);
}

DojavadInstance::DojavadInstance(InstanceOptions options) : options_(std::move(options)) {
  WritePrivateFile(Path("pass"), kPassphrase);
  MakeAdminKey();
  init_ = RunDojavad({"init", "--data-dir", data_dir(), "--admin-public-key", admin_public_key_,
                      "--name", options_.name});
  INFO(init_.out << init_.err);
  REQUIRE(init_.exit_code == 0);
}

void DojavadInstance::MakeAdminKey() {
  if (!options_.admin_key_by_cli) {
    const crypto::AdminKey admin = crypto::AdminKey::Generate();
    admin_public_key_ = Base64UrlEncode(admin.public_key());
    return;
  }
  const ProcessResult admin =
      Cli({"admin", "init", "--key-file", Path("admin.key"), "--passphrase-file", Path("pass"),
           "--kdf-memory-mib", "8", "--json"});
  INFO(admin.err);
  REQUIRE(admin.exit_code == 0);
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(admin.out, ec);
  REQUIRE((!ec && v.is_object()));
  admin_public_key_ = std::string(v.as_object().at("admin_public_key").as_string());
  fingerprint_ = std::string(v.as_object().at("fingerprint").as_string());
}

std::string DojavadInstance::instance_id() const {
  const size_t at = init_.out.find("instance id: ");
  REQUIRE(at != std::string::npos);
  return init_.out.substr(at + 13, kInstanceIdChars);
}

std::unique_ptr<DojavadServer> DojavadInstance::Serve(const std::vector<std::string>& overrides) {
  std::vector<std::string> args;
  if (options_.rate_limits_off) {
    for (const char* cls : {"static", "api", "upload", "costly", "download"}) {
      args.push_back(std::string("rate.") + cls + ".global_per_second=0");
      args.push_back(std::string("rate.") + cls + ".circuit_per_second=0");
    }
  }
  if (source_port_ != 0) {
    args.push_back("source.listen=127.0.0.1:" + std::to_string(source_port_));
    args.push_back("reviewer.listen=127.0.0.1:" + std::to_string(reviewer_port_));
  }
  args.insert(args.end(), overrides.begin(), overrides.end());
  auto server = std::make_unique<DojavadServer>(data_dir(), args);
  INFO(server->Stderr());
  REQUIRE(server->ok());
  source_port_ = server->source_port();
  reviewer_port_ = server->reviewer_port();
  return server;
}

ProcessResult DojavadInstance::Cli(const std::vector<std::string>& args,
                                   const std::string& input) const {
  return RunCli(args, input);
}

std::string DojavadInstance::AddReviewer(const std::string& name) {
  const std::string key = Path(name + ".key");
  const ProcessResult keygen = Cli(
      {"keygen", "--key-file", key, "--passphrase-file", Path("pass"), "--kdf-memory-mib", "8"});
  INFO(keygen.err);
  REQUIRE(keygen.exit_code == 0);
  const ProcessResult add =
      Cli({"roster", "add", "--server", ReviewerUrl(), "--state-dir", Path("state-admin"),
           "--admin-key", Path("admin.key"), "--passphrase-file", Path("pass"), "--name", name,
           "--reviewer-public", key + ".pub", "--json"});
  INFO(add.err);
  REQUIRE(add.exit_code == 0);
  return key;
}

void DojavadInstance::RenewRoster() {
  const ProcessResult renew =
      Cli({"roster", "renew", "--server", ReviewerUrl(), "--state-dir", Path("state-admin"),
           "--admin-key", Path("admin.key"), "--passphrase-file", Path("pass"), "--json"});
  INFO(renew.err);
  REQUIRE(renew.exit_code == 0);
}

ProcessResult DojavadInstance::As(const std::string& name, std::vector<std::string> args) const {
  for (const std::string& a : {std::string("--server"), ReviewerUrl(), std::string("--key-file"),
                               Path(name + ".key"), std::string("--passphrase-file"), Path("pass"),
                               std::string("--state-dir"), Path("state-" + name)}) {
    args.push_back(a);
  }
  // The admin fingerprint as the reviewer has it from the admin (reviewers
  // never trust a first contact blindly).
  if (!fingerprint_.empty()) {
    args.push_back("--admin-fingerprint");
    args.push_back(fingerprint_);
  }
  return Cli(args);
}

ProcessResult DojavadInstance::AsSource(std::vector<std::string> args) const {
  for (const std::string& a :
       {std::string("--server"), SourceUrl(), std::string("--admin-fingerprint"), fingerprint_}) {
    args.push_back(a);
  }
  return Cli(args);
}

std::string DojavadInstance::Submit(const std::string& text, const std::vector<std::string>& attach,
                                    ProcessResult* failed, const std::string& text_name) {
  static std::atomic<int> n{0};
  const std::string file =
      Path(text_name.empty() ? "report-" + std::to_string(++n) + ".txt" : text_name);
  WritePrivateFile(file, text);
  std::vector<std::string> args = {"submit", "--text-file", file, "--json"};
  for (const auto& a : attach) {
    args.push_back("--attach");
    args.push_back(a);
  }
  const ProcessResult r = AsSource(args);
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(r.out, ec);
  if (r.exit_code != 0 || ec || !v.is_object() || !v.as_object().contains("receipt") ||
      !v.as_object().at("receipt").is_string()) {
    if (failed) *failed = r;
    return "";
  }
  return std::string(v.as_object().at("receipt").as_string());
}

ProcessResult DojavadInstance::Inbox(const std::string& receipt, const std::string& followup) {
  static std::atomic<int> n{0};
  const std::string file = Path("receipt-" + std::to_string(++n));
  WritePrivateFile(file, receipt + "\n");
  std::vector<std::string> args = {"inbox", "--receipt-file", file};
  if (!followup.empty()) {
    WritePrivateFile(file + ".followup", followup);
    args.push_back("--reply-file");
    args.push_back(file + ".followup");
  }
  ProcessResult r = AsSource(args);
  ::unlink(file.c_str());
  return r;
}

}  // namespace dojava::testing
