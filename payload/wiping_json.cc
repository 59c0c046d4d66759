#include "payload/wiping_json.h"

#include <sodium.h>

#include <algorithm>
#include <boost/json/memory_resource.hpp>
#include <cstddef>
#include <new>

namespace dojava::payload {
namespace json = boost::json;
namespace {

// Plain heap memory, wiped before it is returned to the allocator.
//
// The alignment passed to operator new/delete depends only on max(align,
// max_align_t), never on `align` alone: Boost.JSON 1.81 allocates an object
// key with alignof(char) but frees a key abandoned by a malformed document
// (`{"k":` cut short) with the default alignment (fixed upstream in
// boostorg/json#1181). Forwarding `align` as given made that free a
// mismatched aligned delete (undefined behaviour; ASan aborts the CLI on a
// source's malformed message body). Found by fuzz/notes_event_fuzzer.cc.
class WipingResource final : public json::memory_resource {
 private:
  static std::align_val_t Alignment(std::size_t align) {
    return std::align_val_t(std::max(align, alignof(std::max_align_t)));
  }
  void* do_allocate(std::size_t n, std::size_t align) override {
    return ::operator new(n, Alignment(align));
  }
  void do_deallocate(void* p, std::size_t n, std::size_t align) override {
    sodium_memzero(p, n);
    ::operator delete(p, Alignment(align));
  }
  bool do_is_equal(const json::memory_resource& other) const noexcept override {
    return this == &other;
  }
};

}  // namespace

json::storage_ptr WipingJsonStorage() {
  static json::storage_ptr sp = json::make_shared_resource<WipingResource>();
  return sp;
}

}  // namespace dojava::payload
