#include "reason_line.h"

#include <vector>

#include "icons.h"
#include "text.h"
#include "text_fit.h"

namespace cinelocal::ui {
namespace {

std::vector<std::string> titles_of(const Catalogue& catalogue, const std::vector<Reason>& reasons, std::size_t count) {
    std::vector<std::string> titles;
    for (std::size_t i = 0; i < reasons.size() && titles.size() < count; ++i) {
        if (auto index = catalogue.index_of(reasons[i].movie)) titles.push_back(catalogue.movie(*index).title);
    }
    return titles;
}

// The wordings of one reason line, longest first; `titles` is what {titles} shows and `count` how
// many films it names (the plural of "liked" in some languages).
std::string liked_line(Text key, const std::string& titles, std::size_t count, const std::string& despite = "") {
    if (key == Text::reason_liked_disliked) return tr(key, {{"titles", titles}, {"count", count}, {"title", despite}});
    return tr(key, {{"titles", titles}, {"count", count}});
}

}  // namespace

std::string reasons_text(const Catalogue& catalogue, const Explanation& why) {
    const auto liked = titles_of(catalogue, why.pulled_up, 2);
    const auto disliked = titles_of(catalogue, why.pushed_down, 1);
    if (!liked.empty() && !disliked.empty()) return liked_line(Text::reason_liked_disliked, list_text(liked), liked.size(), disliked[0]);
    if (!liked.empty()) return liked_line(Text::reason_liked, list_text(liked), liked.size());
    if (!disliked.empty()) return tr(Text::reason_disliked, {{"title", disliked[0]}});
    return "";
}

std::string fit_reason_line(const Catalogue& catalogue, const Explanation& why, float width) {
    const auto liked = titles_of(catalogue, why.pulled_up, 2);
    const auto disliked = titles_of(catalogue, why.pushed_down, 1);
    if (liked.empty()) {  // only a film the visitor rated low: its name, with as much wording as fits
        if (disliked.empty()) return "";
        const std::string& name = disliked[0];
        for (Text key : {Text::reason_disliked, Text::reason_disliked_short}) {
            if (const std::string line = tr(key, {{"title", name}}); fits(line, width)) return line;
        }
        return fit_one_line(name, width);
    }
    // Most telling first; the first that fits is drawn.
    const std::string& name = liked[0];
    const std::string all = list_text(liked);
    if (!disliked.empty()) {
        if (const std::string line = liked_line(Text::reason_liked_disliked, all, liked.size(), disliked[0]); fits(line, width)) {
            return line;
        }
    }
    for (Text key : {Text::reason_liked, Text::reason_liked_short}) {
        if (const std::string line = liked_line(key, all, liked.size()); fits(line, width)) return line;
    }
    if (const std::string short_line = liked_line(Text::reason_liked_short, name, 1); fits(short_line, width)) {
        if (liked.size() > 1) {  // the second film cut, if at least its first letter fits: "..., S..."
            const std::string cut = fit_inside(
                [&](const std::string& second) { return liked_line(Text::reason_liked_short, list_text({name, second}), 2); },
                liked[1], width);
            if (!cut.empty()) return cut;
        }
        return short_line;
    }
    if (const std::string marked = std::string(icons::heart) + " " + name; fits(marked, width)) return marked;
    return fit_one_line(name, width);
}

}  // namespace cinelocal::ui
