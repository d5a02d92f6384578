// A file sent by an admin into a source's folder (PUT /api/v1/sources/{name}/files/{file}): its
// name checked, its bytes streamed to disk (never held whole), the file replaced atomically.
#pragma once

#include <cstdint>
#include <istream>
#include <string>

namespace recolte::api {

// "" when `name` may be written into a source folder, else the French reason: no slash or
// backslash, no leading dot (so no "..", no hidden file), no NUL or control character, valid UTF-8,
// at most 200 bytes, and matching `pattern` (the source's glob, e.g. "*.csv") when there is one.
std::string uploadNameProblem(const std::string& name, const std::string& pattern);

struct UploadResult {
    enum class Outcome { Written, TooLarge, Incomplete, Failed } outcome = Outcome::Failed;
    int64_t bytes = 0;      // written (Written) or read before giving up (TooLarge)
    bool replaced = false;  // a file of that name was there before
    std::string error;      // Incomplete, Failed: what went wrong (for the log; system text)
};

// Copies `in` into `folder`/`name` through a temporary file in the same folder (dot-named, so no
// sync lists it), flushed to disk, then renamed over the target: a reader sees the old file or the
// whole new one, never a part. More than `cap` bytes: the temporary file is removed, nothing changes.
// `expected` >= 0 (a declared Content-Length): a body that ends sooner is Incomplete, not a short file.
UploadResult writeUpload(std::istream& in, const std::string& folder, const std::string& name, int64_t cap,
                         int64_t expected = -1);

}  // namespace recolte::api
