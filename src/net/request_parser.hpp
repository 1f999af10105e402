#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace zomato::net {

/// How much of a request the server takes before refusing it; nothing past these is buffered.
struct wire_limits {
  std::size_t header_bytes = std::size_t{16} * 1024;  // request line and header fields: 414 or 431 past it
  std::size_t header_fields = 100;                    // 431 past it
  std::size_t trailer_bytes = std::size_t{8} * 1024;  // trailer fields of a chunked body: 431 past it
  std::size_t body_bytes = 1 << 20;                   // the body, after chunked decoding: 413 past it
};

struct header_field {
  std::string_view name;
  std::string_view value;
};

/// One request as read off the wire. Views point into the parser's buffer and stay valid
/// until request_parser::consume().
struct wire_request {
  http::verb method = http::verb::other;
  std::string_view method_name;
  /// Origin form ("/path?query"), also when the client sent the absolute form.
  std::string_view target;
  int minor_version = 1;
  std::vector<header_field> fields;
  std::string_view body;
  bool keep_alive = true;

  /// The value of the first field with this name (compared without case), or "".
  std::string_view field(std::string_view name) const;
};

/// What a handler sees of a request: method, path, query, body and the fields it reads,
/// as views into the wire request.
http::request handler_view(const wire_request& message);

enum class parse_state { incomplete, complete, failed };

/// An HTTP/1.1 request reader without I/O (RFC 9112): the caller reads socket bytes into
/// space() and calls parse() until a request is complete or refused. Framing is strict, so
/// no two readers of the same bytes can disagree on where a request ends: a Transfer-Encoding
/// other than a final "chunked" alone, with Content-Length beside it, or in HTTP/1.0, is
/// refused; so are bare line feeds, folded lines, space before a field's colon, control
/// characters in fields and an HTTP/1.1 request without exactly one Host. Chunked bodies are
/// decoded in place and their trailer fields counted against their own limit and dropped.
class request_parser {
 public:
  explicit request_parser(wire_limits limits);

  /// Room at the end of the buffer for the next read; never empty.
  std::span<char> space();
  /// Records that `count` bytes were read into space().
  void filled(std::size_t count);

  /// Reads as far as the buffered bytes go. After `failed` the connection must answer
  /// failure_status() and close: its framing is no longer known.
  parse_state parse();

  /// The completed request (after parse() answered complete).
  const wire_request& request() const { return request_; }
  /// 400, 413, 414, 417, 431, 501 or 505, with a short reason for the answer's detail.
  int failure_status() const { return failure_status_; }
  std::string_view failure_reason() const { return failure_reason_; }

  /// The header is read, the client waits for "100 Continue" before sending its body, and
  /// it has not been sent yet.
  bool awaits_continue() const;
  void continue_sent() { continue_sent_ = true; }
  /// Whether part of a request that is not complete yet has arrived.
  bool mid_request() const { return size_ > 0; }

  /// Forgets the completed request; bytes a client sent after it stay for the next parse().
  void consume();

 private:
  enum class stage { header, fixed_body, chunk_size, chunk_data, chunk_end, trailer, done, failed };

  parse_state fail(int status, std::string_view reason);
  parse_state parse_header();
  parse_state read_fields(std::size_t line, std::size_t end);
  parse_state frame_body();
  parse_state parse_chunks();
  parse_state finish(std::size_t end);
  bool request_line_invalid() const;
  void reserve(std::size_t needed);

  wire_limits limits_;
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;
  stage stage_ = stage::header;
  std::size_t scanned_ = 0;       // header: where the search for its end goes on
  std::size_t header_end_ = 0;    // after the blank line
  std::size_t cursor_ = 0;        // chunked: the next raw byte to read
  std::size_t body_end_ = 0;      // chunked: where the decoded body ends
  std::size_t chunk_left_ = 0;    // chunked: bytes of the current chunk still to come
  std::size_t trailer_used_ = 0;  // chunked: trailer bytes read so far
  std::size_t content_length_ = 0;
  std::size_t end_ = 0;  // where the completed request ends in the buffer
  bool expects_continue_ = false;
  bool continue_sent_ = false;
  struct span_of {
    std::uint32_t offset, size;
  };
  struct field_spans {
    span_of name, value;
  };
  std::vector<field_spans> spans_;
  span_of method_{}, target_{};
  int failure_status_ = 0;
  std::string_view failure_reason_;
  wire_request request_;
};

}  // namespace zomato::net
