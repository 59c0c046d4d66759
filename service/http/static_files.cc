#include "service/http/static_files.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace dojava::http {
namespace {

bool IsSafeComponent(std::string_view name) {
  if (name.empty() || name.size() > 255 || name[0] == '.') return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string_view StaticFiles::ContentTypeFor(std::string_view name) {
  struct Entry {
    std::string_view ext, type;
  };
  static constexpr Entry kTable[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/vnd.microsoft.icon"},
      {".woff2", "font/woff2"},
      {".webmanifest", "application/manifest+json"},
  };
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  const std::string_view ext = name.substr(dot);
  for (const Entry& e : kTable) {
    if (e.ext == ext) return e.type;
  }
  return {};
}

Result<StaticFiles> StaticFiles::Load(const std::string& dir, const StaticLimits& limits) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec)) || ec) {
    return Result<StaticFiles>(Code::kNotFound, "static directory not found");
  }
  StaticFiles out;
  size_t total = 0;
  const fs::path root(dir);
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  if (ec) return Result<StaticFiles>(Code::kIoError, "cannot scan the static directory");
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Result<StaticFiles>(Code::kIoError, "cannot scan the static directory");
    const fs::directory_entry& entry = *it;
    const fs::file_status st = entry.symlink_status(ec);
    if (ec) return Result<StaticFiles>(Code::kIoError, "cannot stat a static file");
    const std::string name = entry.path().filename().string();
    if (fs::is_directory(st)) {
      // Skip hidden or oddly named directories (and all below them).
      if (!IsSafeComponent(name)) {
        it.disable_recursion_pending();
        ++out.skipped_;
      }
      continue;
    }
    if (!fs::is_regular_file(st) || !IsSafeComponent(name) || ContentTypeFor(name).empty()) {
      ++out.skipped_;  // symlinks, sockets, unknown types, dot files
      continue;
    }
    const fs::path rel = entry.path().lexically_relative(root);
    std::string url;
    bool safe = true;
    for (const fs::path& part : rel) {
      safe = safe && IsSafeComponent(part.string());
      url += "/" + part.string();
    }
    if (!safe) {
      ++out.skipped_;
      continue;
    }
    if (out.files_.size() >= limits.max_files) {
      return Result<StaticFiles>(Code::kResourceExhausted, "too many static files");
    }
    std::ifstream in(entry.path(), std::ios::binary);
    if (!in) return Result<StaticFiles>(Code::kIoError, "cannot open a static file");
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return Result<StaticFiles>(Code::kIoError, "cannot read a static file");
    if (body.size() > limits.max_file_bytes || total + body.size() > limits.max_total_bytes) {
      return Result<StaticFiles>(Code::kResourceExhausted, "static files too large");
    }
    total += body.size();
    out.files_.emplace(std::move(url), StaticFile{std::string(ContentTypeFor(name)), std::move(body)});
  }
  return out;
}

const StaticFile* StaticFiles::Find(std::string_view path) const {
  if (path == "/") path = "/index.html";
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace dojava::http
