// text_index.bin: never crashes for any bytes; an accepted index gives finite, non-negative BM25
// scores and reads every posting back inside the document range.
#include <cmath>

#include "cinelocal/text_index.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    // The first two bytes choose the catalogue and vocabulary sizes the bundle would claim.
    const std::size_t documents = data[0] % 9, terms = data[1] % 9;
    auto index = cinelocal::TextIndex::parse({data + 2, size - 2}, documents, terms);
    if (!index) return 0;
    FUZZ_CHECK(index.value().document_count() == documents && index.value().term_count() == terms);
    std::vector<std::int32_t> all;
    for (std::size_t t = 0; t < terms; ++t) {
        all.push_back(std::int32_t(t));
        for (const auto& posting : index.value().postings(std::int32_t(t))) {
            FUZZ_CHECK(posting.document >= 0 && std::size_t(posting.document) < documents && posting.frequency > 0);
        }
    }
    for (float score : index.value().bm25(all)) FUZZ_CHECK(std::isfinite(score) && score >= 0.0f);
    for (std::size_t d = 0; d < documents; ++d) (void)index.value().document_terms(std::int32_t(d));
    return 0;
}
