#include "text.h"

#include <array>
#include <ctime>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "locale_format.h"

namespace cinelocal::ui {

extern const std::string_view k_string_tables[];  // string_tables.cpp, generated: en, fr, es, de

namespace {

Language g_language = Language::en;

// One string of a table: plain, or a plural pair.
struct Entry {
    std::string one, other;
    bool plural = false;
};

struct Table {
    std::unordered_map<std::string, Entry> by_name;
    std::vector<const Entry*> by_key;  // indexed by Text; nullptr where the table lacks the key
};

Table parse_table(std::string_view json_text) {
    Table table;
    // Embedded at build time and checked by tests: a table that does not parse is a build error,
    // so here it simply stays empty (everything falls back to English, then to the key's name).
    const auto json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (json.is_object()) {
        for (const auto& [name, value] : json.items()) {
            Entry entry;
            if (value.is_string()) {
                entry.other = entry.one = value.get<std::string>();
            } else if (value.is_object() && value.contains("one") && value.contains("other")) {
                entry = {value.value("one", ""), value.value("other", ""), true};
            }
            table.by_name.emplace(name, std::move(entry));
        }
    }
    table.by_key.resize(static_cast<std::size_t>(Text::count_), nullptr);
    for (std::size_t key = 0; key < table.by_key.size(); ++key) {
        auto it = table.by_name.find(k_text_names[key]);
        if (it != table.by_name.end()) table.by_key[key] = &it->second;
    }
    return table;
}

const Table& table_of(Language language) {
    static const auto tables = [] {
        std::array<Table, std::size(k_languages)> parsed;
        for (Language l : k_languages) parsed[static_cast<std::size_t>(l)] = parse_table(k_string_tables[static_cast<std::size_t>(l)]);
        return parsed;
    }();
    return tables[static_cast<std::size_t>(language)];
}

const Entry* entry_of(Text key) {
    const auto index = static_cast<std::size_t>(key);
    const Entry* entry = table_of(g_language).by_key[index];
    return entry ? entry : table_of(Language::en).by_key[index];
}

const Entry* entry_named(std::string_view name) {
    for (Language language : {g_language, Language::en}) {
        const auto& by_name = table_of(language).by_name;
        if (auto it = by_name.find(std::string(name)); it != by_name.end()) return &it->second;
    }
    return nullptr;
}

std::string filled(const Entry& entry, std::initializer_list<TextArg> args) {
    Message values;
    double count = 0;
    for (const auto& arg : args) {
        values.args.push_back({std::string(arg.name), arg.text, {}});
        if (arg.name == "count") count = arg.amount;
    }
    const bool one = entry.plural && plural_form(g_language, count) == PluralForm::one;
    return fill_pattern(one ? entry.one : entry.other, values, [](const Message& m) { return tr(m); });
}

}  // namespace

void set_language(Language language) { g_language = language; }
Language current_language() { return g_language; }

TextArg::TextArg(std::string_view arg_name, Decimal number)
    : name(arg_name), text(format_decimal(number.value, number.digits, g_language)), amount(number.value) {}

TextArg::TextArg(std::string_view arg_name, long long number, int)
    : name(arg_name), text(format_integer(number, g_language)), amount(static_cast<double>(number)) {}

const char* tr(Text key) {
    const Entry* entry = entry_of(key);
    return entry ? entry->other.c_str() : k_text_names[static_cast<std::size_t>(key)];
}

std::string tr(Text key, std::initializer_list<TextArg> args) {
    const Entry* entry = entry_of(key);
    return entry ? filled(*entry, args) : k_text_names[static_cast<std::size_t>(key)];
}

std::string tr(const Message& message) {
    const Entry* entry = entry_named(message.key);
    const std::string_view pattern = entry ? std::string_view(entry->other) : english_pattern(message.key);
    if (pattern.empty()) return message.key;
    return fill_pattern(pattern, message, [](const Message& m) { return tr(m); });
}

std::string tr(const Error& error) { return error.said.empty() ? error.message : tr(error.said); }

std::string genre_name(const std::string& english) {
    const Entry* entry = entry_named("genre." + english);
    return entry ? entry->other : english;
}

std::string translated_label(std::string_view english) {
    const Table& en = table_of(Language::en);
    for (std::size_t key = 0; key < en.by_key.size(); ++key) {
        if (en.by_key[key] && en.by_key[key]->other == english) return tr(static_cast<Text>(key));
    }
    return std::string(english);
}

std::string list_text(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

std::string number_text(long long value) { return format_integer(value, g_language); }
std::string decimal_text(double value, int digits) { return format_decimal(value, digits, g_language); }

std::string date_text(std::int64_t ms_since_epoch) {
    const std::time_t seconds = static_cast<std::time_t>(ms_since_epoch / 1000);
    std::tm local{};
    if (!localtime_r(&seconds, &local)) return {};
    static constexpr Text k_months[] = {Text::month_1, Text::month_2, Text::month_3, Text::month_4,
                                        Text::month_5, Text::month_6, Text::month_7, Text::month_8,
                                        Text::month_9, Text::month_10, Text::month_11, Text::month_12};
    return tr(Text::date_format, {{"day", std::to_string(local.tm_mday)},
                                  {"month", tr(k_months[local.tm_mon])},
                                  {"year", std::to_string(local.tm_year + 1900)}});
}

std::string_view string_table_json(Language language) { return k_string_tables[static_cast<std::size_t>(language)]; }

}  // namespace cinelocal::ui
