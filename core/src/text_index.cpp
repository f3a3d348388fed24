#include "cinelocal/text_index.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace cinelocal {
namespace {

constexpr std::uint32_t k_format_version = 1;
constexpr std::size_t k_header_bytes = 16;

Error index_error(const std::string& what) { return make_error(ErrorCode::invalid_format, "text_index.bin: " + what); }

std::uint32_t read_u32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

// LEB128; false when the bytes end inside a number or it needs more than 32 bits.
bool read_varint(const std::uint8_t*& p, const std::uint8_t* end, std::uint32_t& value) {
    value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (p == end) return false;
        const std::uint8_t byte = *p++;
        if (shift == 28 && (byte & 0x70)) return false;
        value |= std::uint32_t(byte & 0x7F) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}

// Walks one term's list, calling visit(document, frequency) until it returns false; false on a
// malformed list.
template <typename Visit>
bool walk_postings(const std::uint8_t* p, const std::uint8_t* end, std::size_t document_count, Visit&& visit) {
    std::int64_t document = -1;
    while (p < end) {
        std::uint32_t gap = 0, frequency = 0;
        if (!read_varint(p, end, gap) || !read_varint(p, end, frequency) || frequency == 0) return false;
        document += std::int64_t(gap) + 1;
        if (document >= std::int64_t(document_count)) return false;
        if (!visit(std::int32_t(document), frequency)) return true;
    }
    return true;
}

}  // namespace

Result<TextIndex> TextIndex::parse(std::span<const std::uint8_t> bytes, std::size_t document_count,
                                   std::size_t term_count) {
    if (bytes.size() < k_header_bytes || std::memcmp(bytes.data(), "CLTX", 4) != 0) {
        return index_error("not a CineLocal text index");
    }
    const std::uint32_t version = read_u32(bytes.data() + 4);
    if (version != k_format_version) {
        return make_error(ErrorCode::unsupported_version, "text_index.bin has format version " + std::to_string(version) +
                                                              ", this app reads version " + std::to_string(k_format_version));
    }
    if (read_u32(bytes.data() + 8) != document_count || read_u32(bytes.data() + 12) != term_count) {
        return index_error("made for " + std::to_string(read_u32(bytes.data() + 8)) + " films and " +
                           std::to_string(read_u32(bytes.data() + 12)) + " words, the bundle has " +
                           std::to_string(document_count) + " and " + std::to_string(term_count));
    }
    const std::size_t tables = document_count * 2 + term_count * 4;
    if (bytes.size() < k_header_bytes + tables) return index_error("truncated");
    TextIndex index;
    const std::uint8_t* p = bytes.data() + k_header_bytes;
    index.lengths_.resize(document_count);
    double total_length = 0;
    for (auto& length : index.lengths_) {
        length = std::uint16_t(p[0] | p[1] << 8);
        total_length += length;
        p += 2;
    }
    index.average_length_ = document_count ? std::max(1.0f, float(total_length / double(document_count))) : 1.0f;
    index.ends_.resize(term_count);
    std::uint32_t previous = 0;
    for (auto& end : index.ends_) {
        end = read_u32(p);
        if (end < previous) return index_error("posting offsets go backwards");
        previous = end;
        p += 4;
    }
    index.postings_.assign(p, bytes.data() + bytes.size());
    if (previous != index.postings_.size()) return index_error("the postings are " + std::to_string(index.postings_.size()) +
                                                               " bytes, the offsets say " + std::to_string(previous));
    // Every list is checked once here, so queries can trust the bytes.
    for (std::size_t term = 0; term < term_count; ++term) {
        const auto* begin = index.postings_.data() + (term ? index.ends_[term - 1] : 0);
        if (!walk_postings(begin, index.postings_.data() + index.ends_[term], document_count, [](std::int32_t, std::uint32_t) { return true; })) {
            return index_error("the postings of word " + std::to_string(term) + " are malformed");
        }
    }
    return index;
}

std::vector<Posting> TextIndex::postings(std::int32_t term) const {
    std::vector<Posting> out;
    if (term < 0 || std::size_t(term) >= ends_.size()) return out;
    const auto* begin = postings_.data() + (term ? ends_[term - 1] : 0);
    walk_postings(begin, postings_.data() + ends_[term], lengths_.size(),
                  [&](std::int32_t document, std::uint32_t frequency) {
                      out.push_back({document, frequency});
                      return true;
                  });
    return out;
}

float TextIndex::idf(std::size_t document_frequency) const {
    // Lucene's form: never negative, so a word in most films still adds a little.
    const double n = double(lengths_.size()), df = double(document_frequency);
    return float(std::log(1.0 + (n - df + 0.5) / (df + 0.5)));
}

float TextIndex::idf_of(std::int32_t term) const {
    std::size_t count = 0;
    if (term > 0 && std::size_t(term) < ends_.size()) {
        walk_postings(postings_.data() + ends_[term - 1], postings_.data() + ends_[term], lengths_.size(),
                      [&](std::int32_t, std::uint32_t) { return ++count, true; });
    }
    return idf(count);
}

std::vector<float> TextIndex::bm25(std::span<const std::int32_t> terms) const {
    std::vector<float> scores(lengths_.size(), 0.0f);
    std::vector<std::int32_t> distinct(terms.begin(), terms.end());
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (auto term : distinct) {
        const auto list = postings(term);
        const float weight = idf(list.size());
        for (const auto& [document, frequency] : list) {
            const float tf = float(frequency);
            const float norm = k_bm25_k1 * (1.0f - k_bm25_b + k_bm25_b * float(lengths_[document]) / average_length_);
            scores[document] += weight * tf * (k_bm25_k1 + 1.0f) / (tf + norm);
        }
    }
    return scores;
}

std::vector<std::pair<std::int32_t, std::uint32_t>> TextIndex::document_terms(std::int32_t document) const {
    std::vector<std::pair<std::int32_t, std::uint32_t>> out;
    for (std::size_t term = 1; term < ends_.size(); ++term) {
        walk_postings(postings_.data() + ends_[term - 1], postings_.data() + ends_[term], lengths_.size(),
                      [&](std::int32_t at, std::uint32_t frequency) {
                          if (at == document) out.emplace_back(std::int32_t(term), frequency);
                          return at < document;
                      });
    }
    return out;
}

}  // namespace cinelocal
