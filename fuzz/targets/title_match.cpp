// Title folding and matching on any text: never crashes; keys are non-empty, folded ASCII or UTF-8.
#include "cinelocal/title_match.h"
#include "fuzz_check.h"
#include "tiny_bundle.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto catalogue = cinelocal::Catalogue::parse(tiny::catalogue_json).value();
    static const cinelocal::TitleMatcher matcher(catalogue);
    auto title = fuzz_text(data, size);
    for (const auto& key : cinelocal::title_keys(title, true)) {
        FUZZ_CHECK(!key.empty() && key.front() != ' ' && key.back() != ' ');
        for (char c : key) FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
    }
    auto match = matcher.match({title}, size > 0 ? 1900 + data[0] % 120 : 0);
    if (match.kind == cinelocal::TitleMatchKind::matched) FUZZ_CHECK(match.movies.size() == 1);
    if (match.kind == cinelocal::TitleMatchKind::ambiguous) FUZZ_CHECK(match.movies.size() >= 2);
    return 0;
}
