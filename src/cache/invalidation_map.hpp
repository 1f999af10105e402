#pragma once

#include <vector>

#include "cache/namespaces.hpp"
#include "services/changes.hpp"

namespace zomato::cache {

/// The one place that says which cached responses a write can change: every namespace
/// holding a response that shows, nests or aggregates what the write touched.
std::vector<cache_namespace> namespaces_changed_by(services::change what);

}  // namespace zomato::cache
