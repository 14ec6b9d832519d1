// Format sniffing and the reader registry: one line per format below.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

#include "extractor/reader.h"

namespace plantjek {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string human_size(std::uint64_t b) {
    return std::to_string((b + (1u << 20) - 1) >> 20) + " MB";
}

// ODF packages store "mimetype" uncompressed as the first entry.
bool odf_mimetype(std::string_view head, std::string_view type) {
    return starts_with(head, "PK\x03\x04") &&
           head.substr(0, 200).find(std::string("mimetype") + std::string(type)) != std::string_view::npos;
}

bool sniff_pdf(std::string_view h) {  // the header may follow a little junk (allowed by readers in practice)
    return h.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}
bool sniff_odt(std::string_view h) { return odf_mimetype(h, "application/vnd.oasis.opendocument.text"); }
bool sniff_docx(std::string_view h) {  // any other zip: the DOCX reader names what is missing
    return starts_with(h, "PK\x03\x04") && !odf_mimetype(h, "application/vnd.oasis.opendocument") &&
           !odf_mimetype(h, "application/epub");
}
bool sniff_doc(std::string_view h) { return starts_with(h, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"); }  // OLE; antiword tells
bool sniff_rtf(std::string_view h) { return starts_with(h, "{\\rtf"); }
bool sniff_txt(std::string_view h) {  // a BOM, or no NUL byte in the first 8 KiB
    return starts_with(h, "\xFF\xFE") || starts_with(h, "\xFE\xFF") || starts_with(h, "\xEF\xBB\xBF") ||
           h.substr(0, 8192).find('\0') == std::string_view::npos;
}

// The registry, in the order sniffing tries it: a new format is one line.
const std::vector<ReaderInfo> kReaders = {
    {Format::pdf, "PDF", {".pdf"}, true, &sniff_pdf, &read_pdf},
    {Format::odt, "ODT", {".odt"}, true, &sniff_odt, &read_odt},
    {Format::docx, "DOCX", {".docx"}, true, &sniff_docx, &read_docx},
    {Format::doc, "DOC", {".doc"}, true, &sniff_doc, &read_doc},
    {Format::rtf, "RTF", {".rtf"}, true, &sniff_rtf, &read_rtf},
    {Format::txt, "tekst", {".txt", ".text"}, false, &sniff_txt, &read_txt},
};

// What the bytes look like when no reader takes them (for the error).
struct Unsupported {
    bool (*match)(std::string_view);
    const char* what;
};
const Unsupported kUnsupported[] = {
    {[](std::string_view h) { return odf_mimetype(h, "application/vnd.oasis.opendocument.spreadsheet"); },
     "OpenDocument spreadsheet (.ods)"},
    {[](std::string_view h) { return odf_mimetype(h, "application/vnd.oasis.opendocument.presentation"); },
     "OpenDocument presentation (.odp)"},
    {[](std::string_view h) { return odf_mimetype(h, "application/epub"); }, "EPUB e-book"},
    {[](std::string_view h) { return starts_with(h, "PK\x05\x06"); }, "empty zip archive"},
    {[](std::string_view h) { return starts_with(h, "\x89PNG\r\n\x1a\n"); }, "PNG image"},
    {[](std::string_view h) { return starts_with(h, "\xFF\xD8\xFF"); }, "JPEG image"},
    {[](std::string_view h) { return starts_with(h, "GIF87a") || starts_with(h, "GIF89a"); }, "GIF image"},
    {[](std::string_view h) { return starts_with(h, "II*\0") || starts_with(h, std::string_view("MM\0*", 4)); },
     "TIFF image"},
    {[](std::string_view h) { return starts_with(h, "\x1F\x8B"); }, "gzip archive"},
    {[](std::string_view h) { return starts_with(h, "7z\xBC\xAF\x27\x1C"); }, "7-Zip archive"},
    {[](std::string_view h) { return starts_with(h, "Rar!"); }, "RAR archive"},
    {[](std::string_view h) { return starts_with(h, "\x7F" "ELF"); }, "program (ELF)"},
};

// "PDF, DOCX, ODT, DOC, RTF og tekst"
std::string readable_formats(Lang lang) {
    std::string s;
    for (std::size_t i = 0; i < kReaders.size(); ++i) {
        std::string label = kReaders[i].label;
        if (lang == Lang::en && label == "tekst") label = "text";
        if (i) s += i + 1 == kReaders.size() ? (lang == Lang::da ? " og " : " and ") : ", ";
        s += label;
    }
    return s;
}

}  // namespace

const std::vector<ReaderInfo>& readers() { return kReaders; }

const ReaderInfo* reader_for(Format f) {
    for (const auto& r : kReaders)
        if (r.format == f) return &r;
    return nullptr;
}

Format sniff_format(std::string_view head, std::string* what) {
    for (const auto& r : kReaders) {
        if (r.format == Format::txt) break;  // text is what is left when nothing else matched
        if (r.sniff(head)) {
            if (what && r.format == Format::doc) *what = "Word 97-2003 (.doc) or other OLE file";
            return r.format;
        }
    }
    for (const auto& u : kUnsupported)
        if (u.match(head)) {
            if (what) *what = u.what;
            return Format::unknown;
        }
    if (sniff_txt(head)) return Format::txt;
    if (what) *what = "binary data";
    return Format::unknown;
}

Document read_document_bytes(std::string_view bytes, const ReadOptions& opts) {
    if (bytes.empty())
        throw ReadError(ErrorKind::empty, "Filen er tom (0 byte).", "The file is empty (0 bytes).");
    if (bytes.size() > opts.limits.max_file_bytes)
        throw ReadError(ErrorKind::too_large,
                        "Filen er for stor (" + human_size(bytes.size()) + "); grænsen er " +
                            human_size(opts.limits.max_file_bytes) + ".",
                        "The file is too large (" + human_size(bytes.size()) + "); the limit is " +
                            human_size(opts.limits.max_file_bytes) + ".");
    std::string what;
    const Format f = sniff_format(bytes, &what);
    if (const ReaderInfo* r = reader_for(f)) {
        Document d = r->read(bytes, opts);
        d.format = f;
        return d;
    }
    throw ReadError(ErrorKind::unsupported,
                    "Formatet understøttes ikke: " + what + ". plantjek læser " + readable_formats(Lang::da) + ".",
                    "Unsupported format: " + what + ". plantjek reads " + readable_formats(Lang::en) + ".");
}

Document read_document(const std::string& path, const ReadOptions& opts, std::string* bytes_out) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        int e = errno;
        if (e == ENOENT)
            throw ReadError(ErrorKind::io, "Filen findes ikke: " + path, "No such file: " + path);
        throw ReadError(ErrorKind::io, "Filen kan ikke åbnes: " + path + " (" + std::strerror(e) + ")",
                        "Cannot open the file: " + path + " (" + std::strerror(e) + ")");
    }
    if (S_ISDIR(st.st_mode))
        throw ReadError(ErrorKind::io, "Det er en mappe, ikke en fil: " + path,
                        "That is a directory, not a file: " + path);
    if (!S_ISREG(st.st_mode))
        throw ReadError(ErrorKind::io, "Det er ikke en almindelig fil: " + path, "Not a regular file: " + path);
    if (static_cast<std::uint64_t>(st.st_size) > opts.limits.max_file_bytes)
        throw ReadError(ErrorKind::too_large,
                        "Filen er for stor (" + human_size(st.st_size) + "); grænsen er " +
                            human_size(opts.limits.max_file_bytes) + ".",
                        "The file is too large (" + human_size(st.st_size) + "); the limit is " +
                            human_size(opts.limits.max_file_bytes) + ".");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ReadError(ErrorKind::io, "Filen kan ikke læses: " + path, "Cannot read the file: " + path);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!bytes_out) return read_document_bytes(bytes, opts);
    *bytes_out = std::move(bytes);
    return read_document_bytes(*bytes_out, opts);
}

}  // namespace plantjek
