// Font Awesome 4.7 code points (merged into the UI fonts by theme.cpp), as UTF-8 strings.
#pragma once

namespace cinelocal::ui::icons {

inline constexpr const char* star = "\uf005";
inline constexpr const char* bookmark = "\uf02e";
inline constexpr const char* bookmark_empty = "\uf097";
inline constexpr const char* eye_slash = "\uf070";
inline constexpr const char* eye = "\uf06e";
inline constexpr const char* search = "\uf002";
inline constexpr const char* film = "\uf008";
inline constexpr const char* magic = "\uf0d0";
inline constexpr const char* users = "\uf0c0";
inline constexpr const char* cog = "\uf013";
inline constexpr const char* bar_chart = "\uf080";
inline constexpr const char* times = "\uf00d";
inline constexpr const char* back = "\uf053";
inline constexpr const char* download = "\uf019";
inline constexpr const char* upload = "\uf093";
inline constexpr const char* trash = "\uf1f8";
inline constexpr const char* lock = "\uf023";
inline constexpr const char* heart = "\uf004";
inline constexpr const char* info = "\uf05a";

}  // namespace cinelocal::ui::icons
