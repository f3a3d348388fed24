// The screens of the side bar and the movie page, each drawn into the content area.
#pragma once
#include "view_widgets.h"

namespace cinelocal::ui {

void draw_for_you_screen(ScreenContext& ctx);
void draw_search_screen(ScreenContext& ctx);
void draw_movie_page(ScreenContext& ctx);
void draw_taste_screen(ScreenContext& ctx);
void draw_watchlist_screen(ScreenContext& ctx);
void draw_movie_night_screen(ScreenContext& ctx);
void draw_settings_screen(ScreenContext& ctx);
// Storage messages above every screen (save refused, nearly full, backup offer), and the
// "Keeping your data" part of Settings (storage_messages.cpp).
void draw_storage_messages(ScreenContext& ctx);
void draw_storage_settings(ScreenContext& ctx);

}  // namespace cinelocal::ui
