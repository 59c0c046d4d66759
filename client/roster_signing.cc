#include "client/roster_signing.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/encoding.h"
#include "client/format.h"

namespace dojava::client {
namespace {

constexpr size_t kMaxRosterFile = 1 << 20;

Result<std::optional<Bytes>> ReadSmallFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::optional<Bytes>();
    return Status(Code::kIoError, path + ": " + std::strerror(errno));
  }
  Bytes out;
  uint8_t buf[8192];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.insert(out.end(), buf, buf + n);
    if (out.size() > kMaxRosterFile) break;
  }
  ::close(fd);
  if (out.size() > kMaxRosterFile) return Status(Code::kMalformed, path + ": too large");
  return std::optional<Bytes>(std::move(out));
}

// Roster::Find assumes sorted entries; a roster being edited is not sorted yet.
const crypto::v2::RosterEntry* FindIn(const crypto::v2::Roster& r, const crypto::Id& id) {
  for (const auto& e : r.entries) {
    if (e.reviewer_id == id) return &e;
  }
  return nullptr;
}

std::string Who(const crypto::v2::RosterEntry& e) {
  return e.name + " (" + IdText(e.reviewer_id) + ")";
}

}  // namespace

std::string KeptRosterPath(const std::string& admin_key_file, const crypto::Id& instance_id) {
  return admin_key_file + ".roster-" + HexEncode(instance_id);
}

std::vector<std::string> KeptRosterPaths(const std::string& admin_key_file) {
  const std::filesystem::path key(admin_key_file);
  const std::string prefix = key.filename().string() + ".roster-";
  std::vector<std::string> out;
  std::error_code ec;
  const std::filesystem::path dir = key.has_parent_path() ? key.parent_path() : ".";
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() == prefix.size() + 32 && name.compare(0, prefix.size(), prefix) == 0) {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::optional<RosterView>> ReadKeptRoster(const std::string& path,
                                                 const crypto::Ed25519Public& admin,
                                                 const crypto::Id& instance_id) {
  DOJAVA_ASSIGN_OR_RETURN(auto bytes, ReadSmallFile(path));
  if (!bytes) return std::optional<RosterView>();
  auto v = VerifyAnyRoster(*bytes, admin, instance_id, std::nullopt);
  if (!v.ok()) {
    return Status(Code::kMalformed,
                  path + " is not a version-2 roster of this instance signed by this admin key" +
                      (v.ok() ? "" : " (" + v.status().message() + ")"));
  }
  return std::optional<RosterView>(std::move(v).value());
}

Result<RosterBase> ChooseRosterBase(const std::optional<RosterView>& kept,
                                    const std::optional<RosterView>& served,
                                    const std::optional<Bytes>& served_bytes,
                                    const crypto::Id& instance_id, bool adopt,
                                    uint64_t unread_version) {
  RosterBase b;
  b.roster.instance_id = instance_id;
  const std::optional<RosterView>* from = nullptr;
  if (kept) {
    from = &kept;
  } else if (served) {
    if (!adopt) {
      return Status(Code::kPermissionDenied,
                    "no roster kept beside the admin key: this admin tool did not sign the "
                    "server's roster version " +
                        std::to_string(served->version()) +
                        ". If it is the newest one you signed, run again with "
                        "--adopt-server-roster");
    }
    from = &served;
  }
  if (from != nullptr) {
    b.roster = (*from)->v2()->roster();
    b.digest = (*from)->v2()->digest();
    b.v2 = **from;
    return b;
  }
  if (served_bytes && unread_version > 0) {
    // A version-1 roster of 0.1.0 (§16): the chain continues above its
    // version and links its bytes; none of its entries is read.
    b.roster.version = unread_version;
    b.digest = crypto::v2::RosterDigest(*served_bytes);
  }
  return b;
}

Result<crypto::v2::Roster> SuccessorOf(const RosterBase& base, uint32_t expiry_days,
                                       uint32_t today) {
  if (expiry_days < 1 || expiry_days > kMaxRosterExpiryDays) {
    return Status(Code::kInvalidArgument, "the roster expiry must be 1 to " +
                                              std::to_string(kMaxRosterExpiryDays) + " days");
  }
  crypto::v2::Roster next = base.roster;
  next.version = base.roster.version + 1;
  next.prev_digest = next.version == 1 ? crypto::v2::Digest{} : base.digest;
  next.expires_day = today + expiry_days;
  return next;
}

std::vector<std::string> RosterDiff(const crypto::v2::Roster& before,
                                    const crypto::v2::Roster& after) {
  std::vector<std::string> out;
  for (const auto& e : after.entries) {
    const crypto::v2::RosterEntry* old = FindIn(before, e.reviewer_id);
    if (old == nullptr) {
      out.push_back(std::string(e.active() ? "added" : "added (retired)") + ": " + Who(e));
      continue;
    }
    if (old->active() && !e.active()) out.push_back("retired: " + Who(e));
    if (old->x25519 != e.x25519 || old->key_epoch != e.key_epoch) {
      out.push_back("re-keyed: " + Who(e) + ", key epoch " + std::to_string(old->key_epoch) +
                    " -> " + std::to_string(e.key_epoch));
    }
    if (old->name != e.name) out.push_back("renamed: " + old->name + " -> " + Who(e));
  }
  for (const auto& e : before.entries) {
    if (FindIn(after, e.reviewer_id) == nullptr) out.push_back("dropped (not allowed): " + Who(e));
  }
  return out;
}

Result<Bytes> SignSuccessor(const crypto::AdminKey& admin, const RosterBase& base,
                            crypto::v2::Roster next, const crypto::Id& instance_id) {
  if (next.version != base.roster.version + 1) {
    return Status(Code::kInvalidArgument, "not the successor of the base roster");
  }
  DOJAVA_ASSIGN_OR_RETURN(Bytes signed_roster, admin.SignRosterV2(std::move(next)));
  DOJAVA_ASSIGN_OR_RETURN(RosterView view, VerifyAnyRoster(signed_roster, admin.public_key(),
                                                           instance_id, std::nullopt));
  if (base.v2) DOJAVA_RETURN_IF_ERROR(crypto::v2::CheckRosterChain(*base.v2->v2(), *view.v2()));
  return signed_roster;
}

}  // namespace dojava::client
