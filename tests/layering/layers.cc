#include "tests/layering/layers.h"

namespace dojava::layering {
namespace {

// External headers that mean HTTP, JSON or SQL.
constexpr std::string_view kBoost = "boost";
constexpr std::string_view kJson = "json";
constexpr std::string_view kSqlite = "sqlite";
constexpr std::string_view kSqlcipher = "sqlcipher";

// Everything the service may build on below itself.
#define DOJAVA_CORE "base", "crypto", "payload"
#define DOJAVA_SERVICE \
  "service/http", "service/store", "service/api", "service/nojs", "service/notify", "service/daemon"
#define DOJAVA_FRONT_ENDS "client", "cli", "desk"
#define DOJAVA_PRODUCTION DOJAVA_CORE, DOJAVA_SERVICE, DOJAVA_FRONT_ENDS

// Test-only code may use the deterministic crypto entry points
// (crypto/testing/deterministic.h); production code never does.
const std::vector<Layer>& Table() {
  static const std::vector<Layer> table = {
      // Status, bytes, SecretBytes, encodings: nothing of ours below them.
      {"base", false, false, {}, {kBoost, kJson, kSqlite, kSqlcipher}},
      // crypto/ links libsodium only and knows nothing of HTTP, JSON or SQL.
      {"crypto", false, false, {"base", "crypto/testing"}, {kBoost, kJson, kSqlite, kSqlcipher}},
      {"crypto/testing", false, false, {"base", "crypto"}, {kBoost, kJson, kSqlite, kSqlcipher}},
      // The message-body format shared by the CLI and the no-JS pages.
      {"payload",
       false,
       true,
       {"base", "crypto"},
       {kSqlite, kSqlcipher, "boost/beast", "boost/asio"}},
      // The HTTP core knows no route's meaning: never the API, the pages or the store.
      {"service/http", false, false, {"base", "service/http/internal"}, {kSqlite, kSqlcipher}},
      // The HTTP core's private parts (the session's reader, its timer).
      {"service/http/internal", false, true, {"base", "service/http"}, {kSqlite, kSqlcipher}},
      // The store knows no HTTP and no JSON.
      {"service/store", false, false, {"base", "crypto"}, {kBoost, kJson}},
      // Content-free notifications: they know nothing of cases, the store or the API.
      {"service/notify", false, false, {"base", "service/http"}, {kSqlite, kSqlcipher}},
      // The API never includes the no-JS pages; only the store opens SQLCipher.
      {"service/api",
       false,
       false,
       {DOJAVA_CORE, "service/http", "service/store"},
       {kSqlite, kSqlcipher}},
      // The no-JS pages call the API's typed entry points.
      {"service/nojs",
       false,
       false,
       {DOJAVA_CORE, "service/http", "service/store", "service/api"},
       {kSqlite, kSqlcipher}},
      // dojavad composes every part of the service.
      {"service/daemon", false, false, {DOJAVA_CORE, DOJAVA_SERVICE}, {}},
      // The front ends never include the server's code.
      // client/ serves any front end: no terminal, no Qt (tests/client/layering_test.cc
      // checks that it never prints either).
      {"client",
       false,
       true,
       {DOJAVA_CORE},
       {kSqlite, kSqlcipher, "<Q", "<iostream>", "<termios.h>"}},
      {"cli", false, false, {DOJAVA_CORE, "client"}, {kSqlite, kSqlcipher}},
      {"desk", false, true, {DOJAVA_CORE, "client"}, {kSqlite, kSqlcipher}},
      // The shared test harness (a real dojavad, the CLI, typed requests).
      {"tests/support", false, true, {DOJAVA_PRODUCTION, "crypto/testing"}, {}},
      // Each test directory: production code and tests/support, never another
      // test directory (shared helpers belong in tests/support).
      {"tests",
       true,
       false,
       {DOJAVA_PRODUCTION, "service/http/internal", "crypto/testing", "tests/support"},
       {}},
      // The fuzz targets drive the real parsers, private ones included.
      {"fuzz",
       false,
       false,
       {DOJAVA_PRODUCTION, "service/http/internal", "crypto/testing", "tests/support"},
       {}},
      {"bench", true, false, {DOJAVA_PRODUCTION, "tests/support"}, {}},
  };
  return table;
}

#undef DOJAVA_PRODUCTION
#undef DOJAVA_FRONT_ENDS
#undef DOJAVA_SERVICE
#undef DOJAVA_CORE

bool IsUnder(std::string_view dir, std::string_view root) {
  return dir.size() > root.size() && dir.substr(0, root.size()) == root && dir[root.size()] == '/';
}

}  // namespace

std::span<const Layer> Layers() { return Table(); }

const Layer* LayerOf(std::string_view dir) {
  // An exact entry wins over a root that covers its subdirectories
  // ("tests/support" over "tests").
  for (const Layer& layer : Table()) {
    if (layer.dir == dir) return &layer;
  }
  for (const Layer& layer : Table()) {
    if (layer.covers_subdirectories && IsUnder(dir, layer.dir)) return &layer;
  }
  return nullptr;
}

bool MayInclude(const Layer& layer, std::string_view from_dir, std::string_view to_dir) {
  if (from_dir == to_dir) return true;
  for (std::string_view allowed : layer.may_include) {
    if (allowed == to_dir) return true;
  }
  return false;
}

bool IsProduction(const Layer& layer) {
  for (std::string_view root : {"tests", "fuzz", "bench"}) {
    if (layer.dir == root || IsUnder(layer.dir, root)) return false;
  }
  return true;
}

}  // namespace dojava::layering
