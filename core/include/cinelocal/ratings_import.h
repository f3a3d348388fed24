// Importing ratings from Letterboxd (ratings.csv, diary.csv), IMDb (ratings export) and CineLocal's
// own exported JSON. Reading produces a report and changes nothing; apply_import is a separate pure
// function the UI calls once the visitor has seen the report and resolved the ambiguous rows.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/profile.h"
#include "cinelocal/result.h"

namespace cinelocal {

// Refused before reading: a larger file or more rows is almost surely not a ratings export.
inline constexpr std::size_t k_max_import_bytes = 5 * 1024 * 1024;
inline constexpr std::size_t k_max_import_rows = 50'000;

enum class ImportFormat {
    letterboxd_ratings,  // Date,Name,Year,Letterboxd URI,Rating
    letterboxd_diary,    // Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
    imdb_ratings,        // Const,Your Rating,Date Rated,Title,...,Year,...  (1..10, halved)
    cinelocal_json,      // Profile::to_json; "line" below is then the 1-based rating entry
};
const char* import_format_key(ImportFormat format);     // a key of cinelocal/message.h
std::string import_format_name(ImportFormat format);    // in English

struct ImportedRating {
    std::size_t line = 0;
    MovieId movie = 0;
    float stars = 0;
    std::string title;  // as written in the file
    std::string date;   // as written (YYYY-MM-DD), may be empty; newer dates are applied later
};

struct AmbiguousRow {
    std::size_t line = 0;
    std::string title;
    int year = 0;
    float stars = 0;
    std::string date;
    std::vector<MovieId> candidates;  // most popular first; the visitor picks one or none
};

enum class UnmatchedReason { not_in_catalogue, other_year, not_a_film, unrated_ambiguous };
const char* unmatched_reason_key(UnmatchedReason reason);  // a key of cinelocal/message.h
std::string unmatched_reason_text(UnmatchedReason reason);  // in English

struct UnmatchedRow {
    std::size_t line = 0;
    std::string title;
    int year = 0;
    UnmatchedReason reason = UnmatchedReason::not_in_catalogue;
};

// A row whose film another row also rates; the newer row (by date, then by line) is kept.
struct DuplicateRow {
    std::size_t line = 0;
    std::size_t kept_line = 0;
    MovieId movie = 0;
    std::string title;
};

// A film the file lists without a rating, found in the catalogue. What that means depends on the
// file: Letterboxd's ratings.csv and diary.csv list only films logged as watched, so there it was
// seen; IMDb's list exports (a watchlist or any list, which carry "Your Rating" too) only list it.
// A film the file also rates is not here (the rating says more): it is a duplicate of that row.
struct UnratedRow {
    std::size_t line = 0;
    MovieId movie = 0;
    std::string title;  // as written in the file
};
enum class UnratedMeaning { watched, listed };

// A row that could not be read; the rest of the file still imports.
struct RowError {
    std::size_t line = 0;
    std::string field;  // the column named in the file's header, e.g. "Rating"
    std::string message;  // in English
    Message said;         // the same, for the UI to translate
};

struct ImportReport {
    std::string file_name;
    ImportFormat format = ImportFormat::letterboxd_ratings;
    std::size_t rows = 0;  // data rows read (header excluded)
    std::vector<ImportedRating> matched;  // one per movie, in file order
    std::vector<AmbiguousRow> ambiguous;
    std::vector<UnratedRow> unrated;  // one per movie, in file order
    UnratedMeaning unrated_meaning = UnratedMeaning::watched;
    std::vector<UnmatchedRow> unmatched;
    std::vector<DuplicateRow> duplicates;
    std::vector<RowError> errors;
};

// Recognises the format from the content (not the name) and reads the whole file. A file that is
// too large, not text, of no known format or missing a needed column is an error naming the file
// and the line; nothing is partially returned.
Result<ImportReport> read_ratings_import(std::string_view file_name, std::string_view bytes,
                                         const Catalogue& catalogue);

// The visitor's choice for an ambiguous row; rows without a choice are skipped.
struct ImportChoice {
    std::size_t line = 0;
    MovieId movie = 0;
};

// What the unrated rows become, the visitor's choice: nothing, "seen" marks (never recommended;
// offered only when the file says they were watched) or watchlist entries.
enum class UnratedAction { skip, seen, watchlist };
bool unrated_action_offered(const ImportReport& report, UnratedAction action);

// The profile with the report's matched ratings and chosen ambiguous rows applied, oldest date first
// so the newest ends up newest; an imported rating replaces the profile's rating of that movie.
// Then the unrated rows become what `unrated` says, except films the result rates (a rating already
// says "seen") and, for the watchlist, films marked not interested.
// A choice for a line that is not ambiguous, or of a movie not among its candidates, is an error,
// as are an action not offered for this file and a result above k_max_profile_ratings. `profile`
// itself is never modified. `now` stamps the changes (Profile::rate): an import is the newest
// change of each film.
Result<Profile> apply_import(const Profile& profile, const ImportReport& report, std::span<const ImportChoice> choices,
                             UnratedAction unrated = UnratedAction::skip, Stamp now = 0);

}  // namespace cinelocal
