#include "app/replayed_changes.hpp"

namespace zomato::app {
namespace {

thread_local replayed_changes::told* current_recording = nullptr;

}  // namespace

void replayed_changes::changed(services::change what, const services::touched& ids) {
  target_.changed(what, ids);
  if (current_recording) current_recording->emplace_back(what, ids);
}

void replayed_changes::replay(const told& changes) {
  for (const auto& [what, ids] : changes) target_.changed(what, ids);
}

replayed_changes::recording::recording() { current_recording = &kept_; }

replayed_changes::recording::~recording() { current_recording = nullptr; }

}  // namespace zomato::app
