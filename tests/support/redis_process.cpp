#include "support/redis_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "support/loopback.hpp"

namespace zomato::testing {
namespace {

constexpr const char* redis_binary = "/usr/bin/redis-server";

}  // namespace

std::uint16_t free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  auto address = loopback(0);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("bind failed");
  }
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

redis_process::redis_process(std::uint16_t port) : port_(port == 0 ? free_loopback_port() : port) { start(); }

redis_process::~redis_process() {
  if (pid_ > 0) stop();
}

std::string redis_process::url(int database) const {
  return "redis://127.0.0.1:" + std::to_string(port_) + "/" + std::to_string(database);
}

void redis_process::start() {
  if (pid_ > 0) return;
  const std::string port_text = std::to_string(port_);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);
    const int null_fd = ::open("/dev/null", O_RDWR);
    if (null_fd >= 0) {
      ::dup2(null_fd, STDIN_FILENO);
      ::dup2(null_fd, STDOUT_FILENO);
      ::dup2(null_fd, STDERR_FILENO);
    }
    ::execl(redis_binary, redis_binary, "--save", "", "--appendonly", "no", "--port", port_text.c_str(), "--bind",
            "127.0.0.1", "--dir", "/tmp", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  pid_ = pid;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (ask({"PING"}) == "+PONG") return;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("redis-server exited at start (port " + port_text + ")");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill();
  throw std::runtime_error("redis-server did not answer PING on port " + port_text);
}

void redis_process::end(int signal_number) {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGCONT);  // a paused server must be able to act on SIGTERM
  ::kill(pid_, signal_number);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

void redis_process::stop() { end(SIGTERM); }

void redis_process::kill() { end(SIGKILL); }

void redis_process::pause() {
  if (pid_ > 0) ::kill(pid_, SIGSTOP);
}

void redis_process::resume() {
  if (pid_ > 0) ::kill(pid_, SIGCONT);
}

std::string redis_process::ask(const std::vector<std::string>& words) const {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return {};
  auto address = loopback(port_);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return {};
  }
  std::string request = "*" + std::to_string(words.size()) + "\r\n";
  for (const auto& word : words) request += "$" + std::to_string(word.size()) + "\r\n" + word + "\r\n";
  std::size_t sent = 0;
  while (sent < request.size()) {
    const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      ::close(fd);
      return {};
    }
    sent += static_cast<std::size_t>(n);
  }
  std::string reply;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (reply.find("\r\n") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd ready{fd, POLLIN, 0};
    if (::poll(&ready, 1, 100) <= 0) continue;
    char buffer[4096];
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    reply.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  const auto end_of_line = reply.find("\r\n");
  return end_of_line == std::string::npos ? std::string() : reply.substr(0, end_of_line);
}

}  // namespace zomato::testing
