// Vector checkers for receipts, keys, key files and attachments.
#include "tests/vectors/vector_checks.h"

namespace dojava::vectors {

std::map<std::string, Checker> ExtraCheckers() { return {}; }

}  // namespace dojava::vectors
