#include "annotate/zip_edit.h"

#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "extractor/error.h"

namespace plantjek {

namespace {

ReadError zip_failure(const std::string& what) {
    return ReadError(ErrorKind::corrupt, "Den kommenterede kopi kunne ikke skrives: " + what,
                     "The annotated copy could not be written: " + what);
}

}  // namespace

std::string ZipEdit::finish() {
    zip_error_t err;
    zip_error_init(&err);
    // libzip owns the input buffer (freep 1): writing the archive back into
    // the source may free or replace it, with free().
    void* in = std::malloc(original_.size() ? original_.size() : 1);
    if (!in) throw zip_failure("out of memory");
    std::memcpy(in, original_.data(), original_.size());
    zip_source_t* src = zip_source_buffer_create(in, original_.size(), 1, &err);
    if (!src) {
        std::free(in);
        throw zip_failure(zip_error_strerror(&err));
    }
    zip_source_keep(src);
    std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> keep(src, zip_source_free);
    zip_t* za = zip_open_from_source(src, 0, &err);
    if (!za) throw zip_failure(zip_error_strerror(&err));
    zip_stat_t st;
    zip_stat_init(&st);
    zip_stat_index(za, 0, 0, &st);
    time_t stamp = (st.valid & ZIP_STAT_MTIME) ? st.mtime : 315532800;  // 1980-01-01
    for (auto& c : changes_) {
        zip_source_t* data = zip_source_buffer(za, c.bytes.data(), c.bytes.size(), 0);
        if (!data) throw zip_failure(zip_strerror(za));
        zip_int64_t idx = c.added ? zip_file_add(za, c.name.c_str(), data, ZIP_FL_ENC_UTF_8)
                                  : zip_name_locate(za, c.name.c_str(), 0);
        if (!c.added && idx >= 0) {
            zip_stat_t old;
            zip_stat_init(&old);
            time_t t = zip_stat_index(za, idx, 0, &old) == 0 && (old.valid & ZIP_STAT_MTIME) ? old.mtime : stamp;
            if (zip_file_replace(za, idx, data, 0) < 0) idx = -1;
            else zip_file_set_mtime(za, idx, t, 0);
        } else if (idx >= 0) {
            zip_file_set_mtime(za, idx, stamp, 0);
        }
        if (idx < 0) {
            zip_source_free(data);
            std::string why = zip_strerror(za);
            zip_discard(za);
            throw zip_failure(c.name + ": " + why);
        }
    }
    if (zip_close(za) < 0) {
        std::string why = zip_strerror(za);
        zip_discard(za);
        throw zip_failure(why);
    }
    if (zip_source_open(src) < 0) throw zip_failure("zip_source_open");
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    std::string out(static_cast<std::size_t>(size < 0 ? 0 : size), '\0');
    zip_int64_t got = zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
    if (got != size) throw zip_failure("zip_source_read");
    return out;
}

}  // namespace plantjek
