// Format sniffing and the reader registry: one line per format below.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "extractor/reader.h"

namespace plantjek {

namespace {

using ReadFn = Document (*)(std::string_view, const ReadOptions&);

struct Entry {
    Format format;
    ReadFn read;
};

// The registry: a new format is one line here plus its sniffing rule.
constexpr Entry kReaders[] = {
    {Format::pdf, &read_pdf},
    {Format::docx, &read_docx},
    {Format::odt, &read_odt},
    {Format::txt, &read_txt},
    {Format::doc, &read_doc},
    {Format::rtf, &read_rtf},
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string human_size(std::uint64_t b) {
    return std::to_string((b + (1u << 20) - 1) >> 20) + " MB";
}

}  // namespace

Format sniff_format(std::string_view head, std::string* what) {
    auto say = [&](const char* w) {
        if (what) *what = w;
        return Format::unknown;
    };
    // PDF: the header may follow a little junk (allowed by readers in practice).
    if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::pdf;
    if (starts_with(head, "PK\x03\x04")) {
        // ODF packages store "mimetype" uncompressed as the first entry.
        auto m = head.substr(0, 200);
        if (m.find("mimetypeapplication/vnd.oasis.opendocument.text") != std::string_view::npos)
            return Format::odt;
        if (m.find("mimetypeapplication/vnd.oasis.opendocument.spreadsheet") != std::string_view::npos)
            return say("OpenDocument spreadsheet (.ods)");
        if (m.find("mimetypeapplication/vnd.oasis.opendocument.presentation") != std::string_view::npos)
            return say("OpenDocument presentation (.odp)");
        if (m.find("mimetypeapplication/epub") != std::string_view::npos) return say("EPUB e-book");
        return Format::docx;  // the DOCX reader names what is missing if it is some other zip
    }
    if (starts_with(head, "PK\x05\x06")) return say("empty zip archive");
    if (starts_with(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        if (what) *what = "Word 97-2003 (.doc) or other OLE file";
        return Format::doc;  // antiword names what it is when it is not a Word document
    }
    if (starts_with(head, "{\\rtf")) return Format::rtf;
    if (starts_with(head, "\x89PNG\r\n\x1a\n")) return say("PNG image");
    if (starts_with(head, "\xFF\xD8\xFF")) return say("JPEG image");
    if (starts_with(head, "GIF87a") || starts_with(head, "GIF89a")) return say("GIF image");
    if (starts_with(head, "II*\0") || starts_with(head, std::string_view("MM\0*", 4))) return say("TIFF image");
    if (starts_with(head, "\x1F\x8B")) return say("gzip archive");
    if (starts_with(head, "7z\xBC\xAF\x27\x1C")) return say("7-Zip archive");
    if (starts_with(head, "Rar!")) return say("RAR archive");
    if (starts_with(head, "\x7F" "ELF")) return say("program (ELF)");
    // Text: a BOM, or no NUL bytes in the first 8 KiB.
    if (starts_with(head, "\xFF\xFE") || starts_with(head, "\xFE\xFF") || starts_with(head, "\xEF\xBB\xBF"))
        return Format::txt;
    if (head.substr(0, 8192).find('\0') == std::string_view::npos) return Format::txt;
    return say("binary data");
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
    Format f = sniff_format(bytes, &what);
    for (const auto& e : kReaders)
        if (e.format == f) {
            Document d = e.read(bytes, opts);
            d.format = f;
            return d;
        }
    throw ReadError(ErrorKind::unsupported,
                    "Formatet understøttes ikke: " + what + ". plantjek læser PDF, DOCX, ODT, DOC, RTF og tekst.",
                    "Unsupported format: " + what + ". plantjek reads PDF, DOCX, ODT, DOC, RTF and text.");
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
