// BeastBodyBuffer: a Beast Body (BodyReader only) whose bytes go straight
// into a BodyBuffer that the RequestReader owns, for request bodies Beast frames
// (Transfer-Encoding: chunked). A body with a Content-Length is read by the
// reader itself, directly into the BodyBuffer, without Beast.
//
// Includes Beast: only request_reader.cc includes this header.
#ifndef DOJAVA_SERVICE_HTTP_INTERNAL_BEAST_BODY_BUFFER_H_
#define DOJAVA_SERVICE_HTTP_INTERNAL_BEAST_BODY_BUFFER_H_

#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>
#include <boost/system/errc.hpp>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "service/http/body_buffer.h"

namespace dojava::http::internal {

// Header fields of a message. Beast adds the fields of a chunked body's
// trailer to the same fields as the head's, after CheckRequestHead has
// passed the head: a count that grew while the body was read means a
// trailer, which the reader refuses (400) so that no field reaches a
// handler without the head's checks.
template <class Fields>
std::size_t FieldCount(const Fields& fields) {
  return static_cast<std::size_t>(std::distance(fields.begin(), fields.end()));
}

struct BeastBodyBuffer {
  // Set by the reader before the body is read; never owned.
  using value_type = BodyBuffer*;

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(boost::beast::http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<std::uint64_t>&, boost::beast::error_code& ec) {
      ec = body_ == nullptr ? make_error_code(boost::system::errc::invalid_argument)
                            : boost::beast::error_code();
    }

    // A refused growth (BodyBuffer::refused(): the form budget) or a body
    // past its length fails the parse; the reader tells the two apart.
    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, boost::beast::error_code& ec) {
      std::size_t n = 0;
      for (const auto b : boost::beast::buffers_range_ref(buffers)) {
        if (!body_->Append(static_cast<const uint8_t*>(b.data()), b.size()).ok()) {
          ec = make_error_code(boost::system::errc::value_too_large);
          return n;
        }
        n += b.size();
      }
      ec = {};
      return n;
    }

    void finish(boost::beast::error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

}  // namespace dojava::http::internal

#endif  // DOJAVA_SERVICE_HTTP_INTERNAL_BEAST_BODY_BUFFER_H_
