// Core benchmarks (native and wasm under Node): the int8 scan against memcpy of the same table,
// and the whole path after a rating (scan, filters, top-200, MMR to 50, explanations) as p50/p95.
// Prints a table; times are wall-clock on this machine, not assertions.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "cinelocal/bundle.h"
#include "cinelocal/explain.h"

using namespace cinelocal;
using Clock = std::chrono::steady_clock;

namespace {

struct Synthetic {
    Bundle bundle;
    Profile profile;
};

// A catalogue of n movies with random unit-ish int8 rows, popularity falling with the index,
// and a profile of 20 ratings.
Synthetic make_synthetic(std::size_t n, std::size_t d, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<std::int8_t> values(n * d);
    std::vector<float> scales(n);
    for (std::size_t i = 0; i < n; ++i) {
        float max_abs = 0.0f;
        std::vector<float> row(d);
        for (auto& v : row) {
            v = normal(rng);
            max_abs = std::max(max_abs, std::fabs(v));
        }
        scales[i] = max_abs / 127.0f / std::sqrt(float(d));
        for (std::size_t j = 0; j < d; ++j) values[i * d + j] = std::int8_t(std::lround(row[j] / max_abs * 127.0f));
    }
    std::string json = R"({"format_version":1,"genres":["A","B","C"],"movies":[)";
    for (std::size_t i = 0; i < n; ++i) {
        json += (i ? ",[" : "[") + std::to_string(i + 1) + ",\"Movie\"," + std::to_string(1950 + i % 70) + "," +
                std::to_string(1 + i % 7) + "," + std::to_string(int(100000 / (i + 1))) + "]";
    }
    json += "]}";
    auto table = ItemTable::from_values(std::move(values), std::move(scales), d);
    UnitRows rows(table);
    Manifest manifest;
    manifest.item_count = n;
    manifest.embedding_dim = d;
    Synthetic s{Bundle{manifest, Catalogue::parse(json).value(), std::move(table), std::move(rows)}, Profile{}};
    for (int r = 0; r < 20; ++r) (void)s.profile.rate(MovieId(1 + (r * 7919) % n), float(1 + r % 5));
    return s;
}

double elapsed_us(Clock::time_point start) {
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

void bench_size(std::size_t n, std::size_t d, const char* platform) {
    Synthetic s = make_synthetic(n, d, 42);
    const auto& table = s.bundle.item_table;
    std::vector<float> user(d), scores;
    std::mt19937 rng(1);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    for (auto& v : user) v = normal(rng);

    const std::size_t table_bytes = n * d + n * sizeof(float);
    std::vector<std::uint8_t> source(table_bytes, 1), target(table_bytes);
    std::vector<double> scan_us, copy_us, e2e_us;
    for (int rep = 0; rep < 200; ++rep) {
        auto t = Clock::now();
        (void)score_all_items(table, user, scores);
        scan_us.push_back(elapsed_us(t));
        t = Clock::now();
        std::memcpy(target.data(), source.data(), table_bytes);
        copy_us.push_back(elapsed_us(t));
        source[rep % table_bytes] += target[(rep * 31) % table_bytes];  // keep the copy observable
    }
    RecommendOptions options;
    options.rerank.diversity_lambda = 0.7f;
    for (int rep = 0; rep < 1000; ++rep) {
        user[rep % d] += 0.01f;  // a rating changed the taste vector
        auto t = Clock::now();
        auto top = recommend(s.bundle, user, s.profile, 50, options);
        for (const auto& item : top.value()) {
            auto why = explain(s.bundle.catalogue, s.bundle.unit_rows, s.profile, item.index);
            if (why.pulled_up.size() > 3) std::puts("impossible");
        }
        e2e_us.push_back(elapsed_us(t));
    }
    const double scan = median(scan_us), copy = median(copy_us);
    std::printf("| %-6s | %6zu | %3zu | %8.1f | %8.1f | %6.1f%% | %7.2f | %9.1f | %9.1f |\n", platform, n, d, scan, copy,
                100.0 * copy / scan, double(table_bytes) / scan / 1000.0, percentile(e2e_us, 0.5),
                percentile(e2e_us, 0.95));
}

}  // namespace

int main() {
#ifdef __EMSCRIPTEN__
    const char* platform = "wasm";
#else
    const char* platform = "native";
#endif
    std::printf("| build  |  items |   d | scan µs  | memcpy µs | scan/memcpy | scan GB/s | e2e p50 µs | e2e p95 µs |\n");
    std::printf("|--------|--------|-----|----------|----------|---------|---------|-----------|-----------|\n");
    for (std::size_t n : {std::size_t(10000), std::size_t(87000)}) bench_size(n, 64, platform);
    std::printf("scan: int8 table x user vector, median of 200; memcpy: the same bytes; "
                "e2e: scan + filters + top-200 + MMR(0.7) to 50 + explanations for 50 (20 ratings), 1000 runs\n");
    return 0;
}
