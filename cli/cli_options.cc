#include "cli/cli_options.h"

#include <cctype>
#include <iostream>
#include <sstream>

#include "client/transfer.h"

namespace dojava::cli {

void AddCommonOptions(po::options_description* desc, unsigned set, CommonOptions* o) {
  if (set & kServerOpts) {
    desc->add_options()("server", po::value(&o->server)->value_name("URL"),
                        "server: http://HOST:PORT, http://NAME.onion or unix:/path/to.sock")(
        "socks5", po::value(&o->socks5)->value_name("HOST:PORT"),
        "connect through this SOCKS5 proxy (tor: 127.0.0.1:9050); names resolved by the proxy")(
        "state-dir", po::value(&o->state_dir)->value_name("DIR"),
        "local state (default $XDG_DATA_HOME/dojava or ~/.local/share/dojava)")(
        "admin-fingerprint", po::value(&o->admin_fingerprint)->value_name("FP"),
        "the admin key fingerprint your organisation gave you (required on first contact)")(
        "roster-floor", po::value(&o->roster_floor)->value_name("N"),
        "the roster version of the published address (rv=N): refuse an older roster")(
        "onboarding", po::value(&o->onboarding)->value_name("FILE"),
        "the onboarding file from your admin: the server and admin fingerprint in one")(
        "timeout", po::value(&o->timeout_seconds)->value_name("SECONDS"),
        "deadline for each request (default 120)");
  }
  if (set & kKeyOpts) {
    desc->add_options()("key-file", po::value(&o->key_file)->value_name("FILE"), "your key file")(
        "passphrase-file", po::value(&o->passphrase_file)->value_name("FILE"),
        "read the passphrase from FILE (mode 0600) instead of the terminal");
  }
  if (set & kUploadOpt) {
    desc->add_options()(
        "upload-streams", po::value(&o->upload_streams)->value_name("N")->notifier([](int n) {
          if (n < 1 || n > client::kMaxUploadStreams) {
            Fail(Exit::kUsage, "--upload-streams must be 1.." +
                                   std::to_string(client::kMaxUploadStreams) + " (default " +
                                   std::to_string(client::kDefaultUploadStreams) + ")");
          }
        }),
        "attachment chunks sent at once, each on its own connection (tor stream), 1..8 "
        "(default 3)");
  }
  if (set & kDownloadOpt) {
    desc->add_options()(
        "download-streams", po::value(&o->download_streams)->value_name("N")->notifier([](int n) {
          if (n < 1 || n > client::kMaxDownloadStreams) {
            Fail(Exit::kUsage, "--download-streams must be 1.." +
                                   std::to_string(client::kMaxDownloadStreams) + " (default " +
                                   std::to_string(client::kDefaultDownloadStreams) + ")");
          }
        }),
        "attachment chunks fetched at once, each on its own connection (tor stream), 1..8 "
        "(default 3)");
  }
  if (set & kJsonOpt) {
    desc->add_options()("json", po::bool_switch(&o->json), "machine-readable JSON output");
  }
  desc->add_options()("help,h", "this help");
}

namespace {

// A base64url id (22 characters) or id prefix (commands take a case id's
// first characters), which may begin with '-' and must then not be taken for
// an option. A whole id always is one; a shorter word is one unless it reads
// as a short option (-o, -h, with a value joined) or a long one ("--x").
bool IsIdLike(const std::string& s) {
  if (s.size() < 2 || s.size() > 22) return false;
  if (s.size() < 22 && (s[1] == '-' || s[1] == 'o' || s[1] == 'h')) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  }
  return true;
}

// Moves positional words after a "--", so that ids beginning with '-' stay
// positional: options (with their values) first, in order, then the rest.
std::vector<std::string> SeparatePositionals(const std::vector<std::string>& args,
                                             const po::options_description& desc) {
  std::vector<std::string> opts, pos;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      pos.insert(pos.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    if (a.size() < 2 || a[0] != '-' || IsIdLike(a)) {
      pos.push_back(a);
      continue;
    }
    opts.push_back(a);
    bool takes_value = false;
    if (a.rfind("--", 0) == 0) {
      if (a.find('=') == std::string::npos) {
        const po::option_description* d = desc.find_nothrow(a.substr(2), false);
        takes_value = d != nullptr && d->semantic()->max_tokens() > 0;
      }
    } else if (a == "-o") {
      takes_value = true;
    }
    if (takes_value && i + 1 < args.size()) opts.push_back(args[++i]);
  }
  opts.push_back("--");
  opts.insert(opts.end(), pos.begin(), pos.end());
  return opts;
}

}  // namespace

po::variables_map ParseArgs(const std::vector<std::string>& args,
                            const po::options_description& desc,
                            const po::positional_options_description& positional,
                            const std::string& usage) {
  po::variables_map vm;
  try {
    po::store(
        po::command_line_parser(SeparatePositionals(args, desc))
            .options(desc)
            .positional(positional)
            .style(po::command_line_style::unix_style ^ po::command_line_style::allow_guessing)
            .run(),
        vm);
    if (vm.count("help")) {
      std::ostringstream s;
      s << "usage: " << usage << "\n\n" << desc;
      std::cout << s.str();
      throw Failure{Exit::kOk, ""};
    }
    po::notify(vm);
  } catch (const po::error& e) {
    Fail(Exit::kUsage, std::string(e.what()) + "\nusage: " + usage);
  }
  return vm;
}

}  // namespace dojava::cli
