#include "cinelocal/ratings_import.h"

#include <algorithm>
#include <map>
#include <optional>
#include <variant>

#include "cinelocal/csv.h"
#include "cinelocal/title_match.h"

namespace cinelocal {

const char* import_format_key(ImportFormat format) {
    switch (format) {
        case ImportFormat::letterboxd_ratings: return "import.format.letterboxd_ratings";
        case ImportFormat::letterboxd_diary: return "import.format.letterboxd_diary";
        case ImportFormat::imdb_ratings: return "import.format.imdb_ratings";
        case ImportFormat::cinelocal_json: return "import.format.cinelocal_json";
    }
    return "";
}

std::string import_format_name(ImportFormat format) { return english(Message(import_format_key(format))); }

const char* unmatched_reason_key(UnmatchedReason reason) {
    switch (reason) {
        case UnmatchedReason::not_in_catalogue: return "import.reason.not_in_catalogue";
        case UnmatchedReason::other_year: return "import.reason.other_year";
        case UnmatchedReason::not_a_film: return "import.reason.not_a_film";
        case UnmatchedReason::unrated_ambiguous: return "import.reason.unrated_ambiguous";
    }
    return "";
}

std::string unmatched_reason_text(UnmatchedReason reason) { return english(Message(unmatched_reason_key(reason))); }

namespace {

// Where each needed column sits in a CSV format's header; empty name = the format lacks it.
struct Layout {
    ImportFormat format;
    const char* title;
    const char* original_title;
    const char* year;
    const char* rating;
    const char* date;
    const char* title_type;
    bool ten_point_scale;  // IMDb rates 1..10: halved to 0.5..5 stars
    UnratedMeaning unrated;  // what a row without a rating means in this format
};

constexpr Layout k_letterboxd_ratings{ImportFormat::letterboxd_ratings, "Name", "", "Year", "Rating", "Date", "", false,
                                      UnratedMeaning::watched};
constexpr Layout k_letterboxd_diary{ImportFormat::letterboxd_diary, "Name", "", "Year", "Rating", "Watched Date", "",
                                    false, UnratedMeaning::watched};
// IMDb's ratings export rates every row; its list exports (watchlist, lists) share these columns
// and leave "Your Rating" empty for a film only listed.
constexpr Layout k_imdb{ImportFormat::imdb_ratings, "Title", "Original Title", "Year", "Your Rating", "Date Rated",
                        "Title Type", true, UnratedMeaning::listed};

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<std::size_t> column(const std::vector<std::string>& header, std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (trimmed(header[i]) == name) return i;
    }
    return std::nullopt;
}

Result<Layout> detect_layout(std::string_view file_name, const std::vector<std::string>& header) {
    auto has = [&](std::string_view name) { return column(header, name).has_value(); };
    if (has("Letterboxd URI")) {
        if (!has("Rating")) {
            return make_error(ErrorCode::invalid_format,
                              Message("import.letterboxd_without_ratings").with("file", std::string(file_name)));
        }
        return has("Watched Date") ? k_letterboxd_diary : k_letterboxd_ratings;
    }
    if (has("Const") && has("Your Rating")) return k_imdb;
    return make_error(ErrorCode::invalid_format, Message("import.unknown_format").with("file", std::string(file_name)));
}

// "4", "4.5", "10": digits with at most one decimal part; no signs, exponents or NaN.
std::optional<double> parse_decimal(std::string_view text) {
    if (text.empty() || text.size() > 8) return std::nullopt;
    double value = 0, scale = 0;
    for (char c : text) {
        if (c == '.' && scale == 0) {
            scale = 1;
        } else if (c >= '0' && c <= '9') {
            if (scale == 0) {
                value = value * 10 + (c - '0');
            } else {
                scale /= 10;
                value += (c - '0') * scale;
            }
        } else {
            return std::nullopt;
        }
    }
    if (text.front() == '.' || text.back() == '.') return std::nullopt;
    return value;
}

// One data row as the layout reads it.
struct Row {
    std::string title;
    std::string original_title;
    int year = 0;
    std::optional<float> stars;  // empty: not rated
    std::string date;
    std::string title_type;
};

// Reads the row's fields; a field that cannot be read becomes a RowError naming the column.
std::variant<Row, RowError> read_row(const Layout& layout, const std::vector<std::string>& header,
                                     const CsvRecord& record) {
    auto field_error = [&](const char* name, Message said) {
        return RowError{record.line, name, english(said), std::move(said)};
    };
    auto get = [&](const char* name) -> std::optional<std::string_view> {
        if (*name == '\0') return std::string_view{};
        auto index = column(header, name);
        if (!index) return std::string_view{};
        if (*index >= record.fields.size()) return std::nullopt;
        return trimmed(record.fields[*index]);
    };
    Row row;
    for (const char* name : {layout.title, layout.original_title, layout.year, layout.rating, layout.date,
                             layout.title_type}) {
        if (!get(name)) {
            return field_error(name, Message("import.row.field_count")
                                         .with("fields", record.fields.size())
                                         .with("header_fields", header.size()));
        }
    }
    row.title = std::string(*get(layout.title));
    if (row.title.empty()) return field_error(layout.title, Message("import.row.title_empty"));
    row.original_title = std::string(*get(layout.original_title));
    row.date = std::string(*get(layout.date));
    row.title_type = std::string(*get(layout.title_type));
    if (auto year = *get(layout.year); !year.empty()) {
        auto value = parse_decimal(year);
        if (!value || year.find('.') != std::string_view::npos || *value < 1870 || *value > 2100) {
            return field_error(layout.year, Message("import.row.not_a_year").with("value", std::string(year)));
        }
        row.year = static_cast<int>(*value);
    }
    if (auto rating = *get(layout.rating); !rating.empty()) {
        auto value = parse_decimal(rating);
        float stars = value ? static_cast<float>(layout.ten_point_scale ? *value / 2 : *value) : -1.0f;
        bool whole = !layout.ten_point_scale || (value && *value == static_cast<int>(*value));
        if (!value || !whole || !validate_stars(stars)) {
            return field_error(layout.rating, Message(layout.ten_point_scale ? "import.row.not_ten_point" : "import.row.not_stars")
                                                  .with("value", std::string(rating)));
        }
        row.stars = stars;
    }
    return row;
}

bool is_film(std::string_view title_type) {
    std::string lower;
    for (char c : title_type) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    for (std::string_view not_film : {"series", "episode", "game", "podcast"}) {
        if (lower.find(not_film) != std::string::npos) return false;
    }
    return true;
}

// Keeps one matched row per movie: the newest by date, then the later line; the rest become duplicates.
void drop_duplicates(ImportReport& report) {
    std::map<MovieId, std::size_t> newest;  // movie -> index into matched
    auto newer = [](const ImportedRating& a, const ImportedRating& b) {
        return a.date != b.date ? a.date > b.date : a.line > b.line;
    };
    for (std::size_t i = 0; i < report.matched.size(); ++i) {
        auto [it, inserted] = newest.emplace(report.matched[i].movie, i);
        if (!inserted && newer(report.matched[i], report.matched[it->second])) it->second = i;
    }
    std::vector<ImportedRating> kept;
    for (std::size_t i = 0; i < report.matched.size(); ++i) {
        auto& row = report.matched[i];
        std::size_t winner = newest.at(row.movie);
        if (winner == i) {
            kept.push_back(std::move(row));
        } else {
            report.duplicates.push_back({row.line, report.matched[winner].line, row.movie, row.title});
        }
    }
    report.matched = std::move(kept);
}

// An unrated row of a film the file rates, or lists again, is a duplicate of the first such row.
void drop_unrated_duplicates(ImportReport& report) {
    std::map<MovieId, std::size_t> kept_line;
    for (const auto& rated : report.matched) kept_line.emplace(rated.movie, rated.line);
    std::vector<UnratedRow> kept;
    for (auto& row : report.unrated) {
        auto [it, first] = kept_line.emplace(row.movie, row.line);
        if (first) {
            kept.push_back(std::move(row));
        } else {
            report.duplicates.push_back({row.line, it->second, row.movie, row.title});
        }
    }
    report.unrated = std::move(kept);
}

Result<ImportReport> read_csv_import(std::string_view file_name, std::string_view bytes, const Catalogue& catalogue) {
    auto records = read_csv(file_name, bytes, k_max_import_rows);
    if (!records) return records.error();
    if (records.value().empty()) {
        return make_error(ErrorCode::invalid_format, Message("import.file_empty").with("file", std::string(file_name)));
    }
    const auto& header = records.value().front().fields;
    auto layout = detect_layout(file_name, header);
    if (!layout) return layout.error();
    for (const char* name : {layout.value().title, layout.value().year, layout.value().rating}) {
        if (!column(header, name)) {
            return make_error(ErrorCode::invalid_format,
                              Message("import.missing_column").with("file", std::string(file_name)).with("column", name));
        }
    }
    ImportReport report;
    report.file_name = std::string(file_name);
    report.format = layout.value().format;
    report.unrated_meaning = layout.value().unrated;
    TitleMatcher matcher(catalogue);
    for (std::size_t r = 1; r < records.value().size(); ++r) {
        const CsvRecord& record = records.value()[r];
        ++report.rows;
        auto row = read_row(layout.value(), header, record);
        if (auto* error = std::get_if<RowError>(&row)) {
            report.errors.push_back(std::move(*error));
            continue;
        }
        Row& read = std::get<Row>(row);
        if (!is_film(read.title_type)) {
            report.unmatched.push_back({record.line, read.title, read.year, UnmatchedReason::not_a_film});
            continue;
        }
        std::vector<std::string_view> titles{read.title};
        if (!read.original_title.empty()) titles.push_back(read.original_title);
        auto match = matcher.match(titles, read.year);
        switch (match.kind) {
            case TitleMatchKind::matched:
                if (read.stars) {
                    report.matched.push_back({record.line, match.movies.front(), *read.stars, read.title, read.date});
                } else {
                    report.unrated.push_back({record.line, match.movies.front(), read.title});
                }
                break;
            case TitleMatchKind::ambiguous:
                if (read.stars) {
                    report.ambiguous.push_back({record.line, read.title, read.year, *read.stars, read.date, match.movies});
                } else {  // no rating to carry: not worth a question to the visitor
                    report.unmatched.push_back({record.line, read.title, read.year, UnmatchedReason::unrated_ambiguous});
                }
                break;
            case TitleMatchKind::not_in_catalogue:
                report.unmatched.push_back({record.line, read.title, read.year, UnmatchedReason::not_in_catalogue});
                break;
            case TitleMatchKind::other_year:
                report.unmatched.push_back({record.line, read.title, read.year, UnmatchedReason::other_year});
                break;
        }
    }
    drop_duplicates(report);
    drop_unrated_duplicates(report);
    return report;
}

Result<ImportReport> read_json_import(std::string_view file_name, std::string_view bytes, const Catalogue& catalogue) {
    auto profile = Profile::from_json(bytes);
    if (!profile) {
        return make_error(profile.error().code,
                          Message("import.file_problem").with("file", std::string(file_name)).with("reason", said_of(profile.error())));
    }
    ImportReport report;
    report.file_name = std::string(file_name);
    report.format = ImportFormat::cinelocal_json;
    // Ratings of movies this catalogue lacks are kept too: the export is the visitor's own data.
    for (const auto& rating : profile.value().ratings()) {
        auto index = catalogue.index_of(rating.movie);
        std::string title = index ? catalogue.movie(*index).title : "";
        report.matched.push_back({++report.rows, rating.movie, rating.stars, std::move(title), ""});
    }
    return report;
}

}  // namespace

Result<ImportReport> read_ratings_import(std::string_view file_name, std::string_view bytes, const Catalogue& catalogue) {
    if (bytes.size() > k_max_import_bytes) {
        return make_error(ErrorCode::invalid_format, Message("import.too_large")
                                                         .with("file", std::string(file_name))
                                                         .with("size_kb", bytes.size() / 1024)
                                                         .with("max_mb", k_max_import_bytes / 1024 / 1024));
    }
    std::string_view text = bytes;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '{') return read_json_import(file_name, text, catalogue);
    return read_csv_import(file_name, bytes, catalogue);
}

bool unrated_action_offered(const ImportReport& report, UnratedAction action) {
    return action != UnratedAction::seen || report.unrated_meaning == UnratedMeaning::watched;
}

Result<Profile> apply_import(const Profile& profile, const ImportReport& report, std::span<const ImportChoice> choices,
                             UnratedAction unrated, Stamp now) {
    if (!unrated_action_offered(report, unrated)) {
        return make_error(ErrorCode::invalid_format, Message("import.unrated_not_seen").with("file", report.file_name));
    }
    std::vector<ImportedRating> ratings = report.matched;
    for (const auto& choice : choices) {
        auto row = std::find_if(report.ambiguous.begin(), report.ambiguous.end(),
                                [&](const AmbiguousRow& a) { return a.line == choice.line; });
        if (row == report.ambiguous.end()) {
            return make_error(ErrorCode::invalid_format,
                              Message("import.not_ambiguous").with("file", report.file_name).with("line", choice.line));
        }
        if (std::find(row->candidates.begin(), row->candidates.end(), choice.movie) == row->candidates.end()) {
            return make_error(ErrorCode::unknown_movie, Message("import.not_a_candidate")
                                                            .with("file", report.file_name)
                                                            .with("line", choice.line)
                                                            .with("movie", choice.movie));
        }
        ratings.push_back({row->line, choice.movie, row->stars, row->title, row->date});
    }
    // Oldest first, so the newest rating of a movie is applied last and ends up newest in the profile.
    std::stable_sort(ratings.begin(), ratings.end(), [](const ImportedRating& a, const ImportedRating& b) {
        return a.date != b.date ? a.date < b.date : a.line < b.line;
    });
    Profile result = profile;
    for (const auto& rating : ratings) {
        if (auto status = result.rate(rating.movie, rating.stars, now); !status) {
            return make_error(status.error().code, Message("import.line_problem")
                                                       .with("file", report.file_name)
                                                       .with("line", rating.line)
                                                       .with("reason", said_of(status.error())));
        }
    }
    for (const auto& row : report.unrated) {
        if (result.find(row.movie)) continue;  // rated: that already says seen
        if (unrated == UnratedAction::seen) result.set_seen(row.movie, true, now);
        if (unrated == UnratedAction::watchlist && !result.is_not_interested(row.movie)) {
            result.set_on_watchlist(row.movie, true, now);
        }
    }
    for (auto [key, size] : {std::pair{"import.too_many_ratings", result.ratings().size()},
                             std::pair{"import.too_many_seen", result.seen().size()},
                             std::pair{"import.too_many_watchlist", result.watchlist().size()}}) {
        if (size > k_max_profile_ratings) {
            return make_error(ErrorCode::invalid_format,
                              Message(key).with("count", size).with("max", k_max_profile_ratings));
        }
    }
    return result;
}

}  // namespace cinelocal
