#include "cinelocal/text_fold.h"

namespace cinelocal {
namespace {

// Base letters of U+00C0..U+00FF ('\0': not a letter, kept as is); "ß", "æ", "þ" fold to two letters.
constexpr char k_latin1[] =  // an array, not a string_view: it holds NULs
    "aaaaaaaceeeeiiii"  // C0-CF (C6 Æ handled below)
    "dnooooo\0ouuuuyts"  // D0-DF (D7 ×, DE Þ, DF ß handled below)
    "aaaaaaaceeeeiiii"  // E0-EF
    "dnooooo\0ouuuuyty";  // F0-FF (F7 ÷)

// Base letters of U+0100..U+017F (upper and lower case alternate).
constexpr char k_latin_extended_a[] =
    "aaaaaaccccccccdd"  // 0100-010F
    "ddeeeeeeeeeegggg"  // 0110-011F
    "gggghhhhiiiiiiii"  // 0120-012F
    "iiiijjkkklllllll"  // 0130-013F
    "lllnnnnnnnnnoooo"  // 0140-014F
    "oooorrrrrrssssss"  // 0150-015F
    "ssttttttuuuuuuuu"  // 0160-016F
    "uuuuwwyyyzzzzzzs";  // 0170-017F

std::string_view special_latin1(unsigned code) {
    switch (code) {
        case 0xC6: case 0xE6: return "ae";
        case 0xDF: return "ss";
        case 0xDE: case 0xFE: return "th";
        default: return {};
    }
}

}  // namespace

std::string fold_for_matching(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : char(c));
            continue;
        }
        // Two-byte sequences 110xxxxx 10xxxxxx cover U+0080..U+07FF.
        const bool two_bytes = (c & 0xE0) == 0xC0 && i + 1 < utf8.size() &&
                               (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80;
        if (two_bytes) {
            const unsigned code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
            if (code == 0x152 || code == 0x153) {
                out += "oe";
                ++i;
                continue;
            }
            if (auto pair = code >= 0xC0 && code <= 0xFF ? special_latin1(code) : std::string_view{}; !pair.empty()) {
                out += pair;
                ++i;
                continue;
            }
            char base = '\0';
            if (code >= 0xC0 && code <= 0xFF) base = k_latin1[code - 0xC0];
            if (code >= 0x100 && code <= 0x17F) base = k_latin_extended_a[code - 0x100];
            if (base != '\0') {
                out.push_back(base);
                ++i;
                continue;
            }
        }
        out.push_back(char(c));
    }
    return out;
}

}  // namespace cinelocal
