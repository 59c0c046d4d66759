// Small helpers shared by the vector generator and the vector tests: hex
// fields and a stable, diff-friendly JSON printer.
#ifndef DOJAVA_TESTS_VECTORS_VECTOR_JSON_H_
#define DOJAVA_TESTS_VECTORS_VECTOR_JSON_H_

#include <boost/json.hpp>
#include <string>

#include "base/bytes.h"
#include "base/secret_bytes.h"

namespace dojava::vectors {

// Pretty-prints with two-space indentation, keys in insertion order, and a
// trailing newline.
std::string Pretty(const boost::json::value& v);

boost::json::string HexOf(ByteView b);
// The bytes of a hex string field; aborts the test program on bad hex (the
// vector files are ours).
Bytes BytesOf(const boost::json::value& v);
SecretBytes SecretOf(const boost::json::value& v);

}  // namespace dojava::vectors

#endif  // DOJAVA_TESTS_VECTORS_VECTOR_JSON_H_
