// "Describe it": free text ("heist comedy with a twist") -> the bundle's words (the core's
// DescriptionIndex) -> BM25 over every film's text, shown at once; the content model's vector
// (ONNX Runtime, when it has started) is scored against the item table and fused with them
// (core describe_rank.h). Rated films, "not interested" marks and the For-you filters apply.
#pragma once
#include <span>
#include <string>

#include "app_state.h"
#include "platform.h"

namespace cinelocal::ui {

// Reads the vocabulary and index from the bundle's files (before they are released); a bundle
// without them leaves "describe it" off, a broken one becomes a notice.
void load_describe_index(AppState& state, const FileBytes& files);
// The bundle has describe-it (its index may still be on its way: it loads on first use).
bool describe_available(const AppState& state);
// Asks the page for the index's files once (Platform::load_describe_files), unless they are here.
void want_describe_index(AppState& state, Platform& platform);
// One of the index's files could not be downloaded or read: the Describe screen says why and
// offers "Try again".
void describe_files_failed(AppState& state, const std::string& message);
// Runs each frame: asks for the index when Describe or a film page needs it; ranks again when the
// described text changes (or the model starts after it did).
void run_describe(AppState& state, Platform& platform);
// Whether the Search screen names the text's unknown words now: once the text has stood still for a
// moment, since a word being typed is no word yet ("sha" before "shark").
bool unknown_words_due(const AppState& state, const Platform& platform);
void on_text_embedding(AppState& state, int request_id, std::span<const float> embedding);
void on_text_embedding_failed(AppState& state, int request_id, const std::string& message);

}  // namespace cinelocal::ui
