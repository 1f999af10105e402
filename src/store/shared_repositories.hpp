#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/idempotency_repository.hpp"
#include "store/write_count_repository.hpp"

// The repositories whose SQL is the same on every engine, written once over the engine's
// connection (its use(), bind_all(), next(), run() and execute()).
namespace zomato::store {

template <class Connection>
class idempotency_rows final : public idempotency_repository {
 public:
  explicit idempotency_rows(Connection& db) : db_(db) {}

  std::optional<entry> find(domain::id_t customer_id, const std::string& key) override {
    auto row =
        db_.use("SELECT request, order_id FROM idempotency_keys WHERE customer_id = ?1 AND idempotency_key = ?2");
    row.bind_all(customer_id, key);
    if (!row.next()) return std::nullopt;
    return entry{row.text(0), row.integer(1)};
  }

  void remember(domain::id_t customer_id, const std::string& key, const std::string& request, domain::id_t order_id,
                const std::string& at) override {
    db_.use(
           "INSERT INTO idempotency_keys (customer_id, idempotency_key, request, order_id, created_at) "
           "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind_all(customer_id, key, request, order_id, at)
        .run();
  }

  void forget_before(const std::string& at) override {
    db_.use("DELETE FROM idempotency_keys WHERE created_at < ?1").bind_all(at).run();
  }

 private:
  Connection& db_;
};

template <class Connection>
class write_count_rows final : public write_count_repository {
 public:
  explicit write_count_rows(Connection& db) : db_(db) {}

  std::uint64_t count(bool announceable) override {
    auto row = db_.use("UPDATE write_count SET n = n + 1, unannounced = unannounced + ?1 WHERE id = 1 RETURNING n");
    row.bind_all(announceable ? 0 : 1);
    row.next();
    return static_cast<std::uint64_t>(row.integer(0));
  }

  void mark_unannounced() override { db_.execute("UPDATE write_count SET unannounced = unannounced + 1 WHERE id = 1"); }

  write_tally counted() override {
    auto row = db_.use("SELECT n, unannounced FROM write_count WHERE id = 1");
    row.next();
    return {static_cast<std::uint64_t>(row.integer(0)), static_cast<std::uint64_t>(row.integer(1))};
  }

 private:
  Connection& db_;
};

}  // namespace zomato::store
