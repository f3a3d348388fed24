// Folding text for matching: ASCII letters to lower case, accented Latin letters (Latin-1
// Supplement and Latin Extended-A, as in "Amélie", "Léon", "Łódź") to their base letters, so that
// "amelie" finds "Amélie". Other UTF-8 sequences are kept byte for byte.
#pragma once
#include <string>
#include <string_view>

namespace cinelocal {

std::string fold_for_matching(std::string_view utf8);

}  // namespace cinelocal
