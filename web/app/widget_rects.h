// What the last frame drew where, keyed by a stable id such as "search:1/rate:5": the screen
// rectangle of each named widget (end-to-end tests click at these coordinates as a person would)
// and, for the interactive ones, what assistive technology needs to know about them (the page's
// accessibility mirror, web/site/access_mirror.mjs, lays a DOM twin over each).
#pragma once
#include <map>
#include <string>
#include <vector>

#include <imgui.h>

namespace cinelocal::ui {

struct WidgetRect {
    float x, y, w, h;  // framebuffer pixels
};

// What the twin is, for assistive technology (access_mirror.mjs makes one element kind of each).
// choice: one of a set (a screen, a search mode, a language): a radio, or a link in the screens'
// navigation. heading and text are not interactive: a page's title, words a screen reader reads.
enum class AccessRole { button, link, checkbox, choice, slider, searchbox, combobox, heading, text };
const char* access_role_name(AccessRole role);

struct AccessInfo {
    AccessRole role = AccessRole::button;
    std::string name;   // what a screen reader says: words, never icon glyphs
    std::string group;  // consecutive widgets with one group (a card) share a labelled container
    int checked = -1;   // checkbox, choice, pressed button: 0 or 1; -1 when it has no such state
    int value = 0, min = 0, max = 0;  // slider, in its steps
    std::string value_text;           // slider: what the value means ("Balanced")
};

struct AccessibleWidget {
    std::string id;
    WidgetRect rect;        // its visible part; the whole item when it is scrolled out of view
    bool offscreen = false;  // scrolled out of view: its twin is still there, so Tab can reach it
    AccessInfo info;
    ImGuiID imgui_id = 0;   // for ImGui::ActivateItem when the twin is activated
    bool in_popup = false;  // drawn in an open combo's list
};

class WidgetRects {
public:
    // `focused`: the widget whose twin has the keyboard focus; drawn partly or wholly out of view,
    // its list scrolls to show it (as a browser scrolls to a focused element).
    void begin_frame(std::string focused = {}) {
        rects_.clear();
        accessible_.clear();
        focused_ = std::move(focused);
    }
    // Records the last item ImGui drew (only where it is visible, so tests never click hidden rows).
    void record_last_item(const std::string& id);
    // The same, and the item gets a twin in the accessibility mirror, even out of view.
    void record_last_item(const std::string& id, AccessInfo info);
    const std::map<std::string, WidgetRect>& all() const { return rects_; }
    // In drawing order, which is the reading order.
    const std::vector<AccessibleWidget>& accessible() const { return accessible_; }
    const AccessibleWidget* find_accessible(const std::string& id) const;

private:
    std::map<std::string, WidgetRect> rects_;
    std::vector<AccessibleWidget> accessible_;
    std::string focused_;
};

}  // namespace cinelocal::ui
