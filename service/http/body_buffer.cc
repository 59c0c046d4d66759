#include "service/http/body_buffer.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace dojava::http {

void BodyBuffer::Start(SecretBytes storage, uint64_t max_length, FormBudget* budget,
                       FormBudget::Holder holder) {
  storage_ = std::move(storage);
  used_ = 0;
  max_length_ = max_length;
  budget_ = budget;
  holder_ = holder;
  reserved_ = 0;
  refused_ = false;
  // A budgeted body starts empty, so that its reservation is its capacity.
  if (budget_ != nullptr && storage_.capacity() > 0) storage_ = SecretBytes();
}

Result<std::span<uint8_t>> BodyBuffer::Prepare(size_t max) {
  if (used_ >= max_length_ || max == 0) {
    return Status(Code::kInvalidArgument, "the body is longer than it may be");
  }
  if (used_ == storage_.size()) {
    // Full: double, at least kMinGrowthBytes more, never past max_length_.
    const uint64_t old_cap = storage_.size();
    const uint64_t grown = std::max<uint64_t>(old_cap * 2, old_cap + kMinGrowthBytes);
    const uint64_t new_cap = std::min<uint64_t>(grown, max_length_);
    if (budget_ != nullptr) {
      if (!budget_->TryReserve(holder_, new_cap - old_cap)) {
        refused_ = true;
        return Status(Code::kResourceExhausted, "the form budget is used up");
      }
      reserved_ += new_cap - old_cap;
    }
    SecretBytes bigger(static_cast<size_t>(new_cap));  // zero-filled
    if (used_ > 0) std::memcpy(bigger.reveal_mut().data(), storage_.reveal().data(), used_);
    storage_ = std::move(bigger);  // the old one is wiped by sodium_free
  }
  // A pooled buffer may be larger than the body: never past max_length_.
  const uint64_t room = std::min<uint64_t>(storage_.size(), max_length_) - used_;
  return storage_.reveal_mut().subspan(static_cast<size_t>(used_),
                                       static_cast<size_t>(std::min<uint64_t>(room, max)));
}

void BodyBuffer::Commit(size_t n) { used_ += n; }

Status BodyBuffer::Append(const uint8_t* bytes, size_t n) {
  while (n > 0) {
    Result<std::span<uint8_t>> room = Prepare(n);
    if (!room.ok()) return room.status();
    std::memcpy(room->data(), bytes, room->size());
    Commit(room->size());
    bytes += room->size();
    n -= room->size();
  }
  return Status::Ok();
}

SecretBytes BodyBuffer::Take() {
  SecretBytes out = std::move(storage_);
  out.Resize(static_cast<size_t>(used_));  // past used_ only zeros: nothing to wipe in practice
  storage_ = SecretBytes();
  used_ = 0;
  return out;
}

void BodyBuffer::ReleaseBudget() {
  if (budget_ != nullptr && reserved_ > 0) budget_->Release(holder_, reserved_);
  budget_ = nullptr;
  reserved_ = 0;
}

void BodyBuffer::Reset(BodyPool* pool) {
  ReleaseBudget();
  used_ = 0;
  max_length_ = 0;
  refused_ = false;
  if (storage_.capacity() > 0) {
    if (pool != nullptr) {
      pool->Give(std::move(storage_));
    }
    storage_ = SecretBytes();  // freed (and wiped by sodium_free) if still held
  }
}

}  // namespace dojava::http
