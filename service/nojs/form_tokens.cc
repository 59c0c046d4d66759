#include "service/nojs/form_tokens.h"

#include <utility>

namespace dojava::nojs {

FormTokens::FormTokens(std::chrono::seconds lifetime, std::chrono::seconds receipt_hold,
                       size_t max_tokens, NowFn now)
    : receipt_hold_(receipt_hold),
      now_(std::move(now)),
      forms_({lifetime, std::chrono::steady_clock::duration::max(), max_tokens}) {}

SecretBytes FormTokens::Issue() {
  std::lock_guard<std::mutex> lock(mu_);
  return forms_.Issue(Form{}, now_());
}

FormTokens::Form* FormTokens::Find(ByteView token) {
  const TimePoint now = now_();
  Form* form = forms_.Use(token, now);
  if (form != nullptr && form->stage == Stage::kHeld && now - form->held_since >= receipt_hold_) {
    form->receipt = SecretBytes();  // wiped: its case exists, the receipt is gone
    form->stage = Stage::kShown;
  }
  return form;
}

FormTokens::Claim FormTokens::Begin(ByteView token, std::chrono::milliseconds wait) {
  std::unique_lock<std::mutex> lock(mu_);
  const auto until = std::chrono::steady_clock::now() + wait;
  for (;;) {
    Form* form = Find(token);
    if (form == nullptr) return Claim::kUnknown;
    switch (form->stage) {
      case Stage::kIssued:
        form->stage = Stage::kSending;
        return Claim::kGo;
      case Stage::kHeld:
        return Claim::kReceipt;
      case Stage::kShown:
        return Claim::kShown;
      case Stage::kSending:
        if (changed_.wait_until(lock, until) == std::cv_status::timeout) {
          Form* again = Find(token);
          if (again == nullptr) return Claim::kUnknown;
          if (again->stage == Stage::kSending) return Claim::kBusy;
        }
        break;  // look again
    }
  }
}

void FormTokens::Finish(ByteView token, SecretBytes receipt) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    Form* form = forms_.Use(token, now_());
    if (form != nullptr) {
      form->stage = Stage::kHeld;
      form->receipt = std::move(receipt);
      form->held_since = now_();
    }
  }
  changed_.notify_all();
}

void FormTokens::Release(ByteView token) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    Form* form = forms_.Use(token, now_());
    if (form != nullptr && form->stage == Stage::kSending) form->stage = Stage::kIssued;
  }
  changed_.notify_all();
}

SecretBytes FormTokens::TakeReceipt(ByteView token, Claim* claim) {
  std::lock_guard<std::mutex> lock(mu_);
  Form* form = Find(token);
  if (form == nullptr || form->stage == Stage::kIssued || form->stage == Stage::kSending) {
    *claim = Claim::kUnknown;
    return {};
  }
  if (form->stage == Stage::kShown) {
    *claim = Claim::kShown;
    return {};
  }
  *claim = Claim::kReceipt;
  form->stage = Stage::kShown;
  return std::move(form->receipt);
}

size_t FormTokens::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return forms_.size();
}

}  // namespace dojava::nojs
