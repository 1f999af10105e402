#pragma once

#include <utility>
#include <vector>

#include "services/changes.hpp"

namespace zomato::app {

/// What services tell of their writes reaches the cache at once and, for a write whose
/// acknowledgement waits for its group's COMMIT, once more after it: a read between the two
/// may have stored what the database held before the COMMIT.
class replayed_changes final : public services::change_listener {
 public:
  using told = std::vector<std::pair<services::change, services::touched>>;

  explicit replayed_changes(services::change_listener& target) : target_(target) {}

  void changed(services::change what, const services::touched& ids) override;
  /// Tells the target again.
  void replay(const told& changes);

  /// Keeps what is told on this thread while it lives.
  class recording {
   public:
    recording();
    ~recording();
    recording(const recording&) = delete;
    recording& operator=(const recording&) = delete;
    told take() { return std::move(kept_); }

   private:
    told kept_;
  };

 private:
  services::change_listener& target_;
};

}  // namespace zomato::app
