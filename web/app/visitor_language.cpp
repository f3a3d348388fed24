#include "visitor_language.h"

#include "profile_store.h"
#include "text.h"

namespace cinelocal::ui {

void follow_visitor_language(AppState& state, Platform& platform) {
    if (!state.browser_languages) {  // asked once: the browser's list does not change under a page
        state.browser_languages = platform.preferred_languages ? platform.preferred_languages() : std::vector<std::string>{};
    }
    const Language language = chosen_language(state.profile.settings.language, *state.browser_languages);
    set_language(language);
    if (state.page_language != language_code(language)) {
        state.page_language = language_code(language);
        if (platform.set_document_language) platform.set_document_language(state.page_language);
    }
}

void choose_language(AppState& state, Platform& platform, const std::string& code) {
    state.profile.settings.language = code;
    save_profile(state, platform);
    follow_visitor_language(state, platform);
}

}  // namespace cinelocal::ui
