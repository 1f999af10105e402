#pragma once

#include <string_view>

namespace zomato::domain {

/// A phone number passes when, without spaces, '-', '(' and ')', it is an optional '+'
/// followed by 8-16 digits, the first not 0.
bool valid_phone(std::string_view phone);

/// local@domain.tld with the character sets of the original schema.
bool valid_email(std::string_view email);

}  // namespace zomato::domain
