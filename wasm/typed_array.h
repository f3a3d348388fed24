// Copies a JavaScript typed array (Uint8Array, Float32Array, ...) into a C++ vector in one call.
#pragma once
#include <vector>

#include <emscripten/val.h>

namespace cinelocal::wasm {

template <class T>
std::vector<T> copy_typed_array(const emscripten::val& array) {
    std::vector<T> out(array["length"].as<std::size_t>());
    emscripten::val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", array);
    return out;
}

}  // namespace cinelocal::wasm
