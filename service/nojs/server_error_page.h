// The server's own HTML error pages (404, 429, 500... on any path outside
// /api/ that has no page of its own): the message from the catalogues, in the
// language the query names ("?lang=sq"), else in every language, each
// paragraph marked with its own lang. The static pages keep their language in
// the URL fragment, which the server never sees, so it cannot pick one.
//
// Thread safety: a pure function of its arguments.
#ifndef DOJAVA_SERVICE_NOJS_SERVER_ERROR_PAGE_H_
#define DOJAVA_SERVICE_NOJS_SERVER_ERROR_PAGE_H_

#include <string_view>

#include "service/http/http_message.h"
#include "service/nojs/catalogues.h"

namespace dojava::nojs {

// The catalogue key of the message for an HTTP status (err_api_not_found for
// 404, err_api_rate_limited for 429, err_api_internal for 500 and any status
// without a text of its own).
std::string_view ServerErrorKey(int status);

http::HttpResponse ServerErrorPage(const Catalogues& cat, int status, std::string_view query);

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_SERVER_ERROR_PAGE_H_
