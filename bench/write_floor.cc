// write_floor: the least a generator of a given site can spend on the file system here. It
// makes the folders and writes the files that a listing names, with the sizes it gives, from
// one buffer in memory, on as many threads as asked: no reading, no rendering, nothing kept.
//
//   write_floor LIST DEST THREADS
//
// LIST has one "SIZE PATH" line per file (find -printf '%s %P\n'), PATH relative to DEST,
// which must not exist yet. Folders are made level by level (all of one depth, split over
// the threads, before the next), then the files, in LIST's order, in one contiguous slice per
// thread. build_bench.sh compiles it (g++, installed by build.sh) and times it on both sites.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Entry {
  size_t size;
  std::string path;
};

// Runs body(i) for i in [0, n) on `threads` threads, each a contiguous slice.
template <typename Body>
void ForSlices(size_t n, int threads, const Body& body) {
  std::vector<std::thread> pool;
  const size_t per = (n + threads - 1) / threads;
  for (int t = 0; t < threads; ++t) {
    const size_t begin = std::min(n, per * t), end = std::min(n, begin + per);
    pool.emplace_back([&body, begin, end] {
      for (size_t i = begin; i < end; ++i) body(i);
    });
  }
  for (std::thread& th : pool) th.join();
}

[[noreturn]] void Die(const std::string& what) {
  std::cerr << "write_floor: " << what << ": " << std::strerror(errno) << "\n";
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: write_floor LIST DEST THREADS\n";
    return 2;
  }
  const std::string dest = argv[2];
  const int threads = std::max(1, std::atoi(argv[3]));
  std::vector<Entry> files;
  std::ifstream list(argv[1]);
  size_t largest = 0;
  for (std::string line; std::getline(list, line);) {
    const size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    files.push_back({std::stoul(line.substr(0, space)), line.substr(space + 1)});
    largest = std::max(largest, files.back().size);
  }
  // Every folder a file needs, by depth.
  std::vector<std::vector<std::string>> levels;
  std::set<std::string> seen;
  for (const Entry& file : files) {
    for (size_t slash = file.path.find('/'); slash != std::string::npos;
         slash = file.path.find('/', slash + 1)) {
      std::string folder = file.path.substr(0, slash);
      if (!seen.insert(folder).second) continue;
      const size_t depth = std::count(folder.begin(), folder.end(), '/');
      if (levels.size() <= depth) levels.resize(depth + 1);
      levels[depth].push_back(std::move(folder));
    }
  }
  const std::string bytes(largest, 'x');
  if (::mkdir(dest.c_str(), 0777) != 0) Die(dest);
  for (const std::vector<std::string>& level : levels) {
    ForSlices(level.size(), threads, [&](size_t i) {
      const std::string path = dest + "/" + level[i];
      if (::mkdir(path.c_str(), 0777) != 0) Die(path);
    });
  }
  ForSlices(files.size(), threads, [&](size_t i) {
    const std::string path = dest + "/" + files[i].path;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) Die(path);
    size_t left = files[i].size;
    while (left > 0) {
      const ssize_t n = ::write(fd, bytes.data(), left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) Die(path);
      left -= static_cast<size_t>(n);
    }
    if (::close(fd) != 0) Die(path);
  });
  return 0;
}
