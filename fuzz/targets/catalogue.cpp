// catalogue.json: never crashes; every listed id finds its own row; titles index for matching.
#include <algorithm>

#include "cinelocal/catalogue.h"
#include "cinelocal/title_match.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto catalogue = cinelocal::Catalogue::parse(fuzz_text(data, size));
    if (!catalogue) return 0;
    const auto& c = catalogue.value();
    for (std::size_t i = 0; i < c.size(); ++i) {
        auto index = c.index_of(c.movie(static_cast<cinelocal::ItemIndex>(i)).id);
        FUZZ_CHECK(index && *index == static_cast<cinelocal::ItemIndex>(i));
        (void)c.genres_text(static_cast<cinelocal::ItemIndex>(i));
    }
    cinelocal::TitleMatcher matcher(c);
    if (c.size() > 0) {
        const auto& first = c.movie(0);
        auto match = matcher.match({first.title}, first.year);
        // A movie's own title and year always find it, alone or among movies of the same title.
        FUZZ_CHECK(cinelocal::title_keys(first.title, false).empty() ||
                   std::find(match.movies.begin(), match.movies.end(), first.id) != match.movies.end());
    }
    return 0;
}
