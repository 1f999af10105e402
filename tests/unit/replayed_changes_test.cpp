#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "app/replayed_changes.hpp"

namespace zomato::app {
namespace {

using services::change;

struct counting_listener final : services::change_listener {
  void changed(change what, const services::touched& ids) override { told.emplace_back(what, ids.order); }
  std::vector<std::pair<change, std::int64_t>> told;
};

TEST(ReplayedChanges, PassesChangesOnAtOnce) {
  counting_listener cache;
  replayed_changes changes(cache);
  changes.changed(change::order_placed, {1, 2, 3});
  ASSERT_EQ(cache.told.size(), 1u);
  EXPECT_EQ(cache.told[0].first, change::order_placed);
}

TEST(ReplayedChanges, ARecordingKeepsWhatIsToldOnItsThreadForTheReplay) {
  counting_listener cache;
  replayed_changes changes(cache);
  replayed_changes::told kept;
  {
    replayed_changes::recording told;
    changes.changed(change::order_placed, {1, 2, 3});
    std::thread other([&] { changes.changed(change::menu_changed, {1, 0, 0}); });
    other.join();
    changes.changed(change::order_status_changed, {1, 2, 3});
    kept = told.take();
  }
  changes.changed(change::restaurant_updated, {1, 0, 0});
  ASSERT_EQ(kept.size(), 2u) << "only this thread's changes, while recording";
  EXPECT_EQ(kept[0].first, change::order_placed);
  EXPECT_EQ(kept[1].first, change::order_status_changed);
  EXPECT_EQ(cache.told.size(), 4u);
  changes.replay(kept);
  ASSERT_EQ(cache.told.size(), 6u);
  EXPECT_EQ(cache.told[4], std::make_pair(change::order_placed, std::int64_t{3}));
  EXPECT_EQ(cache.told[5], std::make_pair(change::order_status_changed, std::int64_t{3}));
}

}  // namespace
}  // namespace zomato::app
