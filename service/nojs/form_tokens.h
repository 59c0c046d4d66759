// FormTokens: the one-time tokens that make a no-JavaScript report
// idempotent, in memory only.
//
// GET /plain puts a fresh token in a hidden field of the form. The first
// POST /plain/submit with it claims it (kGo) and seals the case; the
// receipt is then held under the token until the receipt page (a GET after
// a 303 redirect) shows it once. Every other POST with the same token (a
// double click, "Resend" after a reload, Back and send again) creates
// nothing: while the first is sealing it waits for it; when a receipt is
// held it is redirected to the same receipt page; after the receipt was
// shown it gets the "already shown" page. A failed attempt gives the token
// back (kIssued), so the form re-sent with it is tried again.
//
// Bounded: at most `max_tokens` (the least recently used dropped first); a
// token lives `lifetime` after its last use; an unshown receipt is held at
// most `receipt_hold` after the case was created, then wiped. Tokens are a
// TokenTable (looked up by hash; the table never holds the token), the
// receipt a SecretBytes wiped when shown or dropped.
//
// Thread safety: every method locks; safe from any thread.
#ifndef DOJAVA_SERVICE_NOJS_FORM_TOKENS_H_
#define DOJAVA_SERVICE_NOJS_FORM_TOKENS_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

#include "base/secret_bytes.h"
#include "base/token_table.h"

namespace dojava::nojs {

class FormTokens {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using NowFn = std::function<TimePoint()>;

  enum class Claim {
    kGo,       // claimed: seal the case, then Finish() or Release()
    kReceipt,  // a receipt waits for its page: redirect there
    kShown,    // sent, and its receipt was shown (or held too long and wiped)
    kUnknown,  // never issued, or expired, or dropped
    kBusy,     // another request is still sealing with it after `wait`
  };

  FormTokens(std::chrono::seconds lifetime, std::chrono::seconds receipt_hold, size_t max_tokens,
             NowFn now);

  // A fresh token (kTokenBytes random bytes) for a new form.
  SecretBytes Issue();
  // Claims `token` for sending (see Claim); waits at most `wait` (real
  // time) while another request seals with it.
  Claim Begin(ByteView token, std::chrono::milliseconds wait);
  // The claimed token's case was created: hold `receipt` for its page.
  void Finish(ByteView token, SecretBytes receipt);
  // The claimed token's attempt failed: it may be sent again.
  void Release(ByteView token);
  // For the receipt page: the held receipt, moved out (the token is then
  // kShown); empty with *claim kShown or kUnknown otherwise.
  SecretBytes TakeReceipt(ByteView token, Claim* claim);
  size_t size() const;

 private:
  enum class Stage { kIssued, kSending, kHeld, kShown };
  struct Form {
    Stage stage = Stage::kIssued;
    SecretBytes receipt;  // kHeld only
    TimePoint held_since{};
  };
  // The form of `token`, with a held receipt past receipt_hold_ wiped.
  Form* Find(ByteView token);

  const std::chrono::seconds receipt_hold_;
  const NowFn now_;
  mutable std::mutex mu_;
  std::condition_variable changed_;
  TokenTable<Form> forms_;  // GUARDED_BY(mu_)
};

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_FORM_TOKENS_H_
