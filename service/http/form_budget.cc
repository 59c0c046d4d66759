#include "service/http/form_budget.h"

namespace dojava::http {

uint64_t FormBudget::Key(const Holder& holder) {
  return (static_cast<uint64_t>(holder.listener) << 32) | *holder.circuit_id;
}

bool FormBudget::TryReserve(const Holder& holder, uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  if (bytes > total_cap_ - total_) return false;
  if (holder.circuit_id) {
    auto it = by_circuit_.find(Key(holder));
    const uint64_t held = it == by_circuit_.end() ? 0 : it->second;
    if (bytes > circuit_cap_ - held) return false;
    if (bytes == 0) return true;
    if (it == by_circuit_.end()) {
      by_circuit_.emplace(Key(holder), bytes);
    } else {
      it->second += bytes;
    }
  }
  total_ += bytes;
  return true;
}

void FormBudget::Release(const Holder& holder, uint64_t bytes) {
  if (bytes == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  total_ -= bytes <= total_ ? bytes : total_;
  if (!holder.circuit_id) return;
  auto it = by_circuit_.find(Key(holder));
  if (it == by_circuit_.end()) return;
  if (it->second <= bytes) {
    by_circuit_.erase(it);
  } else {
    it->second -= bytes;
  }
}

uint64_t FormBudget::InFlight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return total_;
}

uint64_t FormBudget::InFlight(const Holder& holder) const {
  if (!holder.circuit_id) return 0;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_circuit_.find(Key(holder));
  return it == by_circuit_.end() ? 0 : it->second;
}

size_t FormBudget::CircuitCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return by_circuit_.size();
}

}  // namespace dojava::http
