// Errors as values: every fallible core function returns Result<T>, so a bad input becomes a
// named error with a message for the UI or CLI, never an abort or an exception across the JS boundary.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace cinelocal {

enum class ErrorCode {
    invalid_format,     // bytes or text that do not parse
    size_mismatch,      // a file or array of the wrong length
    checksum_mismatch,  // sha256 differs from the manifest
    unknown_file,       // a file the manifest does not list
    unknown_movie,      // a movie id absent from the catalogue
    invalid_rating,     // NaN or outside 0.5..5 in half steps
    dimension_mismatch, // vectors of different lengths
    unsupported_version,
    not_loaded,         // asked for something before the bundle arrived
};

const char* error_code_name(ErrorCode code);

struct Error {
    ErrorCode code;
    std::string message;
};

template <class T>
class Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(state_); }
    T& value() & { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    const Error& error() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace cinelocal
