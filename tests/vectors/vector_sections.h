// Shared between the parts of the vector generator.
#ifndef DOJAVA_TESTS_VECTORS_VECTOR_SECTIONS_H_
#define DOJAVA_TESTS_VECTORS_VECTOR_SECTIONS_H_

#include <boost/json.hpp>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "crypto/primitives.h"

namespace dojava::vectors {

// Deterministic "random" bytes for a label.
Bytes Det(std::string_view label, size_t n);
SecretBytes DetSecret(std::string_view label, size_t n);
crypto::Id DetId(std::string_view label);

class VectorWriter {
 public:
  explicit VectorWriter(std::string dir);
  void Write(const std::string& scenario, const std::string& kind, const std::string& description,
             boost::json::object input, const std::string& expect, boost::json::object output = {});
  size_t count() const { return names_.size(); }

 private:
  std::string dir_;
  std::set<std::string> names_;
};

// Sections defined in other files of the generator (receipts, key files,
// attachments).
std::vector<std::function<void(VectorWriter&)>> ExtraSections();
// Protocol-2 sections (generate_v2.cc, generate_v2_case.cc).
std::vector<std::function<void(VectorWriter&)>> V2Sections();
// The `payload` vectors (generate_payload.cc).
void PayloadVectors(VectorWriter& w);
// The `public_key_line` vectors (generate_key_lines.cc).
void PublicKeyLineVectors(VectorWriter& w);

}  // namespace dojava::vectors

#endif  // DOJAVA_TESTS_VECTORS_VECTOR_SECTIONS_H_
