// Status and Result<T>: errors as values (after leveldb's Status).
#ifndef PORTALGEN_BASE_STATUS_H_
#define PORTALGEN_BASE_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace portalgen {

class Status {
 public:
  enum class Kind { kOk, kIo, kNotFound, kParse, kSchema, kReference, kTemplate, kUsage };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status Io(std::string msg) { return Status(Kind::kIo, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Kind::kNotFound, std::move(msg)); }
  static Status Usage(std::string msg) { return Status(Kind::kUsage, std::move(msg)); }
  static Status Error(Kind kind, std::string msg) { return Status(kind, std::move(msg)); }

  bool ok() const { return kind_ == Kind::kOk; }
  Kind kind() const { return kind_; }
  const std::string& message() const { return message_; }

 private:
  Status(Kind kind, std::string msg) : kind_(kind), message_(std::move(msg)) {}
  Kind kind_ = Kind::kOk;
  std::string message_;
};

/// Either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace portalgen

#endif  // PORTALGEN_BASE_STATUS_H_
