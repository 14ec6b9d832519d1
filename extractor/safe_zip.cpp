#include "extractor/safe_zip.h"

#include <zip.h>

#include <algorithm>

namespace plantjek {

namespace {

constexpr std::uint64_t kBombRatio = 200;  // decompressed / compressed; Office XML stays far below

bool iequal(std::string_view a, std::string_view b) {
    auto lo = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lo(x) == lo(y); });
}

std::string size_str(std::uint64_t b) {
    if (b < (1u << 20)) return std::to_string((b + 1023) / 1024) + " KB";
    return std::to_string((b + (1u << 20) - 1) >> 20) + " MB";
}

[[noreturn]] void corrupt(const std::string& da, const std::string& en) {
    throw ReadError(ErrorKind::corrupt, "Filen er en beskadiget ZIP-pakke" + da + ".",
                    "The file is a damaged zip archive" + en + ".");
}

[[noreturn]] void encrypted() {
    throw ReadError(ErrorKind::encrypted,
                    "Office-filen er beskyttet med adgangskode (krypteret); gem den uden adgangskode og prøv igen.",
                    "The Office file is password-protected (encrypted); save it without a password and try again.");
}

std::string libzip_text(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    std::string s = zip_error_strerror(&e);
    zip_error_fini(&e);
    return s;
}

[[noreturn]] void throw_zip_error(int code, const std::string& entry) {
    std::string da = entry.empty() ? "" : " (delen " + entry + ")";
    std::string en = entry.empty() ? "" : " (part " + entry + ")";
    switch (code) {
        case ZIP_ER_NOPASSWD:
        case ZIP_ER_WRONGPASSWD:
        case ZIP_ER_ENCRNOTSUPP: encrypted();
        case ZIP_ER_NOZIP:
            corrupt(": den kan ikke genkendes som ZIP og er nok afkortet" + da,
                    ": it is not recognisable as a zip and is probably truncated" + en);
        case ZIP_ER_INCONS:
            corrupt(": indholdsfortegnelsen passer ikke med indholdet" + da, ": its directory does not match its contents" + en);
        case ZIP_ER_CRC: corrupt(": kontrolsummen passer ikke" + da, ": checksum mismatch" + en);
        case ZIP_ER_COMPNOTSUPP:
            corrupt(": ukendt komprimeringsmetode" + da, ": unknown compression method" + en);
        case ZIP_ER_MULTIDISK: corrupt(": den er delt over flere filer" + da, ": it is split over several files" + en);
        case ZIP_ER_MEMORY:
            throw ReadError(ErrorKind::too_large, "Der er ikke hukommelse nok til at læse ZIP-pakken.",
                            "Not enough memory to read the zip archive.");
        default: corrupt(" (" + libzip_text(code) + ")" + da, " (" + libzip_text(code) + ")" + en);
    }
}

zip_t* open_archive(std::string_view bytes, int flags, int& err) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
    if (!src) {
        err = zip_error_code_zip(&ze);
        zip_error_fini(&ze);
        return nullptr;
    }
    zip_t* za = zip_open_from_source(src, flags | ZIP_RDONLY, &ze);
    if (!za) {
        err = zip_error_code_zip(&ze);
        zip_source_free(src);
    }
    zip_error_fini(&ze);
    return za;
}

}  // namespace

SafeZip::SafeZip(std::string_view bytes, const Limits& limits) : limits_(limits) {
    int err = 0;
    za_ = open_archive(bytes, ZIP_CHECKCONS, err);
    if (!za_ && err == ZIP_ER_INCONS) {
        // Some writers leave small local/central header mismatches; the byte
        // caps below bound whatever that could hide.
        za_ = open_archive(bytes, 0, err);
        lenient_ = za_ != nullptr;
    }
    if (!za_) throw_zip_error(err, {});
    zip_int64_t n = zip_get_num_entries(za_, 0);
    if (n < 0) n = 0;
    if (static_cast<std::uint64_t>(n) > limits_.max_zip_entries) {
        zip_discard(za_);
        za_ = nullptr;
        throw ReadError(ErrorKind::too_large,
                        "ZIP-pakken har for mange dele (" + std::to_string(n) + "); grænsen er " +
                            std::to_string(limits_.max_zip_entries) + ".",
                        "The zip archive has too many entries (" + std::to_string(n) + "); the limit is " +
                            std::to_string(limits_.max_zip_entries) + ".");
    }
    names_.reserve(static_cast<std::size_t>(n));
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za_, static_cast<zip_uint64_t>(i), 0, &st) != 0) {
            int code = zip_error_code_zip(zip_get_error(za_));
            zip_discard(za_);
            za_ = nullptr;
            throw_zip_error(code, {});
        }
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
            zip_discard(za_);
            za_ = nullptr;
            encrypted();
        }
        names_.emplace_back((st.valid & ZIP_STAT_NAME) && st.name ? st.name : "");
    }
}

SafeZip::~SafeZip() {
    if (za_) zip_discard(za_);
}

bool SafeZip::contains(std::string_view name) const {
    return std::any_of(names_.begin(), names_.end(), [&](const std::string& s) { return iequal(s, name); });
}

std::optional<std::string> SafeZip::read(std::string_view name) {
    std::size_t idx = names_.size();
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) {
            idx = i;
            break;
        }
    if (idx == names_.size())
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (iequal(names_[i], name)) {
                idx = i;
                break;
            }
    if (idx == names_.size()) return std::nullopt;
    std::string entry(names_[idx]);

    zip_stat_t st;
    zip_stat_init(&st);
    std::uint64_t comp = 0;
    if (zip_stat_index(za_, idx, 0, &st) == 0 && (st.valid & ZIP_STAT_COMP_SIZE)) comp = st.comp_size;

    zip_file_t* zf = zip_fopen_index(za_, idx, 0);
    if (!zf) throw_zip_error(zip_error_code_zip(zip_get_error(za_)), entry);

    std::string out;
    // The declared size is only a hint, capped so that a lying header cannot make us allocate.
    if ((st.valid & ZIP_STAT_SIZE) && st.size > 0)
        out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>({st.size, limits_.max_entry_bytes, 1u << 20})));
    char buf[65536];
    for (;;) {
        zip_int64_t got = zip_fread(zf, buf, sizeof buf);
        if (got < 0) {
            int code = zip_error_code_zip(zip_file_get_error(zf));
            zip_fclose(zf);
            throw_zip_error(code, entry);
        }
        if (got == 0) break;
        out.append(buf, static_cast<std::size_t>(got));
        total_ += static_cast<std::uint64_t>(got);
        bool entry_over = out.size() > limits_.max_entry_bytes;
        bool total_over = total_ > limits_.max_total_uncompressed;
        if (entry_over || total_over) {
            zip_fclose(zf);
            // The declared size counts too: a bomb is refused even when the cap stops us early.
            std::uint64_t claimed = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
            if (std::max<std::uint64_t>(out.size(), claimed) > kBombRatio * std::max<std::uint64_t>(comp, 1))
                throw ReadError(ErrorKind::hostile,
                                "Filen afvises som en ZIP-bombe: delen " + entry + " pakker sig ud til mere end " +
                                    size_str(out.size()) + " fra " + size_str(comp) + ".",
                                "The file is refused as a zip bomb: part " + entry + " expands to more than " +
                                    size_str(out.size()) + " from " + size_str(comp) + ".");
            if (entry_over)
                throw ReadError(ErrorKind::too_large,
                                "Delen " + entry + " i ZIP-pakken er for stor udpakket; grænsen er " +
                                    size_str(limits_.max_entry_bytes) + ".",
                                "Part " + entry + " of the zip archive is too large when unpacked; the limit is " +
                                    size_str(limits_.max_entry_bytes) + ".");
            throw ReadError(ErrorKind::too_large,
                            "ZIP-pakken fylder for meget udpakket; grænsen er " +
                                size_str(limits_.max_total_uncompressed) + ".",
                            "The zip archive is too large when unpacked; the limit is " +
                                size_str(limits_.max_total_uncompressed) + ".");
        }
    }
    zip_fclose(zf);
    return out;
}

}  // namespace plantjek
