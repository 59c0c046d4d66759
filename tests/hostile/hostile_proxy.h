// The compromised server of the hostile-server suite: an HTTP/1.1 proxy on
// 127.0.0.1 between the real `dojava` CLI and one listener of the real
// `dojavad`. It forwards every request unchanged and records what it saw;
// a test adds rules that rewrite dojavad's answer to a route (the body and
// status as a compromised server would serve them) or answer the route
// itself without forwarding.
//
//   HostileProxy proxy(inst.reviewer_port());
//   proxy.Rewrite("GET", "/api/v1/instance", [&](int& status, std::string& body) {
//     body = SwapAdminKey(body, ...);
//   });
//   RunCli({"cases", "--server", proxy.url(), ...});
//   for (const Seen& s : proxy.seen()) ...   // what the CLI sent
//
// Requests and answers pass through whole (chunk records included); only
// JSON bodies are kept in the log. Thread-safe: one thread per client
// connection, each with its own upstream connection (kept alive while the
// CLI keeps its own).
#ifndef DOJAVA_TESTS_HOSTILE_HOSTILE_PROXY_H_
#define DOJAVA_TESTS_HOSTILE_HOSTILE_PROXY_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace dojava::hostile {

// One exchange as the proxy saw it.
struct Seen {
  std::string method;   // "GET", "POST", ...
  std::string target;   // path and query
  std::string request;  // the request body when JSON ("" for chunks)
  int status = 0;       // the status the client got
};

// Changes one answer in place: the status and body dojavad sent (or 200 and
// "" for a route the proxy answers itself).
using RewriteFn = std::function<void(int& status, std::string& body)>;

class HostileProxy {
 public:
  // Listens on 127.0.0.1 (a port the kernel chooses) and forwards to
  // 127.0.0.1:`upstream_port`.
  explicit HostileProxy(uint16_t upstream_port);
  HostileProxy(const HostileProxy&) = delete;
  HostileProxy& operator=(const HostileProxy&) = delete;
  // Closes every connection and joins every thread.
  ~HostileProxy();

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // Every later answer to `method` on a target matching `target` (ECMAScript
  // regex over path and query, whole match) goes through `rewrite`. Later
  // rules win over earlier ones.
  void Rewrite(const std::string& method, const std::string& target, RewriteFn rewrite);
  // The proxy answers `method target` itself with `status` and JSON `body`,
  // and dojavad never sees the request.
  void Answer(const std::string& method, const std::string& target, int status, std::string body);
  // Drops every rule: from now on the proxy is transparent.
  void Clear();

  // What the proxy saw so far, in order.
  std::vector<Seen> seen() const;
  // The requests of `method` whose target matches `target` (regex, whole match).
  std::vector<Seen> Requests(const std::string& method, const std::string& target) const;
  void ForgetSeen();

 private:
  struct Rule {
    std::string method;
    std::regex target;
    RewriteFn rewrite;
    bool forward = true;
  };
  struct Io;  // the Beast sockets, in the .cc

  void AcceptLoop();
  void Serve(int client_fd);
  // The newest rule for this request, or nullptr.
  std::shared_ptr<const Rule> Match(const std::string& method, const std::string& target) const;
  void Track(int fd, bool add);

  std::unique_ptr<Io> io_;
  uint16_t upstream_port_ = 0;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
  mutable std::mutex mu_;
  // GUARDED_BY(mu_)
  std::vector<std::shared_ptr<const Rule>> rules_;
  std::vector<Seen> seen_;
  std::vector<std::thread> connections_;
  std::vector<int> open_fds_;
};

}  // namespace dojava::hostile

#endif  // DOJAVA_TESTS_HOSTILE_HOSTILE_PROXY_H_
