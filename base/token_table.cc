#include "base/token_table.h"

#include <sodium.h>

namespace dojava {

TokenHash HashToken(ByteView token) {
  EnsureSodium();
  TokenHash out{};
  crypto_generichash(out.data(), out.size(), token.data(), token.size(), nullptr, 0);
  return out;
}

}  // namespace dojava
