#pragma once

// Boost 1.74 needs <utility> before any Asio header on g++ 12; every file includes Asio
// through this header only.
#include <utility>

#include <boost/asio.hpp>
