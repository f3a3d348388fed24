// The movie catalogue: one entry per item index, with the id, title, year and genres shown in the
// UI. The first vector_count() films carry model vectors: their index is also their row of the item
// table and their input of the user tower. The others are search-only (the build's catalogue
// policy): searchable and rateable, but the models know nothing of them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cinelocal/result.h"

namespace cinelocal {

using MovieId = std::int32_t;
using ItemIndex = std::int32_t;

struct Movie {
    MovieId id = 0;
    std::string title;
    int year = 0;  // 0 when unknown
    std::uint32_t genre_mask = 0;
    int positives = 0;  // ratings >= 4 in the training data: a popularity signal
    std::int32_t tmdb_id = 0;
};

class Catalogue {
public:
    // vector_count: from the manifest; by default every film carries vectors.
    static Result<Catalogue> parse(std::string_view json_text, std::optional<std::size_t> vector_count = std::nullopt);

    std::size_t size() const { return movies_.size(); }
    std::size_t vector_count() const { return vector_count_; }
    bool has_vectors(ItemIndex index) const { return index >= 0 && std::size_t(index) < vector_count_; }
    const Movie& movie(ItemIndex index) const { return movies_[static_cast<std::size_t>(index)]; }
    const std::vector<Movie>& movies() const { return movies_; }
    const std::vector<std::string>& genre_names() const { return genre_names_; }

    std::optional<ItemIndex> index_of(MovieId id) const;
    // "Animation, Children, Comedy"
    std::string genres_text(ItemIndex index) const;
    // Bit mask of the named genre, 0 if the catalogue has no such genre.
    std::uint32_t genre_bit(std::string_view name) const;

private:
    std::vector<Movie> movies_;
    std::vector<std::string> genre_names_;
    std::size_t vector_count_ = 0;
    std::unordered_map<MovieId, ItemIndex> index_by_id_;
};

}  // namespace cinelocal
