#include "net/request_parser.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace zomato::net {
namespace {

// What one read may add, and the most a chunk-size line (with its extensions) may take.
constexpr std::size_t read_size = 4096;
constexpr std::size_t chunk_line_limit = 1024;
// A buffer grown past the first size for one large request goes back to the second once
// it is done.
constexpr std::size_t large_capacity = std::size_t{64} * 1024;
constexpr std::size_t idle_capacity = std::size_t{16} * 1024;

constexpr auto tchar_table = [] {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = true;
  for (char c : std::string_view("!#$%&'*+-.^_`|~")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

// Character classes as function objects, so that the algorithms given them inline the test.
constexpr auto is_tchar = [](char c) { return tchar_table[static_cast<unsigned char>(c)]; };

bool is_token(std::string_view text) { return !text.empty() && std::all_of(text.begin(), text.end(), is_tchar); }

// Field values: visible characters, space, tab and obs-text; no other control character.
bool is_field_value(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte == '\t' || (byte >= 0x20 && byte != 0x7f);
  });
}

constexpr auto is_target_char = [](char c) { return c > 0x20 && c < 0x7f; };

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Calls `each` with every non-empty element of a comma-separated field value, trimmed.
template <class Each>
void for_each_element(std::string_view value, Each&& each) {
  while (!value.empty()) {
    const auto comma = value.find(',');
    const auto element = trim_spaces(value.substr(0, comma));
    if (!element.empty()) each(element);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  const char l = lower(c);
  if (l >= 'a' && l <= 'f') return l - 'a' + 10;
  return -1;
}

http::verb verb_named(std::string_view name) {
  if (name == "GET") return http::verb::get;
  if (name == "POST") return http::verb::post;
  if (name == "PUT") return http::verb::put;
  if (name == "DELETE") return http::verb::delete_;
  if (name == "PATCH") return http::verb::patch;
  if (name == "HEAD") return http::verb::head;
  if (name == "OPTIONS") return http::verb::options;
  return http::verb::other;
}

// "name: value" of a header or trailer line: false when it is not one.
bool split_field(std::string_view line, std::string_view& name, std::string_view& value) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  name = line.substr(0, colon);
  value = trim_spaces(line.substr(colon + 1));
  return is_token(name) && is_field_value(value);
}

}  // namespace

std::string_view wire_request::field(std::string_view name) const {
  for (const auto& f : fields) {
    if (same_text(f.name, name)) return f.value;
  }
  return {};
}

http::request handler_view(const wire_request& message) {
  http::request req;
  req.method = message.method;
  const auto question = message.target.find('?');
  req.path = message.target.substr(0, question);
  req.query = question == std::string_view::npos ? std::string_view{} : message.target.substr(question + 1);
  req.body = message.body;
  for (const auto& field : message.fields) {
    // One pass over the fields, telling the wanted names apart by their length first.
    switch (field.name.size()) {
      case 6:
        if (same_text(field.name, "origin")) req.origin = field.value;
        break;
      case 12:
        if (same_text(field.name, "content-type")) req.content_type = field.value;
        break;
      case 13:
        if (same_text(field.name, "cache-control")) {
          req.cache_control = field.value;
        } else if (same_text(field.name, "if-none-match")) {
          req.if_none_match = field.value;
        } else if (same_text(field.name, "authorization")) {
          req.authorization = field.value;
        }
        break;
      case 15:
        if (same_text(field.name, "idempotency-key")) req.idempotency_key = field.value;
        break;
      case 29:
        if (same_text(field.name, "access-control-request-method")) req.cors_request_method = field.value;
        break;
      default: break;
    }
  }
  return req;
}

request_parser::request_parser(wire_limits limits) : limits_(limits) { spans_.reserve(16); }

void request_parser::reserve(std::size_t needed) {
  if (needed <= capacity_) return;
  auto capacity = std::max<std::size_t>(capacity_ * 2, read_size);
  while (capacity < needed) capacity *= 2;
  auto grown = std::make_unique_for_overwrite<char[]>(capacity);
  if (size_ > 0) std::memcpy(grown.get(), data_.get(), size_);
  data_ = std::move(grown);
  capacity_ = capacity;
}

std::span<char> request_parser::space() {
  const bool chunked = stage_ == stage::chunk_size || stage_ == stage::chunk_data || stage_ == stage::chunk_end ||
                       stage_ == stage::trailer;
  if (chunked && cursor_ > body_end_) {
    // Raw bytes already decoded leave room for the ones still to come.
    std::memmove(data_.get() + body_end_, data_.get() + cursor_, size_ - cursor_);
    size_ -= cursor_ - body_end_;
    cursor_ = body_end_;
  }
  auto needed = size_ + read_size;
  if (stage_ == stage::fixed_body) needed = std::max(needed, header_end_ + content_length_);
  reserve(needed);
  return {data_.get() + size_, capacity_ - size_};
}

void request_parser::filled(std::size_t count) { size_ += std::min(count, capacity_ - size_); }

parse_state request_parser::fail(int status, std::string_view reason) {
  stage_ = stage::failed;
  failure_status_ = status;
  failure_reason_ = reason;
  return parse_state::failed;
}

parse_state request_parser::parse() {
  switch (stage_) {
    case stage::header: return parse_header();
    case stage::fixed_body:
      return size_ >= header_end_ + content_length_ ? finish(header_end_ + content_length_) : parse_state::incomplete;
    case stage::chunk_size:
    case stage::chunk_data:
    case stage::chunk_end:
    case stage::trailer: return parse_chunks();
    case stage::done: return parse_state::complete;
    case stage::failed: return parse_state::failed;
  }
  return parse_state::failed;
}

bool request_parser::request_line_invalid() const {
  const std::string_view text(data_.get(), std::min(size_, limits_.header_bytes));
  const auto line = text.substr(0, text.find('\r'));
  return !std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || is_target_char(c); });
}

parse_state request_parser::parse_header() {
  // Empty lines before a request line are ignored (RFC 9112 2.2).
  std::size_t blank = 0;
  while (blank + 1 < size_ && data_[blank] == '\r' && data_[blank + 1] == '\n') blank += 2;
  if (blank > 0) {
    std::memmove(data_.get(), data_.get() + blank, size_ - blank);
    size_ -= blank;
    scanned_ = 0;
  }
  // Only what the limit allows is looked at, so where a request is refused does not depend
  // on how its bytes were split into reads.
  const char* base = data_.get();
  const auto window = std::min(size_, limits_.header_bytes);
  std::size_t end = 0;
  for (auto from = scanned_; from < window;) {
    const auto* lf = static_cast<const char*>(std::memchr(base + from, '\n', window - from));
    if (!lf) break;
    const auto at = static_cast<std::size_t>(lf - base);
    if (at == 0 || base[at - 1] != '\r') return fail(400, "Bare line feed");
    if (at >= 3 && base[at - 2] == '\n') {
      end = at + 1;
      break;
    }
    from = at + 1;
  }
  const auto over_limit = [&] {
    const std::string_view allowed(base, std::min(size_, limits_.header_bytes));
    return allowed.find("\r\n") == std::string_view::npos ? fail(414, "Request line too long")
                                                          : fail(431, "Request header fields too large");
  };
  if (end == 0) {
    scanned_ = window;
    if (request_line_invalid()) return fail(400, "Bad request line");
    if (size_ > limits_.header_bytes) return over_limit();
    return parse_state::incomplete;
  }
  header_end_ = end;

  const std::string_view head(base, end);
  const auto line_end = head.find("\r\n");
  const auto line = head.substr(0, line_end);
  const auto first_space = line.find(' ');
  const auto second_space = first_space == std::string_view::npos ? first_space : line.find(' ', first_space + 1);
  if (second_space == std::string_view::npos) return fail(400, "Bad request line");
  const auto method = line.substr(0, first_space);
  auto target = line.substr(first_space + 1, second_space - first_space - 1);
  const auto version = line.substr(second_space + 1);
  if (!is_token(method) || target.empty() || !std::all_of(target.begin(), target.end(), is_target_char)) {
    return fail(400, "Bad request line");
  }
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' || version[5] < '0' ||
      version[5] > '9' || version[7] < '0' || version[7] > '9') {
    return fail(400, "Bad request line");
  }
  if (version[5] != '1') return fail(505, "HTTP version not supported");
  request_.minor_version = version[7] - '0';
  if (target.front() != '/' && target != "*") {
    // The absolute form: what follows the authority is the origin form.
    const auto scheme_end = target.find("://");
    const auto scheme = target.substr(0, scheme_end);
    if (scheme_end == std::string_view::npos || !(same_text(scheme, "http") || same_text(scheme, "https"))) {
      return fail(400, "Bad request target");
    }
    const auto rest = target.substr(scheme_end + 3);
    const auto path = rest.find_first_of("/?");
    target = rest.substr(std::min(path, rest.size()));
  }
  method_ = {0, static_cast<std::uint32_t>(method.size())};
  target_ = {static_cast<std::uint32_t>(target.data() - base), static_cast<std::uint32_t>(target.size())};
  return read_fields(line_end + 2, end - 2);
}

parse_state request_parser::read_fields(std::size_t line, std::size_t end) {
  const char* base = data_.get();
  spans_.clear();
  int hosts = 0;
  bool has_length = false;
  bool chunked_last = false;
  int chunked_count = 0;
  bool other_coding = false;
  bool has_coding = false;
  bool close = false;
  bool keep_alive = false;
  expects_continue_ = false;
  while (line < end) {
    const auto eol = std::string_view(base, end).find("\r\n", line);
    const std::string_view text(base + line, std::min(eol, end) - line);
    if (text.empty() || text.front() == ' ' || text.front() == '\t') return fail(400, "Bad header line");
    std::string_view name;
    std::string_view value;
    if (!split_field(text, name, value)) return fail(400, "Bad header field");
    if (spans_.size() >= limits_.header_fields) return fail(431, "Too many header fields");
    spans_.push_back({{static_cast<std::uint32_t>(name.data() - base), static_cast<std::uint32_t>(name.size())},
                      {static_cast<std::uint32_t>(value.data() - base), static_cast<std::uint32_t>(value.size())}});
    line += text.size() + 2;
    if (same_text(name, "content-length")) {
      if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return fail(400, "Bad Content-Length");
      }
      std::size_t length = 0;
      for (char digit : value) {
        length = length * 10 + static_cast<std::size_t>(digit - '0');
        if (length > limits_.body_bytes) return fail(413, "Request body too large");
      }
      if (has_length && length != content_length_) return fail(400, "Conflicting Content-Length");
      has_length = true;
      content_length_ = length;
    } else if (same_text(name, "transfer-encoding")) {
      has_coding = true;
      for_each_element(value, [&](std::string_view coding) {
        chunked_last = same_text(coding, "chunked");
        if (chunked_last) {
          ++chunked_count;
        } else {
          other_coding = true;
        }
      });
    } else if (same_text(name, "host")) {
      ++hosts;
      // One pass: find_first_of would search the two characters once for each of the value's.
      if (std::any_of(value.begin(), value.end(), [](char c) { return c == ' ' || c == '\t'; })) {
        return fail(400, "Bad Host");
      }
    } else if (same_text(name, "connection")) {
      for_each_element(value, [&](std::string_view option) {
        close = close || same_text(option, "close");
        keep_alive = keep_alive || same_text(option, "keep-alive");
      });
    } else if (same_text(name, "expect")) {
      if (!same_text(value, "100-continue")) {
        if (request_.minor_version >= 1) return fail(417, "Only 100-continue is supported");
      } else {
        expects_continue_ = request_.minor_version >= 1;
      }
    }
  }
  if (hosts > 1 || (hosts == 0 && request_.minor_version >= 1)) return fail(400, "Exactly one Host is required");
  request_.keep_alive = request_.minor_version >= 1 ? !close : keep_alive && !close;
  if (has_coding) {
    if (request_.minor_version == 0) return fail(400, "Transfer-Encoding in HTTP/1.0");
    if (has_length) return fail(400, "Both Transfer-Encoding and Content-Length");
    if (!chunked_last || chunked_count != 1) return fail(400, "Transfer-Encoding must end with chunked, once");
    if (other_coding) return fail(501, "Transfer coding not supported");
    stage_ = stage::chunk_size;
    cursor_ = body_end_ = header_end_;
    return parse_chunks();
  }
  if (content_length_ == 0) return finish(header_end_);
  stage_ = stage::fixed_body;
  return parse();
}

parse_state request_parser::parse_chunks() {
  for (;;) {
    char* base = data_.get();
    switch (stage_) {
      case stage::chunk_size: {
        const auto* lf = static_cast<const char*>(std::memchr(base + cursor_, '\n', size_ - cursor_));
        if (!lf) return size_ - cursor_ > chunk_line_limit ? fail(400, "Chunk line too long") : parse_state::incomplete;
        const auto eol = static_cast<std::size_t>(lf - base);
        if (eol == cursor_ || base[eol - 1] != '\r') return fail(400, "Bad chunk line");
        const std::string_view text(base + cursor_, eol - 1 - cursor_);
        if (text.size() > chunk_line_limit) return fail(400, "Chunk line too long");
        std::size_t size = 0;
        std::size_t digits = 0;
        const auto room = limits_.body_bytes - (body_end_ - header_end_);
        for (; digits < text.size() && hex_value(text[digits]) >= 0; ++digits) {
          size = size * 16 + static_cast<std::size_t>(hex_value(text[digits]));
          if (size > room) return fail(413, "Request body too large");
        }
        const auto extension = trim_spaces(text.substr(digits));
        if (digits == 0 || (!extension.empty() && extension.front() != ';') || !is_field_value(extension)) {
          return fail(400, "Bad chunk line");
        }
        cursor_ = eol + 1;
        if (size == 0) {
          stage_ = stage::trailer;
          trailer_used_ = 0;
        } else {
          chunk_left_ = size;
          stage_ = stage::chunk_data;
        }
        break;
      }
      case stage::chunk_data: {
        const auto count = std::min(chunk_left_, size_ - cursor_);
        if (count == 0) return parse_state::incomplete;
        if (body_end_ != cursor_) std::memmove(base + body_end_, base + cursor_, count);
        body_end_ += count;
        cursor_ += count;
        chunk_left_ -= count;
        if (chunk_left_ > 0) return parse_state::incomplete;
        stage_ = stage::chunk_end;
        break;
      }
      case stage::chunk_end:
        if (size_ - cursor_ < 2) return parse_state::incomplete;
        if (base[cursor_] != '\r' || base[cursor_ + 1] != '\n') return fail(400, "Bad chunk end");
        cursor_ += 2;
        stage_ = stage::chunk_size;
        break;
      case stage::trailer: {
        const auto* lf = static_cast<const char*>(std::memchr(base + cursor_, '\n', size_ - cursor_));
        if (!lf) {
          return trailer_used_ + (size_ - cursor_) > limits_.trailer_bytes ? fail(431, "Trailer fields too large")
                                                                           : parse_state::incomplete;
        }
        const auto eol = static_cast<std::size_t>(lf - base);
        trailer_used_ += eol + 1 - cursor_;
        if (trailer_used_ > limits_.trailer_bytes) return fail(431, "Trailer fields too large");
        if (eol == cursor_ || base[eol - 1] != '\r') return fail(400, "Bad trailer line");
        const std::string_view text(base + cursor_, eol - 1 - cursor_);
        cursor_ = eol + 1;
        if (text.empty()) return finish(cursor_);
        std::string_view name;
        std::string_view value;
        if (text.front() == ' ' || text.front() == '\t' || !split_field(text, name, value)) {
          return fail(400, "Bad trailer field");
        }
        break;
      }
      default: return parse();
    }
  }
}

parse_state request_parser::finish(std::size_t end) {
  const char* base = data_.get();
  const bool chunked = stage_ == stage::trailer;
  end_ = end;
  stage_ = stage::done;
  request_.method_name = {base + method_.offset, method_.size};
  request_.method = verb_named(request_.method_name);
  request_.target = target_.size == 0 ? std::string_view("/") : std::string_view(base + target_.offset, target_.size);
  request_.fields.clear();
  for (const auto& f : spans_) {
    request_.fields.push_back({{base + f.name.offset, f.name.size}, {base + f.value.offset, f.value.size}});
  }
  request_.body = chunked ? std::string_view(base + header_end_, body_end_ - header_end_)
                          : std::string_view(base + header_end_, content_length_);
  return parse_state::complete;
}

bool request_parser::awaits_continue() const {
  return expects_continue_ && !continue_sent_ && stage_ != stage::header && stage_ != stage::done &&
         stage_ != stage::failed;
}

void request_parser::consume() {
  const auto left = size_ - std::min(end_, size_);
  if (capacity_ > large_capacity && left <= idle_capacity) {
    auto smaller = std::make_unique_for_overwrite<char[]>(idle_capacity);
    std::memcpy(smaller.get(), data_.get() + end_, left);
    data_ = std::move(smaller);
    capacity_ = idle_capacity;
  } else if (left > 0) {
    std::memmove(data_.get(), data_.get() + end_, left);
  }
  size_ = left;
  stage_ = stage::header;
  scanned_ = header_end_ = cursor_ = body_end_ = chunk_left_ = trailer_used_ = content_length_ = end_ = 0;
  expects_continue_ = continue_sent_ = false;
  request_.fields.clear();
  request_.body = {};
}

}  // namespace zomato::net
