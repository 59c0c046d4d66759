// Every failure the reviewer can meet, in plain words: what happened, what
// it means and what to do. Verification failures (a bad signature, a roster
// rolled back, a message that does not decrypt) say that the server may have
// been tampered with.
#ifndef DOJAVA_DESK_PLAIN_ERROR_H_
#define DOJAVA_DESK_PLAIN_ERROR_H_

#include <QString>

#include "base/status.h"

namespace dojava::desk {

// "<explanation>\n\nDetails: <the library's message>", in the current
// language. Call it when the text is shown, not when the failure happens: a
// Status kept with data (CaseDetail) is explained again after a language
// switch. The library's message stays as the client library wrote it (the
// words `dojava` prints, for the admin or a bug report); "Details:" does not.
QString PlainError(const Status& st);

// Only "\n\nDetails: <the library's message>" (empty for no message).
QString PlainDetails(const Status& st);

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_PLAIN_ERROR_H_
