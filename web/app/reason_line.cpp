#include "reason_line.h"

#include <vector>

#include "icons.h"
#include "text_fit.h"

namespace cinelocal::ui {
namespace {

std::string title_of(const Catalogue& catalogue, const Reason& reason) {
    auto index = catalogue.index_of(reason.movie);
    return index ? catalogue.movie(*index).title : std::string();
}

std::string titles_of(const Catalogue& catalogue, const std::vector<Reason>& reasons, std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < reasons.size() && i < count; ++i) {
        const std::string title = title_of(catalogue, reasons[i]);
        if (title.empty()) continue;
        if (!text.empty()) text += ", ";
        text += title;
    }
    return text;
}

// One reason line taken apart: what may give way, and the name that may not.
struct ReasonParts {
    const char* wording;        // "Because you liked "
    const char* short_wording;  // "Liked "
    const char* icon;           // a heart: the shortest "liked" ("" for none)
    std::string name;           // the first reason film: never cut while it fits alone
    std::string second;         // a second liked film, or ""
    std::string despite;        // "; despite your low rating of C", or ""
};

ReasonParts parts_of(const Catalogue& catalogue, const Explanation& why) {
    ReasonParts parts{"Because you liked ", "Liked ", icons::heart, "", "", ""};
    if (!why.pulled_up.empty()) {
        parts.name = title_of(catalogue, why.pulled_up.front());
        if (why.pulled_up.size() > 1) parts.second = title_of(catalogue, why.pulled_up[1]);
        if (!why.pushed_down.empty()) parts.despite = "; despite your low rating of " + title_of(catalogue, why.pushed_down.front());
    } else if (!why.pushed_down.empty()) {
        parts = {"Despite your low rating of ", "Despite disliking ", "", title_of(catalogue, why.pushed_down.front()), "", ""};
    }
    return parts;
}

}  // namespace

std::string reasons_text(const Catalogue& catalogue, const Explanation& why) {
    std::string text;
    if (!why.pulled_up.empty()) text = "Because you liked " + titles_of(catalogue, why.pulled_up, 2);
    if (!why.pushed_down.empty()) {
        text += (text.empty() ? "Despite your low rating of " : "; despite your low rating of ") +
                titles_of(catalogue, why.pushed_down, 1);
    }
    return text;
}

std::string fit_reason_line(const Catalogue& catalogue, const Explanation& why, float width) {
    const ReasonParts parts = parts_of(catalogue, why);
    if (parts.name.empty()) return "";
    const std::string second = parts.second.empty() ? "" : ", " + parts.second;
    // Most telling first; the first that fits is drawn.
    const std::string long_head = parts.wording + parts.name;
    const std::string short_head = parts.short_wording + parts.name;
    for (const std::string& candidate : {long_head + second + parts.despite, long_head + second, short_head + second}) {
        if (fits(candidate, width)) return candidate;
    }
    if (fits(short_head, width)) {
        if (!second.empty()) {  // the second film cut, if at least its first letter fits: "..., S..."
            const std::string cut = fit_after(short_head, second, width);
            if (cut.size() > short_head.size() + 5) return cut;
        }
        return short_head;
    }
    if (const std::string marked = std::string(parts.icon) + " " + parts.name; *parts.icon && fits(marked, width)) {
        return marked;
    }
    return fit_one_line(parts.name, width);
}

}  // namespace cinelocal::ui
