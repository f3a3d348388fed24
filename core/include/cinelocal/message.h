// A sentence for a person, kept as a key and named values, so that the UI can say it in the
// visitor's language (web/app/strings/*.json translate every key below) while the CLI, the logs
// and the tests read english(). A value may itself be a sentence (the reason a file was refused).
// Patterns name their values in braces ("{file} line {line}: ..."), so a translation can put them
// in any order.
#pragma once
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cinelocal {

struct Message {
    struct Arg {
        std::string name;
        std::string text;           // the value as written: a file name, a title, a number
        std::vector<Message> said;  // or a sentence of its own (one), said in the same language
    };
    std::string key;  // "" for no message
    std::vector<Arg> args;

    Message() = default;
    explicit Message(std::string message_key) : key(std::move(message_key)) {}
    Message with(std::string name, std::string text) &&;
    Message with(std::string name, long long number) &&;
    Message with(std::string name, Message reason) &&;
    bool empty() const { return key.empty(); }
};

struct MessagePattern {
    std::string_view key;
    std::string_view english;
};

// Every sentence the core says, in English: the reference the UI's translations are checked against.
std::span<const MessagePattern> english_patterns();
std::string_view english_pattern(std::string_view key);  // "" for a key the core does not know

// `pattern` with each {name} replaced by the argument of that name (a sentence argument is said
// with `say`); a name without an argument stays as written.
std::string fill_pattern(std::string_view pattern, const Message& message,
                         const std::function<std::string(const Message&)>& say);
// The names a pattern's placeholders use, in order of appearance (translations must use the same).
std::vector<std::string> placeholder_names(std::string_view pattern);

std::string english(const Message& message);

}  // namespace cinelocal
