// nlohmann's get<int>() of a floating-point JSON number is a plain cast, undefined behaviour when
// the number is outside the integer's range (found by fuzzing catalogue.json: a year of 2e30).
// Ids, years, masks, counts and sizes are read through these instead: a number that is not an
// integer within range throws a json type_error, which every parser already turns into a named error.
#pragma once
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

namespace cinelocal {

template <class Int>
Int json_integer(const nlohmann::json& value) {
    using limits = std::numeric_limits<Int>;
    bool fits = false;
    if (value.is_number_unsigned()) {
        fits = value.get<std::uint64_t>() <= static_cast<std::uint64_t>(limits::max());
    } else if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        fits = v >= 0 ? static_cast<std::uint64_t>(v) <= static_cast<std::uint64_t>(limits::max())
                      : limits::is_signed && v >= static_cast<std::int64_t>(limits::min());
    }
    if (!fits) {
        throw nlohmann::json::type_error::create(302, "expected an integer within range, not " + value.dump(), &value);
    }
    return value.get<Int>();
}

// object[key] read as above, or `fallback` when the object has no such key.
template <class Int>
Int json_integer_or(const nlohmann::json& object, const char* key, Int fallback) {
    return object.contains(key) ? json_integer<Int>(object.at(key)) : fallback;
}

}  // namespace cinelocal
