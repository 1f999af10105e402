#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace zomato::store::sqlite {

class pooled_session;

/// The SQLite store: one writer connection behind a queue and a pool of reader
/// connections, all on one file in WAL mode. Migrations run when it opens.
class database final : public store::database {
 public:
  /// Opens (creating if needed) the file and migrates it. Throws sqlite::error on failure.
  explicit database(std::string path);
  ~database() override;

  session_lease read() override;
  session_lease write() override;

 private:
  static void give_back_reader(void* owner, session* released);
  static void give_back_writer(void* owner, session* released);

  std::string path_;
  std::unique_ptr<pooled_session> writer_;
  std::mutex writer_lock_;
  std::mutex readers_lock_;
  std::vector<std::unique_ptr<pooled_session>> idle_readers_;
};

}  // namespace zomato::store::sqlite
