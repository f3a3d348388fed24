// Five stars rated in half steps.
// - Mouse: the left half of a star gives .5, the right half the whole star; each half is a button
//   recorded as "<id_prefix>/rate:<stars>".
// - Touch (phones): half a star is too small for a thumb, so the star row is one target at least
//   44 CSS px tall ("<id_prefix>/stars") that opens a rating sheet of five large stars
//   ("rating-sheet/rate:<n>") and a "half a star less" switch.
#pragma once
#include <optional>
#include <string>

#include <imgui.h>

#include "widget_rects.h"

namespace cinelocal::ui {

struct StarRatingLook {
    std::string access_group;  // the film's name: the twins' group, and the sheet's title
    ImVec2 touch_size{0, 0};   // the star row's target on phones; zero for the mouse's half stars
    float touch_target = 0;    // the sheet's smallest button side on phones (44 CSS px)
};

// Draws the stars filled up to `current` (0 = unrated); returns the stars chosen this frame.
// The whole stars get twins in the accessibility mirror ("Rate 4 stars").
std::optional<float> star_rating(const std::string& id_prefix, float current, WidgetRects& rects,
                                 const StarRatingLook& look);

}  // namespace cinelocal::ui
