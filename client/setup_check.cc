#include "client/setup_check.h"

#include <chrono>

#include "client/fd_io.h"
#include "client/format.h"
#include "client/keys.h"
#include "client/server_url.h"

namespace dojava::client {
namespace {

using Outcome = SetupCheck::Outcome;

SetupCheck Ok(std::string name, std::string detail) {
  return {std::move(name), Outcome::kOk, std::move(detail), ""};
}
SetupCheck Failed(std::string name, std::string detail, std::string fix) {
  return {std::move(name), Outcome::kFail, std::move(detail), std::move(fix)};
}
SetupCheck Skipped(std::string name, std::string why) {
  return {std::move(name), Outcome::kSkipped, std::move(why), ""};
}

bool Has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

SetupCheck CheckKeyFile(const std::string& key_file) {
  const std::string name = "key file";
  auto bytes = ReadKeyFileAt(key_file);
  if (bytes.ok()) return Ok(name, key_file + ": yours only (mode 0600)");
  const std::string& m = bytes.status().message();
  std::string fix = "check the path, or create a key with: dojava keygen --key-file FILE";
  if (Has(m, "public key line")) {
    fix = "use your key file, the one without .pub";
  } else if (bytes.code() == Code::kPermissionDenied) {
    fix = "chmod 600 " + key_file + "  (and never put it on a shared or synced folder)";
  }
  return Failed(name, m, fix);
}

SetupCheck CheckTor(const ServerUrl& url, const ConnectionOptions& c) {
  const std::string name = "tor reachable";
  if (c.socks5.empty()) {
    if (url.is_onion()) {
      return Failed(name, "an .onion address needs tor, and no --socks5 was given",
                    "start tor and add --socks5 127.0.0.1:9050 (Tor Browser: 127.0.0.1:9150)");
    }
    return Ok(name, "not needed: " + url.canonical + " is on this computer");
  }
  auto hp = ParseHostPort(c.socks5);
  if (!hp.ok()) return Failed(name, hp.status().message(), "give --socks5 HOST:PORT");
  auto fd = ConnectTcp(hp->host, hp->port, Clock::now() + std::chrono::seconds(kTorConnectSeconds));
  if (!fd.ok()) {
    return Failed(name, "nothing answers at " + c.socks5 + " (" + fd.status().message() + ")",
                  "start tor (sudo systemctl start tor) or Tor Browser, whose port is 9150");
  }
  return Ok(name, "tor's SOCKS port " + c.socks5 + " answers");
}

// Onion reachable and client authorization, from the instance fetch.
void CheckOnion(const ServerUrl& url, const Status& fetched, std::vector<SetupCheck>* out) {
  const bool onion = url.is_onion();
  if (fetched.ok()) {
    out->push_back(Ok("onion reachable", url.canonical + " answers"));
    out->push_back(onion ? Ok("client authorization", "accepted")
                         : Skipped("client authorization", "not used for a local server"));
    return;
  }
  const std::string& m = fetched.message();
  if (Has(m, "client authorization")) {
    out->push_back(Ok("onion reachable", "the onion service exists"));
    out->push_back(
        Failed("client authorization", m,
               "generate a client-auth key pair, give the public part to your operator, and put "
               "ADDRESS.auth_private into the directory named by ClientOnionAuthDir in your torrc "
               "(Tor Browser asks for the key when you open the address)"));
    return;
  }
  out->push_back(Failed("onion reachable", m,
                        onion ? "check the address with your operator; the service may be down, or "
                                "tor may still be starting: try again in a minute"
                              : "check the address and that dojavad is running"));
  out->push_back(Skipped("client authorization", "the server was not reached"));
}

// This computer's date: sane, and not before any activity the server has
// (asks the server for cases active after today).
SetupCheck CheckClock(ApiClient& api) {
  const int64_t today = TodayDay();
  auto ahead = api.ListCases(today + 1);
  if (today < kEarliestSaneDay) {
    return Failed("clock", "this computer's date is " + DayText(today),
                  "set the date and time (enable automatic time)");
  }
  if (ahead.ok() && !ahead->empty()) {
    return Failed("clock",
                  "the server has activity on " + DayText(ahead->back().last_activity_day) +
                      ", after this computer's date " + DayText(today),
                  "set the date and time (enable automatic time)");
  }
  return Ok("clock", "today is " + DayText(today) +
                         " here, none of the server's "
                         "activity is later");
}

}  // namespace

std::vector<SetupCheck> CheckSetup(const ConnectionOptions& connection, const TrustOptions& trust,
                                   const std::string& key_file, const ReviewerKeySource& key_source,
                                   const EpochKeySource& epoch_source) {
  std::vector<SetupCheck> out;
  const SetupCheck key = CheckKeyFile(key_file);
  out.push_back(key);
  auto conn = Connection::Open(connection);
  if (!conn.ok()) {
    out.push_back(Failed("server address", conn.status().message(),
                         "give the reviewer address your admin or operator sent you"));
    return out;
  }
  const ServerUrl url = (*conn)->url();
  out.push_back(CheckTor(url, connection));
  if (out.back().outcome == Outcome::kFail) {
    out.push_back(Skipped("onion reachable", "tor is not reachable"));
    return out;
  }
  ReviewerSession s;
  s.conn = std::move(conn).value();
  auto inst = FetchTrustedInstance(*s.conn, trust);
  const bool reached = inst.ok() || inst.code() != Code::kIoError;
  CheckOnion(url, reached ? Status::Ok() : inst.status(), &out);
  if (!reached) return out;
  if (!inst.ok()) {
    out.push_back(Failed("admin key", inst.status().message(),
                         "compare the fingerprint with the one your organisation gave you; give "
                         "it with --admin-fingerprint, or use --onboarding FILE from your admin"));
    return out;
  }
  s.inst = std::move(inst).value();
  out.push_back(Ok("admin key", "fingerprint " + s.inst.info.admin_fingerprint + " as pinned"));
  if (!s.inst.roster) {
    out.push_back(Failed("listed in the roster", "the server has no roster yet",
                         "the admin must add you: dojava roster add"));
    return out;
  }
  if (key.outcome != Outcome::kOk) {
    out.push_back(Skipped("listed in the roster", "the key file is not usable"));
    return out;
  }
  auto opened = key_source();
  if (!opened.ok()) {
    out.push_back(Failed("listed in the roster", opened.status().message(),
                         "type the passphrase of this key file"));
    return out;
  }
  auto me = IdentifyWithEpochs(std::move(opened).value(), s.roster(), epoch_source);
  if (!me.ok()) {
    out.push_back(Failed("listed in the roster", me.status().message(),
                         "give the line in " + key_file + ".pub to your admin"));
    return out;
  }
  out.push_back(Ok("listed in the roster", "as " + me->name + " (roster version " +
                                               std::to_string(s.roster().version()) + ")"));
  s.me.emplace(std::move(me).value());
  Status login = EnsureLoggedIn(s);
  if (!login.ok()) {
    out.push_back(Failed("login", login.message(),
                         login.code() == Code::kInvalidArgument
                             ? "use the reviewer address, not the source address"
                             : "ask your admin whether the roster lists your current key"));
    return out;
  }
  out.push_back(Ok("login", "accepted"));
  out.push_back(CheckClock(s.api()));
  return out;
}

}  // namespace dojava::client
