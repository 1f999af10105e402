#pragma once

#include <string>
#include <utility>
#include <variant>

namespace zomato::domain {

/// Why a use case refused: each kind maps to one HTTP status in the API layer.
enum class failure_kind { not_found, rule_violation, conflict, request_mismatch, forbidden };

struct failure {
  failure_kind kind;
  std::string detail;
};

inline failure not_found(std::string detail) { return {failure_kind::not_found, std::move(detail)}; }
inline failure rule_violation(std::string detail) { return {failure_kind::rule_violation, std::move(detail)}; }
inline failure conflict(std::string detail) { return {failure_kind::conflict, std::move(detail)}; }
/// The caller may not do this, though it may see what it is about (a customer moving their order
/// along the workflow, where they may only cancel it).
inline failure forbidden() { return {failure_kind::forbidden, "Not enough permissions"}; }
/// A repeated request (same idempotency key) that differs from the first one.
inline failure request_mismatch(std::string detail) { return {failure_kind::request_mismatch, std::move(detail)}; }

struct done {};

/// A value or the failure that prevented it; expected failures travel as values, not exceptions.
template <class T>
class result {
 public:
  result(T value) : state_(std::move(value)) {}
  result(failure error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const failure& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, failure> state_;
};

}  // namespace zomato::domain
