// The pieces every screen is built from: poster cards in a grid that fills the width, compact
// movie rows for lists, and the drawn poster used when no image is available.
// Widget ids follow "<list>:<movie id>/<action>" (e.g. "foryou:318/rate:4.5") for tests.
#pragma once
#include <string>
#include <vector>

#include "app_state.h"
#include "platform.h"
#include "star_rating.h"
#include "theme.h"

namespace cinelocal::ui {

// What a screen needs to draw and act.
struct ScreenContext {
    AppState& state;
    Platform& platform;
    const Fonts& fonts;
    float px(float css_pixels) const { return css_pixels * state.pixel_ratio; }
    bool narrow() const;  // a phone-sized window: one column layouts
};

// A movie's genres in the current language: "Komödie, Drama".
std::string genre_list(const Catalogue& catalogue, ItemIndex index);

// The poster in [min, max]: the image when the platform has it, else a drawn card with the title,
// year and the colour of the first genre.
void draw_poster(const ScreenContext& ctx, ItemIndex index, ImVec2 min, ImVec2 max);

// Poster cards: poster (click: the movie's page), title, year and genre, why, stars, watchlist and
// "not interested". `reasons` is parallel to `items` or empty.
void movie_grid(ScreenContext& ctx, const std::string& list_id, const std::vector<ScoredItem>& items,
                const std::vector<Explanation>& reasons = {}, float card_css_width = 168.0f);

// One line per movie: title and year, genres, stars and the same actions as a card.
void movie_row(ScreenContext& ctx, const std::string& list_id, ItemIndex index);

// Watchlist, "not interested" and (once rated) "remove rating" buttons on the current line.
// Watchlist, "not interested" and clear-rating buttons; their twins go in `access_group`.
void movie_actions(ScreenContext& ctx, const std::string& id, MovieId movie, const std::string& access_group);
// How a film's stars look here: on phones one thumb-sized row (`row_width` wide) that opens a sheet.
StarRatingLook star_look(const ScreenContext& ctx, const std::string& film_name, float row_width);
// The side of a tap target on phones (44 CSS px, as Apple's and the W3C's guidance says); 0 elsewhere.
float touch_target(const ScreenContext& ctx);
// "Heat (1995)", or the title alone when the year is unknown.
std::string titled_with_year(const Movie& movie);

// A paragraph that wraps at the window's edge (a translation may be longer than the line), muted or not.
void wrapped_muted(const char* text);
void wrapped_text(const std::string& text);

// Sizes that follow the text, whatever its language: a combo box wide enough for `text`, and a
// SameLine() only when a button labelled `next_label` still fits on the line (else it wraps).
float combo_width(const char* text);
void same_line_if_fits(const char* next_label);

}  // namespace cinelocal::ui
