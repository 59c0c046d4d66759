// Checkers for vector kinds defined outside vectors_test.cc.
#ifndef DOJAVA_TESTS_VECTORS_VECTOR_CHECKS_H_
#define DOJAVA_TESTS_VECTORS_VECTOR_CHECKS_H_

#include <boost/json.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace dojava::vectors {

using Checker = std::function<std::string(const boost::json::object&)>;
// Returns the outcome name ("success" or a CodeName) of one vector.
std::map<std::string, Checker> ExtraCheckers();
// The protocol-2 kinds (vectors_v2_test.cc).
std::map<std::string, Checker> V2Checkers();
std::string Outcome(Code code);
std::vector<boost::json::object> LoadVectors();
// The `payload` kind (vectors_payload_test.cc): "success", "malformed" or "unsupported".
std::string CheckPayload(const boost::json::object& v);
// The `public_key_line` kind (vectors_key_line_test.cc).
std::string CheckPublicKeyLine(const boost::json::object& v);

}  // namespace dojava::vectors

#endif  // DOJAVA_TESTS_VECTORS_VECTOR_CHECKS_H_
