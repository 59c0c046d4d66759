// The onboarding file (F11): written and read back, strict about anything else.
#include "client/onboarding.h"

#include <catch2/catch_test_macros.hpp>

namespace dojava::client {
namespace {

const char* kFp = "3f2a 9c01 0000 1111 2222 3333 4444 5555 6666 7777";

TEST_CASE("onboarding file: format and strict parse", "[client][onboarding]") {
  const Onboarding o{"Newsroom", "http://" + std::string(56, 'a') + ".onion", kFp};
  const std::string text = FormatOnboarding(o);
  auto back = ParseOnboarding(text);
  REQUIRE(back.ok());
  CHECK(back->name == o.name);
  CHECK(back->server == o.server);
  CHECK(back->admin_fingerprint == o.admin_fingerprint);
  // The name is optional; the order of keys is free.
  auto minimal = ParseOnboarding(std::string("dojava-onboarding-v1\nadmin-fingerprint: ") + kFp +
                                 "\nserver: http://127.0.0.1:8081\n");
  REQUIRE(minimal.ok());
  CHECK(minimal->name.empty());

  const std::string header = "dojava-onboarding-v1\n";
  const std::string server = "server: http://127.0.0.1:8081\n";
  const std::string fp = std::string("admin-fingerprint: ") + kFp + "\n";
  for (const std::string& bad : {
           std::string("dojava-onboarding-v2\n") + server + fp,  // unknown version
           header + server,                                      // no fingerprint
           header + fp,                                          // no server
           header + server + server + fp,                        // twice
           header + server + fp + "extra: x\n",                  // unknown key
           header + "server: https://x.onion\n" + fp,            // not an address we accept
           header + server + "admin-fingerprint: 3f2a\n",        // too short
           header + server + fp + "name: a\x1b[2Jb\n",           // control character
           header + server + fp + "no colon\n",
       }) {
    INFO(bad);
    CHECK(ParseOnboarding(bad).code() == Code::kMalformed);
  }
  CHECK(ParseOnboarding(header + server + fp + std::string(kMaxOnboardingBytes, ' ')).code() ==
        Code::kMalformed);
}

}  // namespace
}  // namespace dojava::client
