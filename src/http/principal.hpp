#pragma once

#include <string>

#include "http/message.hpp"

namespace zomato::http {

/// Whom a request's rate limits count against: for now its client's address ("ip:127.0.0.1";
/// "ip:" alone for a request made inside the server). The one place that decides it: with
/// authentication, the subject of a verified token goes here instead. Never keyed by a raw
/// header, which a client could vary to get fresh buckets. Never fails.
std::string principal_of(const request& req);

}  // namespace zomato::http
