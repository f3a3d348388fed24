// "Describe it": free text ("heist comedy with a twist") -> word ids (the core's TextTokenizer,
// the model's own vocabulary) -> the content model (ONNX Runtime) -> a vector in the item table's
// space -> the best-matching movies the visitor has not rated.
#pragma once
#include <span>
#include <string>

#include "app_state.h"
#include "platform.h"

namespace cinelocal::ui {

inline constexpr const char* k_content_vocab_file = "content_vocab.json";

// Reads the tokenizer from the bundle's files (before they are released); a bundle without a
// content model leaves "describe it" off, a broken vocabulary becomes a notice.
void load_describe_tokenizer(AppState& state, const FileBytes& files);
bool describe_available(const AppState& state);
// Runs when the described text changes; asks the content model, or says why the text cannot be used.
void run_describe(AppState& state, Platform& platform);
void on_text_embedding(AppState& state, int request_id, std::span<const float> embedding);
void on_text_embedding_failed(AppState& state, int request_id, const std::string& message);

}  // namespace cinelocal::ui
