#pragma once

#include "http/message.hpp"
#include "http/params.hpp"
#include "http/router.hpp"

// The names every route table of api/ writes its handlers with.
namespace zomato::api {

using http::params;
using http::request;
using http::verb;

}  // namespace zomato::api
