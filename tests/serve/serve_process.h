// Helpers for the `serve` end-to-end tests: a `portalgen serve` child process on a free
// loopback port, raw HTTP requests, and polling with a deadline. Every wait here is bounded.
#ifndef PORTALGEN_TESTS_SERVE_SERVE_PROCESS_H_
#define PORTALGEN_TESTS_SERVE_SERVE_PROCESS_H_

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

namespace portalgen::testing {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

/// Calls `done` every 25 ms until it returns true or `timeout` passes; returns its last answer.
inline bool PollUntil(const std::function<bool()>& done, milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(milliseconds(25));
  }
  return done();
}

/// `portalgen serve --port 0 --source SITE ...`, stdout read until it names its port; stderr
/// goes to `err_log`. The destructor kills the process if a test left it running.
class ServeProcess {
 public:
  ServeProcess(const std::filesystem::path& site, const std::filesystem::path& err_log) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      const int err = open(err_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(err, STDERR_FILENO);
      execl(PORTALGEN_BIN, PORTALGEN_BIN, "serve", "--port", "0", "--now", "2026-11-23", "--source",
            site.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    out_ = out[0];
    ReadPort(milliseconds(10000));
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  const std::string& stdout_text() const { return stdout_; }

  /// Sends `signal`, then waits up to `timeout` for the exit. Returns the exit code, or -1
  /// when the process did not exit normally in time.
  int Stop(int signal, milliseconds timeout) {
    if (pid_ <= 0) return -1;
    kill(pid_, signal);
    int status = 0;
    const bool exited = PollUntil([&] { return waitpid(pid_, &status, WNOHANG) == pid_; }, timeout);
    if (!exited) return -1;
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  void ReadPort(milliseconds timeout) {
    const std::string marker = "Serving at http://127.0.0.1:";
    const Clock::time_point deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char buffer[512];
      const ssize_t n = read(out_, buffer, sizeof buffer);
      if (n <= 0) return;
      stdout_.append(buffer, static_cast<size_t>(n));
      const size_t at = stdout_.find(marker);
      if (at != std::string::npos && stdout_.find('/', at + marker.size()) != std::string::npos) {
        port_ = std::stoi(stdout_.substr(at + marker.size()));
        return;
      }
    }
  }

  pid_t pid_ = -1;
  int out_ = -1;
  int port_ = 0;
  std::string stdout_;
};

struct RawResponse {
  int status = 0;
  std::string text;  // status line, headers and body
};

/// Sends `target` byte for byte (no client-side normalisation) and reads the whole answer.
inline RawResponse RawGet(int port, const std::string& target) {
  RawResponse r;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const std::string request =
        "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
        static_cast<ssize_t>(request.size())) {
      char buffer[4096];
      for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) {
        r.text.append(buffer, static_cast<size_t>(n));
      }
    }
  }
  close(fd);
  if (r.text.starts_with("HTTP/1.1 ")) r.status = std::stoi(r.text.substr(9, 3));
  return r;
}

}  // namespace portalgen::testing

#endif  // PORTALGEN_TESTS_SERVE_SERVE_PROCESS_H_
