#include "service/notify/notifier.h"

#include <curl/curl.h>
#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>

#include "service/http/log.h"

namespace dojava::notify {
namespace {

using Clock = std::chrono::steady_clock;

// A password file larger than this is a mistake, not a password.
constexpr size_t kMaxPasswordBytes = 4096;
// How often a transfer in progress looks at the stop flag (libcurl calls the
// progress callback about once a second, more often while data flows).
constexpr long kConnectTimeoutFraction = 2;
// The EHLO name: without a path in the URL, libcurl would announce this
// host's name to the relay.
constexpr const char* kEhloName = "localhost";

Status Bad(std::string_view key, std::string_view why) {
  return Status(Code::kInvalidArgument,
                "config key 'notify." + std::string(key) + "': " + std::string(why));
}

// An address for an SMTP envelope and a header: printable ASCII, no space,
// none of the characters that would end or split a header or an envelope.
bool ValidAddress(std::string_view a) {
  if (a.empty() || a.size() > 254 || a.find('@') == std::string_view::npos) return false;
  return std::all_of(a.begin(), a.end(), [](char c) {
    return c > ' ' && c < 0x7f && std::strchr("<>,;:\"()[]\\", c) == nullptr;
  });
}

std::vector<std::string> SplitRecipients(std::string_view to) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= to.size()) {
    size_t comma = to.find(',', start);
    if (comma == std::string_view::npos) comma = to.size();
    std::string_view part = to.substr(start, comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    out.emplace_back(part);
    start = comma + 1;
  }
  return out;
}

// "smtps://HOST[:PORT]" or "smtp://HOST[:PORT]", nothing else.
bool ValidUrl(std::string_view url) {
  std::string_view rest;
  if (url.rfind("smtps://", 0) == 0) {
    rest = url.substr(8);
  } else if (url.rfind("smtp://", 0) == 0) {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.size() > 255) return false;
  return std::all_of(rest.begin(), rest.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == ':' || c == '[' || c == ']';
  });
}

// RFC 2047 encoded word for a Subject that is not plain ASCII.
std::string HeaderText(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c < 0x7f; })) {
    return std::string(text);
  }
  std::string b64(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(std::strlen(b64.c_str()));
  return "=?UTF-8?B?" + b64 + "?=";
}

Result<SecretBytes> ReadPassword(const std::string& spec) {
  std::string path = spec;
  if (spec.rfind("credential:", 0) == 0) {
    const char* dir = std::getenv("CREDENTIALS_DIRECTORY");
    if (dir == nullptr) {
      return Status(Code::kNotFound,
                    "notify.smtp_password_file names a credential, but "
                    "$CREDENTIALS_DIRECTORY is not set (LoadCredential=)");
    }
    path = std::string(dir) + "/" + spec.substr(11);
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Status(Code::kNotFound, "notify.smtp_password_file: cannot read " + path);
  }
  if ((st.st_mode & 077) != 0) {
    return Status(Code::kPermissionDenied,
                  "notify.smtp_password_file: " + path + " is readable by others (chmod 0600)");
  }
  std::ifstream in(path, std::ios::binary);
  SecretBytes buf(kMaxPasswordBytes + 1);
  in.read(reinterpret_cast<char*>(buf.reveal_mut().data()), kMaxPasswordBytes + 1);
  size_t n = static_cast<size_t>(in.gcount());
  if (n > kMaxPasswordBytes) return Status(Code::kInvalidArgument, "notify: password too long");
  while (n > 0 && (buf.reveal()[n - 1] == '\n' || buf.reveal()[n - 1] == '\r')) --n;
  buf.Truncate(n);
  return buf;
}

struct Upload {
  std::string_view data;
  size_t offset = 0;
};

size_t ReadCallback(char* out, size_t size, size_t count, void* user) {
  auto* u = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, u->data.size() - u->offset);
  std::memcpy(out, u->data.data() + u->offset, n);
  u->offset += n;
  return n;
}

int ProgressCallback(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0;  // non-zero aborts
}

std::string ProxyUrl(const std::string& socks5) {
  // socks5h: tor resolves the relay's name (no DNS query from this host).
  if (socks5.rfind("unix:", 0) == 0) return "socks5h://localhost" + socks5.substr(5);
  return "socks5h://" + socks5;
}

void InitCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// One SMTP transaction. `cancel` aborts it (checked about once a second).
Status SendMessage(const NotifyOptions& o, const SecretBytes& password, std::string_view message,
                   const std::atomic<bool>* cancel) {
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return Status(Code::kInternal, "curl_easy_init failed");
  Upload upload{message};
  const std::string url = o.smtp_url + "/" + kEhloName;
  const std::string from = "<" + o.from + ">";
  curl_slist* rcpt = nullptr;
  for (const std::string& r : SplitRecipients(o.to)) {
    rcpt = curl_slist_append(rcpt, ("<" + r + ">").c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));  // TLS or nothing
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadCallback);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE, static_cast<long>(message.size()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(o.timeout_seconds));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT,
                   static_cast<long>(o.timeout_seconds) / kConnectTimeoutFraction);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, ProgressCallback);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(cancel));
  if (!o.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, o.ca_file.c_str());
  if (!o.socks5.empty()) {
    curl_easy_setopt(curl, CURLOPT_PROXY, ProxyUrl(o.socks5).c_str());
  }
  if (!o.smtp_user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, o.smtp_user.c_str());
    // libcurl copies the string (CURLOPT_PASSWORD); the NUL-terminated copy
    // made here is wiped at once.
    SecretBytes z(password.size() + 1);
    std::memcpy(z.reveal_mut().data(), password.reveal().data(), password.size());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, reinterpret_cast<const char*>(z.reveal().data()));
  }
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return Status(Code::kIoError, curl_easy_strerror(rc));
  return Status::Ok();
}

}  // namespace

Status ValidateNotifyOptions(const NotifyOptions& o) {
  if (o.smtp_url.empty()) return Status::Ok();
  if (!ValidUrl(o.smtp_url)) {
    return Bad("smtp_url", "expected smtps://HOST[:PORT] or smtp://HOST[:PORT] (STARTTLS)");
  }
  if (!ValidAddress(o.from)) return Bad("from", "expected one e-mail address");
  for (const std::string& r : SplitRecipients(o.to)) {
    if (!ValidAddress(r)) return Bad("to", "expected e-mail addresses separated by commas");
  }
  if (o.label.find_first_of("\r\n") != std::string::npos) return Bad("label", "one line");
  if (o.smtp_user.find_first_of("\r\n") != std::string::npos) return Bad("smtp_user", "one line");
  if (!o.smtp_user.empty() && o.smtp_password_file.empty()) {
    return Bad("smtp_password_file", "needed with notify.smtp_user");
  }
  if (o.socks5.find_first_of(" \r\n@/") != std::string::npos && o.socks5.rfind("unix:/", 0) != 0) {
    return Bad("socks5", "expected HOST:PORT or unix:/PATH");
  }
  DOJAVA_RETURN_IF_ERROR(NotifyOptions::Keys().Check(o, "notify."));  // the numbers' ranges
  if (o.max_delay_seconds > o.min_period_seconds) {
    return Bad("max_delay_seconds", "0 .. notify.min_period_seconds");
  }
  return Status::Ok();
}

std::string ActivityLine(std::string_view label) {
  return "There is new activity in " + std::string(label) + ".";
}

std::string ComposeMessage(const NotifyOptions& o, std::string_view line, bool activity) {
  std::string to;
  for (const std::string& r : SplitRecipients(o.to)) to += (to.empty() ? "" : ", ") + r;
  const std::string text(line);
  return "From: " + o.from + "\r\nTo: " + to + "\r\nSubject: " + HeaderText(text) +
         "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\n\r\n" +
         text + "\r\n\r\nThis message says nothing else, by design." +
         (activity ? " Open your reviewer client\r\n(through Tor) to see what is new.\r\n"
                   : "\r\n");
}

Status SendNow(const NotifyOptions& options, std::string_view line, std::string_view to) {
  NotifyOptions o = options;
  if (!to.empty()) o.to = std::string(to);
  DOJAVA_RETURN_IF_ERROR(ValidateNotifyOptions(o));
  if (o.smtp_url.empty()) return Status(Code::kInvalidArgument, "notify.smtp_url is not set");
  if (line.find_first_of("\r\n") != std::string_view::npos) {
    return Status(Code::kInvalidArgument, "the alert must be one line");
  }
  SecretBytes password;
  if (!o.smtp_password_file.empty()) {
    DOJAVA_ASSIGN_OR_RETURN(password, ReadPassword(o.smtp_password_file));
  }
  InitCurl();
  const std::atomic<bool> never{false};
  return SendMessage(o, password, ComposeMessage(o, line, false), &never);
}

Result<std::unique_ptr<Notifier>> Notifier::Start(const NotifyOptions& options,
                                                  std::string_view instance_name) {
  DOJAVA_RETURN_IF_ERROR(ValidateNotifyOptions(options));
  if (options.smtp_url.empty()) return Status(Code::kInvalidArgument, "notifications are off");
  SecretBytes password;
  if (!options.smtp_password_file.empty()) {
    DOJAVA_ASSIGN_OR_RETURN(password, ReadPassword(options.smtp_password_file));
  }
  if (sodium_init() < 0) return Status(Code::kInternal, "sodium_init failed");  // the random delay
  InitCurl();
  std::string label = options.label.empty() ? std::string(instance_name) : options.label;
  return std::unique_ptr<Notifier>(new Notifier(options, std::move(label), std::move(password)));
}

Notifier::Notifier(NotifyOptions options, std::string label, SecretBytes password)
    : options_(std::move(options)), label_(std::move(label)), password_(std::move(password)) {
  thread_ = std::thread([this] { Loop(); });
}

Notifier::~Notifier() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Notifier::Signal() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (pending_) return;
    pending_ = true;
  }
  cv_.notify_all();
}

bool Notifier::WaitUntil(std::unique_lock<std::mutex>& lock, Clock::time_point until) {
  cv_.wait_until(lock, until, [this] { return stop_.load(); });
  return !stop_;
}

void Notifier::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  Clock::time_point next_allowed = Clock::now();
  while (true) {
    cv_.wait(lock, [this] { return pending_ || stop_; });
    if (stop_) return;
    // At most one message per period, then a random delay: the time of the
    // message tells the provider little about the time of the activity.
    if (!WaitUntil(lock, next_allowed)) return;
    const auto delay = std::chrono::seconds(
        randombytes_uniform(static_cast<uint32_t>(options_.max_delay_seconds) + 1));
    if (!WaitUntil(lock, Clock::now() + delay)) return;
    pending_ = false;  // activity from now on needs the next message
    lock.unlock();
    const Status sent = SendMessage(options_, password_,
                                    ComposeMessage(options_, ActivityLine(label_), true), &stop_);
    lock.lock();
    next_allowed = Clock::now() + std::chrono::seconds(options_.min_period_seconds);
    if (!sent.ok()) {
      if (stop_) return;
      pending_ = true;  // tried again one period later
      http::Log(http::LogLevel::kWarning,
                "notification not sent (retried in notify.min_period_seconds): " + sent.message());
    }
  }
}

}  // namespace dojava::notify
