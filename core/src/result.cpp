#include "cinelocal/result.h"

namespace cinelocal {

const char* error_code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::invalid_format: return "invalid_format";
        case ErrorCode::size_mismatch: return "size_mismatch";
        case ErrorCode::checksum_mismatch: return "checksum_mismatch";
        case ErrorCode::unknown_file: return "unknown_file";
        case ErrorCode::unknown_movie: return "unknown_movie";
        case ErrorCode::invalid_rating: return "invalid_rating";
        case ErrorCode::dimension_mismatch: return "dimension_mismatch";
        case ErrorCode::unsupported_version: return "unsupported_version";
        case ErrorCode::not_loaded: return "not_loaded";
    }
    return "unknown_error";
}

}  // namespace cinelocal
