#pragma once

#include <stdexcept>
#include <string>

namespace zomato::store {

/// Any failure of the store.
class failure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What keeps the database from serving for now.
enum class unavailable_reason {
  busy,       // another process holds the write lock
  full,       // no space left for the database
  read_only,  // the database cannot be written
  io          // the file system refuses to read or write it
};

/// The database cannot serve this request now, though the same request may succeed later.
/// what() holds the database's own message, for logs only.
class unavailable : public failure {
 public:
  unavailable(unavailable_reason reason, const std::string& what) : failure(what), reason_(reason) {}
  unavailable_reason reason() const { return reason_; }

 private:
  unavailable_reason reason_;
};

/// The database aborted the transaction to settle a conflict with another one (a serialization
/// failure or a deadlock): nothing of it was kept, and running it again may succeed.
class conflict : public unavailable {
 public:
  explicit conflict(const std::string& what) : unavailable(unavailable_reason::busy, what) {}
};

}  // namespace zomato::store
