// chunk_puts PORT CONNECTIONS REQUESTS [stored|unknown] [HOLD_SECONDS]: sends
// REQUESTS chunk uploads (PUT /api/v1/uploads/{id}/chunks/{n}, one 524,305-byte
// chunk record each, the size every chunk of every attachment has) over
// CONNECTIONS keep-alive connections, in rounds (one PUT on every connection,
// then one whole response read from each).
//
// "unknown" (the default): the upload was never created, so the handler
// answers 404 after the session has read the whole body: the HTTP layer's
// cost of a chunk body (read, buffer, hand over, release) without the
// store's write. "stored": one upload of 4,096 chunks is created first
// (POST /api/v1/uploads) and every PUT stores a new chunk (204), the whole
// path of `dojava submit --attach`. With HOLD_SECONDS the connections are
// then kept open and idle that long (RSS of connections that did upload).
//
// A fixed amount of work: bench/http/count_instructions runs dojavad under
// callgrind twice with it (COUNT_MODE=chunk) and divides the difference in
// instructions by the difference in requests. Exits non-zero unless every
// answer had the expected status.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr size_t kChunkRecordBytes = 524305;  // crypto/PROTOCOL.md §9.2
constexpr long kChunksPerUpload = 4096;       // max_chunks_per_file
constexpr size_t kMaxResponseBytes = 1 << 20;

bool WriteAll(int fd, const char* data, size_t size) {
  size_t off = 0;
  while (off < size) {
    const ssize_t n = ::write(fd, data + off, size - off);
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

// Reads one response (head + Content-Length body); `pending` keeps bytes read
// past it. Returns its status, or -1.
int ReadResponse(int fd, std::string* pending) {
  size_t head_end = std::string::npos;
  char buf[16384];
  while ((head_end = pending->find("\r\n\r\n")) == std::string::npos) {
    if (pending->size() > kMaxResponseBytes) return -1;
    const ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n <= 0) return -1;
    pending->append(buf, static_cast<size_t>(n));
  }
  const std::string head = pending->substr(0, head_end);
  size_t length = 0;
  const size_t p = head.find("\r\nContent-Length: ");
  if (p != std::string::npos) length = std::strtoul(head.c_str() + p + 18, nullptr, 10);
  if (length > kMaxResponseBytes || head.size() < 12) return -1;
  const size_t total = head_end + 4 + length;
  while (pending->size() < total) {
    const ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n <= 0) return -1;
    pending->append(buf, static_cast<size_t>(n));
  }
  const int status = std::atoi(head.c_str() + 9);
  pending->erase(0, total);
  return status;
}

int Connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) return -1;
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return fd;
}

// A base64url file id (16 bytes) that differs per run.
std::string FileId() {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string id;
  unsigned long x = static_cast<unsigned long>(::getpid()) * 2654435761ul + 12345;
  for (int i = 0; i < 21; ++i) {
    x = x * 6364136223846793005ul + 1442695040888963407ul;
    id += kAlphabet[(x >> 33) % 64];
  }
  id += 'A';  // 22 characters, the last one carrying no stray bits
  return id;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || argc > 6) {
    std::fprintf(stderr,
                 "usage: chunk_puts PORT CONNECTIONS REQUESTS [stored|unknown] [HOLD_SECONDS]\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int conns = std::atoi(argv[2]);
  const long requests = std::atol(argv[3]);
  const std::string mode = argc >= 5 ? argv[4] : "unknown";
  const int hold = argc == 6 ? std::atoi(argv[5]) : 0;
  const bool stored = mode == "stored";
  if (port <= 0 || port > 65535 || conns <= 0 || requests < 0 ||
      (mode != "stored" && mode != "unknown") || (stored && requests > kChunksPerUpload)) {
    std::fprintf(stderr, "chunk_puts: bad arguments\n");
    return 2;
  }
  std::vector<int> fds;
  std::vector<std::string> pending(static_cast<size_t>(conns));
  for (int i = 0; i < conns; ++i) {
    const int fd = Connect(port);
    if (fd < 0) {
      std::fprintf(stderr, "chunk_puts: cannot connect\n");
      return 1;
    }
    fds.push_back(fd);
  }
  const std::string file_id = FileId();
  if (stored) {
    const std::string json =
        "{\"file_id\":\"" + file_id + "\",\"chunks\":" + std::to_string(kChunksPerUpload) + "}";
    const std::string req =
        "POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: " + std::to_string(json.size()) + "\r\n\r\n" + json;
    if (!WriteAll(fds[0], req.data(), req.size()) || ReadResponse(fds[0], &pending[0]) != 201) {
      std::fprintf(stderr, "chunk_puts: cannot create the upload\n");
      return 1;
    }
  }
  std::string body(kChunkRecordBytes, '\0');
  body[0] = 1;  // the record's version byte
  const int expect = stored ? 204 : 404;
  long sent = 0, answered = 0;
  while (sent < requests) {
    size_t in_round = 0;
    for (size_t i = 0; i < fds.size() && sent < requests; ++i, ++sent, ++in_round) {
      body[1] = static_cast<char>(sent);  // every stored chunk differs
      const std::string head = "PUT /api/v1/uploads/" + file_id + "/chunks/" +
                               std::to_string(stored ? sent : 0) +
                               " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                               "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
      if (!WriteAll(fds[i], head.data(), head.size()) ||
          !WriteAll(fds[i], body.data(), body.size())) {
        std::fprintf(stderr, "chunk_puts: write failed after %ld requests\n", sent);
        return 1;
      }
    }
    for (size_t i = 0; i < in_round; ++i) {
      if (ReadResponse(fds[i], &pending[i]) == expect) ++answered;
    }
  }
  std::printf("%ld of %ld chunk PUTs answered %d over %d connections\n", answered, requests, expect,
              conns);
  std::fflush(stdout);
  if (hold > 0) ::sleep(static_cast<unsigned>(hold));
  for (int fd : fds) ::close(fd);
  return answered == requests ? 0 : 1;
}
