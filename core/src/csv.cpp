#include "cinelocal/csv.h"

#include <optional>

namespace cinelocal {
namespace {

// True where a line ends: LF, or a CR not followed by LF (so CRLF counts once).
bool ends_line(std::string_view text, std::size_t i) {
    return text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
}

// Length of the valid UTF-8 sequence starting at text[i], 0 if it is not one (overlong forms,
// surrogates and code points above U+10FFFF are invalid too).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char b = byte(i);
    if (b < 0x80) return 1;
    std::size_t length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (length == 0 || b > 0xF4 || b == 0xC0 || b == 0xC1 || i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    }
    unsigned char second = byte(i + 1);
    if (b == 0xE0 && second < 0xA0) return 0;  // overlong
    if (b == 0xED && second >= 0xA0) return 0;  // UTF-16 surrogate
    if (b == 0xF0 && second < 0x90) return 0;  // overlong
    if (b == 0xF4 && second >= 0x90) return 0;  // above U+10FFFF
    return length;
}

// An error naming the first line with a NUL byte or bytes that are not UTF-8, if any.
std::optional<Error> check_text(std::string_view file_name, std::string_view text) {
    std::size_t line = 1;
    auto fail = [&](const char* key) {
        return make_error(ErrorCode::invalid_format, Message(key).with("file", std::string(file_name)).with("line", line));
    };
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\0') return fail("csv.nul_byte");
        if (ends_line(text, i)) ++line;
        std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) return fail("csv.not_utf8");
        i += length;
    }
    return std::nullopt;
}

bool is_blank(const CsvRecord& record) { return record.fields.size() == 1 && record.fields[0].empty(); }

}  // namespace

Result<std::vector<CsvRecord>> read_csv(std::string_view file_name, std::string_view text, std::size_t max_rows) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.starts_with(bom)) text.remove_prefix(bom.size());
    if (auto error = check_text(file_name, text)) return *error;

    auto fail = [&](std::size_t line, Message said) {
        return make_error(ErrorCode::invalid_format, std::move(said).with("file", std::string(file_name)).with("line", line));
    };
    std::vector<CsvRecord> records;
    CsvRecord record{1, {}};
    std::string field;
    std::size_t line = 1;
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto end_record = [&]() -> bool {
        record.fields.push_back(std::move(field));
        field.clear();
        if (!is_blank(record)) records.push_back(std::move(record));
        record = CsvRecord{line, {}};
        return records.size() <= max_rows + 1;  // the header is not a row
    };
    auto too_many = [&]() {
        return fail(records.back().line, Message("csv.too_many_rows").with("max", max_rows));
    };
    while (i < n) {
        char c = text[i];
        if (c == '"' && field.empty()) {
            // A quoted field: runs to the quote that is not doubled.
            std::size_t opened_on = line;
            ++i;
            bool closed = false;
            while (i < n) {
                if (text[i] == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        field.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (ends_line(text, i)) ++line;
                field.push_back(text[i++]);
            }
            if (!closed) return fail(opened_on, Message("csv.quote_not_closed"));
            if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                return fail(line, Message("csv.text_after_quote"));
            }
            continue;
        }
        if (c == ',') {
            record.fields.push_back(std::move(field));
            field.clear();
            ++i;
        } else if (c == '\n' || c == '\r') {
            // CRLF, LF and a lone CR all end a record.
            i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
            ++line;
            if (!end_record()) return too_many();
        } else {
            field.push_back(c);
            ++i;
        }
    }
    if (!field.empty() || !record.fields.empty()) {
        if (!end_record()) return too_many();
    }
    return records;
}

}  // namespace cinelocal
