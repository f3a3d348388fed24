#include "cinelocal/group.h"

#include <algorithm>
#include <cmath>

namespace cinelocal {

Result<std::vector<ScoredItem>> group_recommend(const ItemTable& table, const std::vector<std::vector<float>>& users,
                                                const std::vector<bool>& excluded, std::size_t k, GroupBlend blend) {
    if (users.size() < 2 || users.size() > 4) {
        return make_error(ErrorCode::invalid_format, "a group has 2 to 4 members, not " + std::to_string(users.size()));
    }
    std::vector<float> combined(table.item_count(), blend == GroupBlend::least_misery ? INFINITY : 0.0f);
    std::vector<float> scores;
    for (const auto& user : users) {
        if (auto status = score_all_items(table, user, scores); !status) return status.error();
        double mean = 0.0, square = 0.0;
        for (float s : scores) mean += s;
        mean /= double(scores.size());
        for (float s : scores) square += (s - mean) * (s - mean);
        const double deviation = std::sqrt(square / double(scores.size()));
        const float inverse = deviation > 0.0 ? float(1.0 / deviation) : 0.0f;
        for (std::size_t i = 0; i < scores.size(); ++i) {
            const float z = (scores[i] - float(mean)) * inverse;
            combined[i] = blend == GroupBlend::least_misery ? std::min(combined[i], z)
                                                            : combined[i] + z / float(users.size());
        }
    }
    return top_k(combined, k, excluded);
}

}  // namespace cinelocal
