// The content model's tokenizer: its vocabulary file (inputs starting with '{') and free text
// encoded with the hand-made fixture vocabulary. Never crashes; ids stay within the vocabulary.
// The free text is also stemmed as one word by the Snowball English port: no step lengthens a word.
#include <fstream>
#include <iterator>
#include <string>

#include "cinelocal/english_stemmer.h"
#include "cinelocal/text_tokenizer.h"
#include "fuzz_check.h"

namespace {

void check_encoding(const cinelocal::TextTokenizer& tokenizer, std::string_view text) {
    auto encoded = tokenizer.encode_checked(text, tokenizer.max_tokens());
    FUZZ_CHECK(encoded.ids.size() <= tokenizer.max_tokens());
    FUZZ_CHECK((encoded.problem == cinelocal::TextProblem::none) == !encoded.ids.empty());
    for (auto id : encoded.ids) FUZZ_CHECK(id >= 1 && id < tokenizer.id_count());
}

const cinelocal::TextTokenizer& fixture_tokenizer() {
    static const cinelocal::TextTokenizer tokenizer = [] {
        std::ifstream in(CINELOCAL_SOURCE_DIR "/tests/fixtures/tokenizer/vocab.json", std::ios::binary);
        std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto parsed = cinelocal::TextTokenizer::parse(json);
        FUZZ_CHECK(parsed.ok());
        return std::move(parsed).value();
    }();
    return tokenizer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = fuzz_text(data, size);
    if (text.starts_with('{')) {
        auto tokenizer = cinelocal::TextTokenizer::parse(text);
        if (tokenizer) check_encoding(tokenizer.value(), "Toy Story of the Schindler\xE2\x80\x99s List");
        return 0;
    }
    check_encoding(fixture_tokenizer(), text);
    FUZZ_CHECK(cinelocal::snowball_english_stem(text).size() <= text.size());
    return 0;
}
