#include "support/server_process.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace zomato::testing {
namespace {

pid_t spawn(const std::map<std::string, std::string>& environment, int out_fd, int err_fd) {
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    if (out_fd >= 0) ::dup2(out_fd, STDOUT_FILENO);
    if (err_fd >= 0) ::dup2(err_fd, STDERR_FILENO);
    for (const auto& [name, value] : environment) ::setenv(name.c_str(), value.c_str(), 1);
    ::execl(ZOMATO_SERVER_BINARY, ZOMATO_SERVER_BINARY, static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

std::string read_line(int fd) {
  std::string line;
  char c;
  while (::read(fd, &c, 1) == 1 && c != '\n') line.push_back(c);
  return line;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

}  // namespace

server_process::server_process(std::map<std::string, std::string> environment) {
  std::map<std::string, std::string> settings{
      {"HOST", "127.0.0.1"},
      {"PORT", "0"},
      {"DATABASE_URL", database_.url()},
      {"LOG_LEVEL", "warning"},
      {"CACHE_WARM_ON_START", "off"},
      {"THREADS", "2"},
      // With Redis: a heartbeat late under a sanitizer's load would turn expected hits into misses.
      {"CACHE_FLEET_BOUND_MS", "2000"}};
  for (auto& [name, value] : environment) settings[name] = value;
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  pid_ = spawn(settings, pipe_fds[1], -1);
  ::close(pipe_fds[1]);
  output_ = pipe_fds[0];
  // "listening on http://<host>:<port> (database <label>, ...)": the label may hold colons too.
  const std::string line = read_line(output_);
  const std::string prefix = "listening on http://";
  const auto colon = line.find(':', prefix.size());
  if (line.rfind(prefix, 0) != 0 || colon == std::string::npos || colon + 1 >= line.size() ||
      !std::isdigit(static_cast<unsigned char>(line[colon + 1]))) {
    kill();
    throw std::runtime_error("server did not start: '" + line + "'");
  }
  port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
}

server_process::~server_process() {
  if (pid_ > 0) stop();
}

int server_process::stop() {
  ::kill(pid_, SIGTERM);
  const int status = wait_for(pid_);
  pid_ = -1;
  close_output();
  return status;
}

void server_process::kill() {
  ::kill(pid_, SIGKILL);
  wait_for(pid_);
  pid_ = -1;
  close_output();
}

std::optional<std::string> server_process::next_output_line(int wait_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  for (;;) {
    const auto newline = output_pending_.find('\n');
    if (newline != std::string::npos) {
      auto line = output_pending_.substr(0, newline);
      output_pending_.erase(0, newline + 1);
      return line;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd ready{output_, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&ready, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
    char chunk[4096];
    const auto n = ::read(output_, chunk, sizeof chunk);
    if (n <= 0) return std::nullopt;
    output_pending_.append(chunk, static_cast<std::size_t>(n));
  }
}

void server_process::close_output() {
  if (output_ >= 0) ::close(output_);
  output_ = -1;
}

std::pair<int, std::string> run_to_exit(const std::map<std::string, std::string>& environment) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = spawn(environment, -1, pipe_fds[1]);
  ::close(pipe_fds[1]);
  const std::string line = read_line(pipe_fds[0]);
  ::close(pipe_fds[0]);
  return {wait_for(pid), line};
}

}  // namespace zomato::testing
