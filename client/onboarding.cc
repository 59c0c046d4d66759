#include "client/onboarding.h"

#include <cctype>
#include <fstream>
#include <iterator>
#include <sstream>

#include "client/server_url.h"

namespace dojava::client {
namespace {

bool IsFingerprint(std::string_view fp) {
  size_t hex = 0;
  for (char c : fp) {
    if (std::isxdigit(static_cast<unsigned char>(c))) {
      ++hex;
    } else if (c != ' ') {
      return false;
    }
  }
  return hex == 40;
}

}  // namespace

std::string FormatOnboarding(const Onboarding& o) {
  std::string r(kOnboardingHeader);
  r += "\n";
  if (!o.name.empty()) r += "name: " + o.name + "\n";
  r += "server: " + o.server + "\nadmin-fingerprint: " + o.admin_fingerprint + "\n";
  return r;
}

Result<Onboarding> ParseOnboarding(std::string_view text) {
  if (text.size() > kMaxOnboardingBytes) {
    return Status(Code::kMalformed, "an onboarding file is at most 4096 bytes");
  }
  std::istringstream in{std::string(text)};
  std::string line;
  if (!std::getline(in, line) || line != kOnboardingHeader) {
    return Status(Code::kMalformed, "not a Dojava onboarding file (first line must be " +
                                        std::string(kOnboardingHeader) + ")");
  }
  Onboarding o;
  bool has_name = false, has_server = false, has_fp = false;
  int number = 1;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = "onboarding file line " + std::to_string(number);
    const size_t colon = line.find(": ");
    if (colon == std::string::npos)
      return Status(Code::kMalformed, where + ": expected KEY: VALUE");
    const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    for (char c : value) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        return Status(Code::kMalformed, where + ": control character");
      }
    }
    bool* seen = key == "name"                ? &has_name
                 : key == "server"            ? &has_server
                 : key == "admin-fingerprint" ? &has_fp
                                              : nullptr;
    if (seen == nullptr) return Status(Code::kMalformed, where + ": unknown key '" + key + "'");
    if (*seen) return Status(Code::kMalformed, where + ": '" + key + "' given twice");
    *seen = true;
    if (key == "name") {
      o.name = value;
    } else if (key == "server") {
      if (!ParseServerUrl(value).ok()) {
        return Status(Code::kMalformed, where + ": not a server address");
      }
      o.server = value;
    } else {
      if (!IsFingerprint(value)) {
        return Status(Code::kMalformed, where + ": not an admin key fingerprint");
      }
      o.admin_fingerprint = value;
    }
  }
  if (!has_server || !has_fp) {
    return Status(Code::kMalformed, "the onboarding file lacks 'server' or 'admin-fingerprint'");
  }
  return o;
}

Result<Onboarding> ReadOnboardingFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, path + ": cannot read");
  std::string text;
  text.resize(kMaxOnboardingBytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  auto o = ParseOnboarding(text);
  if (!o.ok()) return Status(o.code(), path + ": " + o.status().message());
  return o;
}

}  // namespace dojava::client
