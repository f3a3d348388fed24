// The CSV reader: never crashes; what it reads, written back quoted, reads back the same.
#include <string>

#include "cinelocal/csv.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto records = cinelocal::read_csv("fuzz.csv", fuzz_text(data, size), 1000);
    if (!records) {
        FUZZ_CHECK(records.error().message.starts_with("fuzz.csv line "));
        return 0;
    }
    std::string written;
    std::size_t previous_line = 0;
    for (const auto& record : records.value()) {
        FUZZ_CHECK(record.line > previous_line && !record.fields.empty());
        previous_line = record.line;
        for (std::size_t i = 0; i < record.fields.size(); ++i) {
            if (i) written += ',';
            written += '"';
            for (char c : record.fields[i]) written += c == '"' ? std::string("\"\"") : std::string(1, c);
            written += '"';
        }
        written += "\r\n";
    }
    auto again = cinelocal::read_csv("fuzz.csv", written, 1000);
    FUZZ_CHECK(again.ok() && again.value().size() == records.value().size());
    for (std::size_t r = 0; r < records.value().size(); ++r) {
        FUZZ_CHECK(again.value()[r].fields == records.value()[r].fields);
    }
    return 0;
}
