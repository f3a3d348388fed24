// Item-item similarity in the embedding space of the item table (cosine of dequantized rows),
// and "similar movies": the nearest items with signal, never the movie itself.
#pragma once
#include <vector>

#include "cinelocal/catalogue.h"
#include "cinelocal/item_table.h"
#include "cinelocal/result.h"
#include "cinelocal/scorer.h"
#include "cinelocal/text_index.h"

namespace cinelocal {

// Unit-length float copies of the rows' first `taste_dims` columns (all when 0), made once per
// bundle: similarity then is a dot. Trailing columns (a popularity bias) say nothing of taste.
class UnitRows {
public:
    UnitRows() = default;  // no rows: the item table has not arrived
    explicit UnitRows(const ItemTable& table, std::size_t taste_dims = 0);
    float cosine(ItemIndex a, ItemIndex b) const;
    std::span<const float> row(ItemIndex index) const {
        return {values_.data() + std::size_t(index) * dim_, dim_};
    }
    std::size_t dim() const { return dim_; }
    std::size_t size() const { return dim_ ? values_.size() / dim_ : 0; }

private:
    std::size_t dim_ = 0;
    std::vector<float> values_;
};

// Below this many positive ratings a film's vector says little (it is mostly its genres and year):
// its similar films come from its text instead, when the bundle has a text index.
inline constexpr int k_min_positives_for_taste_similarity = 5;

// Whether a film's similar films come from its text when a text index is given: no vector, or
// too few positive ratings for its vector to say much.
bool similar_by_text_first(const Catalogue& catalogue, ItemIndex index);

// The k movies most similar to `movie`, never itself.
// - A film with a vector and enough positive ratings: the nearest vectors of films someone liked.
// - Any other film, when `text` is given: "more like this" by content, the films whose text
//   shares its most telling words (BM25 with its own words as the query) and its genres.
// - Otherwise: the liked films sharing most of its genres, then the closest in year.
Result<std::vector<ScoredItem>> similar_movies(const Catalogue& catalogue, const UnitRows& rows, MovieId movie,
                                               std::size_t k, const TextIndex* text = nullptr);

}  // namespace cinelocal
