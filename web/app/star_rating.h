// Five stars rated in half steps: the left half of a star gives .5, the right half the whole star.
// Each half is a button recorded as "<id_prefix>/rate:<stars>" for tests.
#pragma once
#include <optional>
#include <string>

#include "widget_rects.h"

namespace cinelocal::ui {

// Draws the stars filled up to `current` (0 = unrated); returns the stars clicked this frame.
// The whole stars get twins in the accessibility mirror ("Rate 4 stars"), in `access_group`.
std::optional<float> star_rating(const std::string& id_prefix, float current, WidgetRects& rects,
                                 const std::string& access_group);

}  // namespace cinelocal::ui
