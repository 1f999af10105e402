#include "support/postgres_process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

namespace zomato::testing {

postgres_process::postgres_process() {
  std::string pattern = (std::filesystem::temp_directory_path() / "zomato-pg-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  try {
    run({"start", dir_, "--owner", std::to_string(::getpid())});
    std::ifstream port_file(dir_ + "/port");
    int port = 0;
    if (!(port_file >> port) || port <= 0 || port > 65535) throw std::runtime_error("no port in " + dir_);
    port_ = static_cast<std::uint16_t>(port);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    throw;
  }
}

postgres_process::~postgres_process() {
  try {
    run({"stop", dir_});
  } catch (const std::exception& failure) {
    std::cerr << "postgres_process: " << failure.what() << '\n';
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string postgres_process::url(const std::string& database) const {
  return "postgresql://zomato@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

void postgres_process::kill() { run({"kill", dir_}); }

void postgres_process::restart() { run({"restart", dir_}); }

void postgres_process::run(const std::vector<std::string>& arguments) const {
  std::vector<char*> argv;
  std::string script = ZOMATO_POSTGRES_CLUSTER_SCRIPT;
  argv.push_back(script.data());
  std::vector<std::string> words = arguments;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int null_fd = ::open("/dev/null", O_WRONLY);
    if (null_fd >= 0) ::dup2(null_fd, STDOUT_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(script + " " + arguments.front() + " " + dir_ + " failed (status " +
                             std::to_string(status) + ")");
  }
}

}  // namespace zomato::testing
