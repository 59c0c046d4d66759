// Vector sections for receipts, keys, key files and attachments.
#include "tests/vectors/vector_sections.h"

namespace dojava::vectors {

std::vector<std::function<void(VectorWriter&)>> ExtraSections() { return {}; }

}  // namespace dojava::vectors
