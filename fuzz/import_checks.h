// What every ratings import must satisfy, whatever the bytes: each data row lands in exactly one
// part of the report, matched and unrated rows are one per movie (never both), and applying the
// report to an empty profile gives exactly the matched ratings, plus the unrated films as chosen.
#pragma once
#include <set>
#include <string>

#include "cinelocal/ratings_import.h"
#include "fuzz_check.h"
#include "tiny_bundle.h"

inline const cinelocal::Catalogue& fuzz_catalogue() {
    static const cinelocal::Catalogue catalogue = cinelocal::Catalogue::parse(tiny::catalogue_json).value();
    return catalogue;
}

inline void check_import(std::string_view bytes) {
    auto report = cinelocal::read_ratings_import("fuzz.csv", bytes, fuzz_catalogue());
    if (!report) {
        FUZZ_CHECK(!report.error().message.empty());
        return;
    }
    const auto& r = report.value();
    std::set<cinelocal::MovieId> movies;
    for (const auto& m : r.matched) {
        FUZZ_CHECK(cinelocal::validate_stars(m.stars).ok());
        FUZZ_CHECK(movies.insert(m.movie).second);
    }
    for (const auto& u : r.unrated) FUZZ_CHECK(movies.insert(u.movie).second);
    for (const auto& a : r.ambiguous) FUZZ_CHECK(a.candidates.size() >= 2 && cinelocal::validate_stars(a.stars).ok());
    if (r.format != cinelocal::ImportFormat::cinelocal_json) {
        FUZZ_CHECK(r.matched.size() + r.ambiguous.size() + r.unrated.size() + r.unmatched.size() +
                       r.duplicates.size() + r.errors.size() == r.rows);
    }
    auto applied = cinelocal::apply_import(cinelocal::Profile{}, r, {});
    FUZZ_CHECK(applied.ok() && applied.value().ratings().size() == r.matched.size());
    const auto as_watchlist = cinelocal::apply_import(cinelocal::Profile{}, r, {}, cinelocal::UnratedAction::watchlist);
    FUZZ_CHECK(as_watchlist.ok() && as_watchlist.value().watchlist().size() == r.unrated.size());
}

// A format's header line followed by the fuzzer's bytes, so mutations explore the rows.
inline void check_import_with_header(std::string_view header, const std::uint8_t* data, std::size_t size) {
    std::string bytes(header);
    bytes.append(fuzz_text(data, size));
    check_import(bytes);
}
