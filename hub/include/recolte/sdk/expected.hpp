// Errors as values: every fallible SDK call returns Expected<T> or Status, never throws across the
// plugin boundary. The kind tells the host what to do (osquery's Expected, Airbyte's failure types).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace recolte::sdk {

enum class ErrorKind {
    Config,     // the source's configuration is wrong: fix the YAML
    Transient,  // network hiccup, busy server: retry later
    Data,       // one record is bad: reject it, keep going
    System,     // disk full, out of memory, bug: stop this sync
};

inline const char* toString(ErrorKind k) {
    switch (k) {
        case ErrorKind::Config: return "config";
        case ErrorKind::Transient: return "transient";
        case ErrorKind::Data: return "data";
        case ErrorKind::System: return "system";
    }
    return "system";
}

struct Error {
    ErrorKind kind = ErrorKind::System;
    std::string message;  // what went wrong, for a person
    std::string where;    // file:line, element path, URL, option name... empty when global

    std::string describe() const {
        return where.empty() ? message : where + ": " + message;
    }
};

inline Error configError(std::string msg, std::string where = {}) { return {ErrorKind::Config, std::move(msg), std::move(where)}; }
inline Error transientError(std::string msg, std::string where = {}) { return {ErrorKind::Transient, std::move(msg), std::move(where)}; }
inline Error dataError(std::string msg, std::string where = {}) { return {ErrorKind::Data, std::move(msg), std::move(where)}; }
inline Error systemError(std::string msg, std::string where = {}) { return {ErrorKind::System, std::move(msg), std::move(where)}; }

template <typename T>
class [[nodiscard]] Expected {
public:
    Expected(T value) : v_(std::move(value)) {}
    Expected(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// Status: Expected<void>.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : error_(std::move(error)), ok_(false) {}
    static Status success() { return {}; }
    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const { return error_; }

private:
    Error error_;
    bool ok_ = true;
};

}  // namespace recolte::sdk
