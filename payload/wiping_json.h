// A Boost.JSON storage whose freed memory is wiped (sodium_memzero), for
// documents that hold decrypted bodies or other secrets: §11 bodies here,
// the case views and events of client/ and the CLI.
//
// Users link Boost::json themselves (dojava_payload keeps it private).
// Thread safety: the storage is one process-wide resource, safe to share.
#ifndef DOJAVA_PAYLOAD_WIPING_JSON_H_
#define DOJAVA_PAYLOAD_WIPING_JSON_H_

#include <boost/json/storage_ptr.hpp>

namespace dojava::payload {

boost::json::storage_ptr WipingJsonStorage();

}  // namespace dojava::payload

#endif  // DOJAVA_PAYLOAD_WIPING_JSON_H_
