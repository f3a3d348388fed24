// Errors as values: every fallible core function returns Result<T>, so a bad input becomes a
// named error with a message for the UI or CLI, never an abort or an exception across the JS boundary.
#pragma once
#include <string>
#include <utility>
#include <variant>

#include "cinelocal/message.h"

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
    std::string message;  // in English: the CLI, logs and tests read it
    Message said = {};    // the same as a key and values, when a visitor may see it (the UI translates it)
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
inline Error make_error(ErrorCode code, Message said) { return Error{code, english(said), std::move(said)}; }
// An error as a sentence that can go inside another ("{file}: {reason}"): its own when it has one,
// else its English message as it is.
inline Message said_of(const Error& error) {
    return error.said.empty() ? Message("text.verbatim").with("text", error.message) : error.said;
}

}  // namespace cinelocal
