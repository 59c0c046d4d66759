// The notification options and message (service/notify/notifier.h): what
// would put something unwanted into a header or send without TLS is refused.
#include <catch2/catch_test_macros.hpp>

#include "service/notify/notifier.h"

using dojava::notify::ComposeMessage;
using dojava::notify::NotifyOptions;
using dojava::notify::ValidateNotifyOptions;

namespace {
NotifyOptions Good() {
  NotifyOptions o;
  o.smtp_url = "smtps://mail.example.org:465";
  o.from = "dojava@example.org";
  o.to = "desk@example.org, editor@example.org";
  return o;
}
}  // namespace

TEST_CASE("notify: off by default, and a working configuration is accepted", "[notify]") {
  CHECK(NotifyOptions().smtp_url.empty());
  CHECK(ValidateNotifyOptions(NotifyOptions()).ok());
  CHECK(ValidateNotifyOptions(Good()).ok());
  NotifyOptions starttls = Good();
  starttls.smtp_url = "smtp://[2001:db8::1]:587";
  CHECK(ValidateNotifyOptions(starttls).ok());
}

TEST_CASE("notify: only smtp(s)://HOST[:PORT]", "[notify]") {
  for (const char* url : {"http://mail.example.org", "smtp://mail.example.org/path",
                          "smtp://user:pw@mail.example.org", "smtp://", "mail.example.org:25",
                          "smtp://mail.example.org?x", "imap://mail.example.org"}) {
    NotifyOptions o = Good();
    o.smtp_url = url;
    INFO(url);
    CHECK_FALSE(ValidateNotifyOptions(o).ok());
  }
}

TEST_CASE("notify: nothing can break a header or an envelope", "[notify]") {
  for (const char* a : {"a@b\r\nBcc: x@y", "a b@c", "<a@b>", "a@b,c@d", "noat", ""}) {
    NotifyOptions o = Good();
    o.from = a;
    INFO(a);
    CHECK_FALSE(ValidateNotifyOptions(o).ok());
  }
  NotifyOptions o = Good();
  o.to = "desk@example.org,,x@y";
  CHECK_FALSE(ValidateNotifyOptions(o).ok());
  o = Good();
  o.label = "x\r\nBcc: spy@example.org";
  CHECK_FALSE(ValidateNotifyOptions(o).ok());
  o = Good();
  o.smtp_user = "u";  // a login needs a password file
  CHECK_FALSE(ValidateNotifyOptions(o).ok());
  o = Good();
  o.max_delay_seconds = o.min_period_seconds + 1;
  CHECK_FALSE(ValidateNotifyOptions(o).ok());
}

TEST_CASE("notify: the message is the fixed text; a non-ASCII label is encoded", "[notify]") {
  const std::string m = ComposeMessage(Good(), dojava::notify::ActivityLine("Истраживачи Đ"), true);
  CHECK(m.find("Subject: =?UTF-8?B?") != std::string::npos);
  CHECK(m.find("To: desk@example.org, editor@example.org\r\n") != std::string::npos);
  CHECK(m.find("\r\n\r\nThere is new activity in Истраживачи Đ.\r\n") != std::string::npos);
  const std::string plain = ComposeMessage(Good(), dojava::notify::ActivityLine("Newsroom"), true);
  CHECK(plain.find("Subject: There is new activity in Newsroom.\r\n") != std::string::npos);
  CHECK(plain.find("Date:") == std::string::npos);  // no time from this host
}
