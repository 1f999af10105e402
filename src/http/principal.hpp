#pragma once

#include <string>

#include "domain/principal.hpp"
#include "http/message.hpp"

namespace zomato::http {

/// Whom a request's rate limits count against: a customer or restaurant of a verified token
/// ("customer:5", "restaurant:3"), else its client's address ("ip:127.0.0.1"). Never keyed by a raw header, which a
/// client could vary to get fresh buckets. Never fails.
std::string principal_of(const request& req, const domain::principal& caller);

}  // namespace zomato::http
