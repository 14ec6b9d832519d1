// Old office formats → Document: RTF (.rtf) and Word 97–2003 (.doc).
//
// RTF is read in process by a small parser (below): paragraphs, headings from
// the stylesheet ("heading N"/"Overskrift N" or \outlinelevel), table cells,
// page breaks, footnotes apart, \info title/author; \'hh as Windows-1252 (or
// the document's \ansicpg), \uN with its fallback skipped. Everything it
// does not know is text or skipped; it never fails on odd control words.
//
// Word 97–2003 (OLE compound file) is converted by Debian's `antiword`
// (package antiword), run without a shell (posix_spawn with an argument
// vector), its stdout read through a pipe under a time limit and an output
// cap; paragraphs are its blank-line separated lines, `|a |b |` lines are
// table rows. When antiword is missing and LibreOffice (`soffice`) is
// installed, the file is converted to DOCX with it and read by the DOCX
// reader (slow: seconds). With neither: ErrorKind::unsupported, naming the
// package to install. A file antiword rejects is ErrorKind::corrupt.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <vector>

#include "extractor/encoding.h"
#include "extractor/reader.h"
#include "extractor/utf8.h"

extern char** environ;

namespace plantjek {

namespace {

// ---------------------------------------------------------------- tools

std::optional<std::string> find_in_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string p = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= p.size()) {
        std::size_t end = p.find(':', start);
        if (end == std::string::npos) end = p.size();
        std::string dir = p.substr(start, end - start);
        if (!dir.empty()) {
            std::string full = dir + "/" + name;
            if (::access(full.c_str(), X_OK) == 0) return full;
        }
        start = end + 1;
    }
    return std::nullopt;
}

// A private temporary directory, removed with everything in it.
struct TempDir {
    std::string path;
    TempDir() {
        const char* t = std::getenv("TMPDIR");
        std::string tmpl = std::string(t && *t ? t : "/tmp") + "/plantjek-XXXXXX";
        std::vector<char> buf(tmpl.begin(), tmpl.end());
        buf.push_back('\0');
        if (!::mkdtemp(buf.data()))
            throw ReadError(ErrorKind::io, "Kan ikke oprette en midlertidig mappe.",
                            "Cannot create a temporary directory.");
        path = buf.data();
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

void write_file(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw ReadError(ErrorKind::io, "Kan ikke skrive en midlertidig fil.", "Cannot write a temporary file.");
}

struct ToolResult {
    int status = -1;  // exit status; -1 when killed or not run
    bool timed_out = false;
    bool too_much = false;
    std::string out;
};

// Runs argv[0] (a full path) with the argument vector as is (no shell),
// stdin from /dev/null, stderr discarded, stdout captured up to max_out
// bytes; killed after `seconds`.
ToolResult run_tool(const std::vector<std::string>& argv, int seconds, std::size_t max_out,
                    const std::vector<std::string>& env_extra = {}) {
    ToolResult r;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return r;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_store;
    for (char** e = environ; e && *e; ++e) env_store.emplace_back(*e);
    for (const auto& e : env_extra) env_store.push_back(e);
    std::vector<char*> envp;
    for (auto& e : env_store) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    int rc = ::posix_spawn(&pid, argv[0].c_str(), &fa, &attr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    ::close(fds[1]);
    if (rc != 0) {
        ::close(fds[0]);
        return r;
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    char buf[65536];
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            r.timed_out = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        int n = ::poll(&p, 1, static_cast<int>(left.count()));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            r.timed_out = n == 0;
            break;
        }
        ssize_t got = ::read(fds[0], buf, sizeof buf);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        if (r.out.size() + static_cast<std::size_t>(got) > max_out) {
            r.too_much = true;
            break;
        }
        r.out.append(buf, static_cast<std::size_t>(got));
    }
    ::close(fds[0]);
    if (r.timed_out || r.too_much) ::kill(-pid, SIGKILL);
    int st = 0;
    while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    if (!r.timed_out && !r.too_much && WIFEXITED(st)) r.status = WEXITSTATUS(st);
    return r;
}

// LibreOffice fallback: converts `bytes` (written as in.<ext>) to DOCX and
// reads that. nullopt when soffice is missing or the conversion fails.
std::optional<Document> via_soffice(std::string_view bytes, const char* ext, const ReadOptions& opts) {
    auto soffice = find_in_path("soffice");
    if (!soffice) return std::nullopt;
    TempDir tmp;
    std::string in = tmp.path + "/in." + ext;
    write_file(in, bytes);
    ToolResult r = run_tool({*soffice, "-env:UserInstallation=file://" + tmp.path + "/profile", "--headless",
                             "--norestore", "--convert-to", "docx", "--outdir", tmp.path, in},
                            120, 1 << 20, {"HOME=" + tmp.path});
    std::ifstream f(tmp.path + "/in.docx", std::ios::binary);
    if (r.status != 0 || !f) return std::nullopt;
    std::string docx((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    Document d = read_docx(docx, opts);
    d.notes.push_back(std::string("converted from .") + ext + " to DOCX with LibreOffice");
    return d;
}

using utf8::trim;

// antiword's text (-w 0: one line per paragraph, blank lines between them;
// tables as "|cell |cell |" lines) → blocks.
void blocks_from_antiword(const std::string& text, Document& doc) {
    int table = -1, row = -1;
    bool in_table = false;
    std::size_t pos = 0, line_no = 0;
    int page = 1;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        ++line_no;
        while (!line.empty() && line.front() == '\f') {
            ++page;
            line.remove_prefix(1);
        }
        line = trim(line);
        if (line.empty()) {
            continue;
        }
        if (line.size() >= 2 && line.front() == '|' && line.back() == '|') {
            if (!in_table) {
                ++table;
                row = -1;
                in_table = true;
            }
            ++row;
            int col = 0;
            std::string_view rest = line.substr(1);
            while (!rest.empty()) {
                std::size_t bar = rest.find('|');
                if (bar == std::string_view::npos) break;
                std::string_view cell = trim(rest.substr(0, bar));
                Block b;
                b.kind = BlockKind::table_cell;
                b.text = std::string(cell);
                b.page = page;
                b.table = table;
                b.row = row;
                b.col = col++;
                b.source_index = line_no;
                if (!b.text.empty()) doc.blocks.push_back(std::move(b));
                rest.remove_prefix(bar + 1);
            }
            continue;
        }
        in_table = false;
        Block b;
        b.text = std::string(line);
        b.page = page;
        b.source_index = line_no;
        doc.blocks.push_back(std::move(b));
    }
    doc.meta.pages = page;
}

// ---------------------------------------------------------------- RTF

struct RtfState {
    bool skip = false;       // inside a destination whose text is not wanted
    int uc = 1;              // bytes of fallback after \uN
    bool bold = false;
    int target = 0;          // 0 body, 1 footnote, 2 stylesheet entry, 3 info field
    std::string info_key;    // title, author, subject when target == 3
    bool footnote_root = false;  // this group is the \footnote destination itself
};

struct RtfStyle {
    std::string name;
    int outline = 0;  // 1-based heading level; 0 none
};

class RtfParser {
public:
    RtfParser(std::string_view in, Document& doc) : in_(in), doc_(doc) {}

    void run() {
        Cursor cur;
        while (cur.i < in_.size()) {
            char c = in_[cur.i];
            if (c == '{') {
                cur.stack.push_back(cur.st);
                ++cur.i;
                cur.group_start = true;
                cur.pending_skip = 0;
                continue;
            }
            if (c == '}') {
                end_group(cur.st);
                if (cur.stack.empty()) break;  // the document's closing brace
                cur.st = cur.stack.back();
                cur.stack.pop_back();
                ++cur.i;
                cur.group_start = false;
                cur.pending_skip = 0;
                continue;
            }
            if (c == '\\') {
                if (!escape(cur)) break;
                continue;
            }
            ++cur.i;
            if (c == '\r' || c == '\n') continue;
            cur.group_start = false;
            if (cur.pending_skip > 0) {
                --cur.pending_skip;
                continue;
            }
            byte(static_cast<unsigned char>(c), cur.st);
        }
        flush_bytes(cur.st);
        paragraph(cur.st);
        doc_.meta.pages = page_;
    }

private:
    // Where run() is in the input, and the group state there.
    struct Cursor {
        std::vector<RtfState> stack;
        RtfState st;
        std::size_t i = 0;
        int pending_skip = 0;  // fallback bytes still to skip after \uN
        bool group_start = false;
    };

    struct ControlWord {
        std::string word;
        bool has_param = false;
        long param = 0;
    };

    static int hexval(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // After a backslash: a control word, a hex byte or a control symbol.
    // False when the input ends at the backslash.
    bool escape(Cursor& cur) {
        ++cur.i;
        if (cur.i >= in_.size()) return false;
        char d = in_[cur.i];
        if (std::isalpha(static_cast<unsigned char>(d))) {
            take_control_word(cur);
            return true;
        }
        ++cur.i;
        if (d == '\'') {
            take_hex_byte(cur);
            return true;
        }
        if (d == '*') {  // ignorable destination
            if (cur.group_start) cur.st.skip = true;
            return true;
        }
        cur.group_start = false;
        if (cur.pending_skip > 0) {
            --cur.pending_skip;
            return true;
        }
        switch (d) {
            case '\\': case '{': case '}': text(std::string(1, d), cur.st); break;
            case '~': text("\xC2\xA0", cur.st); break;
            case '_': text("-", cur.st); break;
            case '-': text("\xC2\xAD", cur.st); break;
            case '\n': case '\r': paragraph(cur.st); break;  // "\<newline>" = \par
            case '|': case ':': break;
            default: break;
        }
        return true;
    }

    // The letters, the optional signed number and the delimiter space at `i`.
    ControlWord read_control_word(std::size_t& i) const {
        ControlWord cw;
        std::size_t s = i;
        while (i < in_.size() && std::isalpha(static_cast<unsigned char>(in_[i])) && i - s < 32) ++i;
        cw.word = std::string(in_.substr(s, i - s));
        bool neg = false;
        if (i < in_.size() && in_[i] == '-') {
            neg = true;
            ++i;
        }
        std::size_t ds = i;
        while (i < in_.size() && std::isdigit(static_cast<unsigned char>(in_[i])) && i - ds < 10) {
            cw.param = cw.param * 10 + (in_[i] - '0');
            ++i;
        }
        cw.has_param = i > ds;
        if (neg) cw.param = -cw.param;
        if (i < in_.size() && in_[i] == ' ') ++i;  // the delimiter space belongs to the word
        return cw;
    }

    void take_control_word(Cursor& cur) {
        const ControlWord cw = read_control_word(cur.i);
        if (cw.word == "bin") {  // binary data: skip param bytes
            cur.i += static_cast<std::size_t>(std::max(0L, cw.param));
            return;
        }
        if (cur.pending_skip > 0 && cw.word != "u") {  // a control word counts as one fallback char
            --cur.pending_skip;
            cur.group_start = false;
            return;
        }
        control(cw, cur.st, cur.group_start);
        if (cw.word == "u") cur.pending_skip = cur.st.uc;
        cur.group_start = false;
    }

    // "\'hh": one byte in the document's code page.
    void take_hex_byte(Cursor& cur) {
        if (cur.i + 2 <= in_.size()) {
            int v = hexval(in_[cur.i]) * 16 + hexval(in_[cur.i + 1]);
            cur.i += 2;
            if (cur.pending_skip > 0) {
                --cur.pending_skip;
                return;
            }
            if (v >= 0) byte(static_cast<unsigned char>(v), cur.st);
        }
        cur.group_start = false;
    }

    // Bytes in the document's code page are collected and decoded in runs.
    void byte(unsigned char b, const RtfState& st) {
        if (st.skip) return;
        if (b < 0x80) {
            flush_bytes(st);
            text(std::string(1, static_cast<char>(b)), st);
            return;
        }
        bytes_ += static_cast<char>(b);
    }

    void flush_bytes(const RtfState& st) {
        if (bytes_.empty()) return;
        std::string b;
        b.swap(bytes_);
        std::string u;
        try {
            u = encoding::convert(b, codepage_.c_str());
        } catch (const std::exception&) {
            u = encoding::convert(b, "WINDOWS-1252");
        }
        text(u, st);
    }

    void text(const std::string& s, const RtfState& st) {
        if (st.skip) return;
        if (!bytes_.empty()) flush_bytes(st);
        switch (st.target) {
            case 1: foot_ += s; break;
            case 2: style_name_ += s; break;
            case 3: info_ += s; break;
            default:
                para_ += s;
                if (s.find_first_not_of(" \t") != std::string::npos) {
                    ++chars_;
                    if (st.bold) ++bold_chars_;
                }
        }
    }

    void end_group(RtfState& st) {
        flush_bytes(st);
        if (st.target == 2 && in_style_entry_) {
            std::string name(trim(style_name_));
            while (!name.empty() && name.back() == ';') name.pop_back();
            if (style_id_ >= 0 && !name.empty()) {
                RtfStyle& s = styles_[style_id_];
                s.name = name;
                std::string l = utf8::lower(name);
                for (const char* p : {"heading ", "overskrift "})
                    if (l.rfind(p, 0) == 0 && l.size() > std::strlen(p)) {
                        int n = std::atoi(l.c_str() + std::strlen(p));
                        if (n >= 1 && n <= 9) s.outline = n;
                    }
                if (!s.outline && style_outline_ > 0) s.outline = style_outline_;
            }
            in_style_entry_ = false;
            style_name_.clear();
        }
        if (st.target == 3 && !st.info_key.empty()) {
            std::string v = utf8::squeeze_spaces(info_);
            if (st.info_key == "title") doc_.meta.title = v;
            if (st.info_key == "author") doc_.meta.author = v;
            if (st.info_key == "subject") doc_.meta.subject = v;
            info_.clear();
        }
        if (st.target == 1 && st.footnote_root && footnote_depth_ > 0 && --footnote_depth_ == 0) {
            std::string t(trim(foot_));
            if (!t.empty()) {
                Block b;
                b.kind = BlockKind::footnote;
                b.text = utf8::squeeze_spaces(t);
                b.page = page_;
                b.source_index = doc_.blocks.size();
                footnotes_.push_back(std::move(b));
            }
            foot_.clear();
            style_ = saved_style_;
            outline_ = saved_outline_;
            in_table_ = saved_in_table_;
        }
    }

    void paragraph(const RtfState& st) {
        flush_bytes(st);
        if (st.target == 1) {
            foot_ += '\n';
            return;
        }
        std::string t(trim(para_));
        // Collapse \line breaks at the ends.
        while (!t.empty() && t.back() == '\n') t.pop_back();
        while (!t.empty() && t.front() == '\n') t.erase(0, 1);
        if (!t.empty()) {
            Block b;
            b.text = t;
            b.page = page_;
            b.source_index = doc_.blocks.size();
            b.bold = chars_ > 0 && bold_chars_ * 10 >= chars_ * 9;
            int level = outline_;
            auto s = styles_.find(style_);
            if (s != styles_.end()) {
                b.style = s->second.name;
                if (!level) level = s->second.outline;
            }
            if (level > 0 && !in_table_) {
                b.kind = BlockKind::heading;
                b.outline_level = level;
            }
            doc_.blocks.push_back(std::move(b));
        }
        para_.clear();
        chars_ = bold_chars_ = 0;
        for (auto& f : footnotes_) doc_.blocks.push_back(std::move(f));
        footnotes_.clear();
    }

    void cell(const RtfState& st) {
        flush_bytes(st);
        if (!row_open_) {
            ++row_;
            row_open_ = true;
            col_ = 0;
        }
        std::string t(trim(para_));
        Block b;
        b.kind = BlockKind::table_cell;
        b.text = utf8::squeeze_spaces(t);
        b.page = page_;
        b.table = 0;  // tables are numbered afterwards, by runs of cells
        b.row = row_;
        b.col = col_++;
        b.source_index = doc_.blocks.size();
        b.bold = chars_ > 0 && bold_chars_ * 10 >= chars_ * 9;
        if (!b.text.empty()) doc_.blocks.push_back(std::move(b));
        para_.clear();
        chars_ = bold_chars_ = 0;
    }

    void control(const ControlWord& cw, RtfState& st, bool group_start) {
        if (skipped_destination(cw, st, group_start)) return;
        if (unicode_control(cw, st)) return;
        if (destination_control(cw, st, group_start)) return;
        if (paragraph_control(cw, st)) return;
        character_control(cw, st);
    }

    // Destinations whose content is not body text, and control words inside
    // them (only \uc counts there).
    bool skipped_destination(const ControlWord& cw, RtfState& st, bool group_start) {
        static const char* kSkip[] = {"fonttbl", "colortbl", "pict", "object", "header", "headerl", "headerr",
                                      "headerf", "footer", "footerl", "footerr", "footerf", "fldinst",
                                      "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator",
                                      "xmlnstbl", "latentstyles", "themedata", "colorschememapping",
                                      "datastore", "pgdsctbl", "nonshppict", "shpinst", "filetbl",
                                      "userprops", "creatim", "revtim", "printim", "buptim", "operator",
                                      "keywords", "comment", "doccomm", "company", "manager", "category",
                                      "hlinkbase", "template", "atnid", "atnauthor", "annotation", "atrfstart",
                                      "atrfend", "bkmkstart", "bkmkend", "xe", "tc", "txe", "ftnsep",
                                      "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn", "pn", "pntext",
                                      "listtext", "sp", "sn", "sv", "mmathPr", "docvar", "passwordhash"};
        if (group_start || st.skip) {
            for (const char* s : kSkip)
                if (cw.word == s) {
                    st.skip = true;
                    return true;
                }
        }
        if (!st.skip) return false;
        if (cw.word == "uc" && cw.has_param) st.uc = static_cast<int>(cw.param);
        return true;
    }

    // \ucN and \uN.
    bool unicode_control(const ControlWord& cw, RtfState& st) {
        if (cw.word == "uc" && cw.has_param) {
            st.uc = static_cast<int>(std::max(0L, cw.param));
            return true;
        }
        if (cw.word == "u" && cw.has_param) {
            flush_bytes(st);
            long cp = cw.param < 0 ? cw.param + 65536 : cw.param;
            std::string s;
            utf8::append(s, static_cast<char32_t>(cp));
            text(s, st);
            return true;
        }
        return false;
    }

    // The stylesheet, the info block, footnotes and the code page.
    bool destination_control(const ControlWord& cw, RtfState& st, bool group_start) {
        const std::string& w = cw.word;
        if (w == "stylesheet") {
            st.target = 2;
            return true;
        }
        if (w == "info") {
            st.target = 3;
            st.skip = false;
            return true;
        }
        if (st.target == 3) {
            info_control(cw, st, group_start);
            return true;
        }
        if (st.target == 2) {
            stylesheet_control(cw, st, group_start);
            return true;
        }
        if (w == "footnote") {
            st.target = 1;
            st.footnote_root = true;
            if (footnote_depth_++ == 0) {  // the footnote's \pard must not reset the body paragraph
                saved_style_ = style_;
                saved_outline_ = outline_;
                saved_in_table_ = in_table_;
            }
            foot_.clear();
            return true;
        }
        if (w == "ansicpg" && cw.has_param) {
            codepage_ = "CP" + std::to_string(cw.param);
            if (cw.param == 1252) codepage_ = "WINDOWS-1252";
            return true;
        }
        return false;
    }

    void info_control(const ControlWord& cw, RtfState& st, bool group_start) {
        if (cw.word == "title" || cw.word == "author" || cw.word == "subject") {
            st.info_key = cw.word;
            info_.clear();
        } else if (group_start) {
            st.skip = true;
        }
    }

    void stylesheet_control(const ControlWord& cw, RtfState& st, bool group_start) {
        const std::string& w = cw.word;
        const long p = cw.param;
        if (w == "s" && cw.has_param) {
            in_style_entry_ = true;
            style_id_ = static_cast<int>(p);
            style_outline_ = 0;
            style_name_.clear();
        } else if ((w == "cs" || w == "ds" || w == "ts" || w == "tsrowd") && group_start) {
            st.skip = true;  // character/section/table styles: not needed
        } else if (w == "outlinelevel" && cw.has_param && p >= 0 && p < 9) {
            style_outline_ = static_cast<int>(p) + 1;
        }
    }

    // Paragraphs, their style and outline level, table cells and rows, pages.
    bool paragraph_control(const ControlWord& cw, const RtfState& st) {
        const std::string& w = cw.word;
        const long p = cw.param;
        if (w == "par" || w == "sect") {
            if (in_table_ && st.target == 0) {
                // a paragraph break inside a table cell: keep it in the cell
                para_ += '\n';
                return true;
            }
            paragraph(st);
        } else if (w == "pard") {
            style_ = 0;
            outline_ = 0;
            in_table_ = false;
        } else if (w == "s" && cw.has_param) {
            style_ = static_cast<int>(p);
        } else if (w == "outlinelevel" && cw.has_param) {
            outline_ = p >= 0 && p < 9 ? static_cast<int>(p) + 1 : 0;
        } else if (w == "intbl") {
            if (!in_table_ && !para_.empty()) paragraph(st);
            in_table_ = true;
        } else if (w == "cell" || w == "nestcell") {
            cell(st);
        } else if (w == "row" || w == "nestrow") {
            row_open_ = false;
            para_.clear();
        } else if (w == "page" || w == "pagebb") {
            if (w == "page") paragraph(st);
            else if (!para_.empty()) paragraph(st);
            ++page_;
        } else {
            return false;
        }
        return true;
    }

    // Bold and the control words that stand for a character.
    void character_control(const ControlWord& cw, RtfState& st) {
        static const std::pair<const char*, const char*> kChars[] = {
            {"line", "\n"},          {"tab", "\t"},          {"emdash", "\u2014"},  {"endash", "\u2013"},
            {"lquote", "\u2018"},    {"rquote", "\u2019"},   {"ldblquote", "\u201C"}, {"rdblquote", "\u201D"},
            {"bullet", "\u2022"},    {"emspace", " "},       {"enspace", " "},      {"qmspace", " "}};
        if (cw.word == "b") {
            st.bold = !cw.has_param || cw.param != 0;
            return;
        }
        if (cw.word == "plain") {
            st.bold = false;
            return;
        }
        for (const auto& [name, s] : kChars)
            if (cw.word == name) {
                text(s, st);
                return;
            }
    }

    std::string_view in_;
    Document& doc_;
    std::string codepage_ = "WINDOWS-1252";
    std::string bytes_;
    std::string para_, foot_, info_;
    std::vector<Block> footnotes_;
    int footnote_depth_ = 0;
    std::size_t chars_ = 0, bold_chars_ = 0;
    int page_ = 1;
    int style_ = 0, outline_ = 0;
    bool in_table_ = false;
    int row_ = -1, col_ = 0;
    bool row_open_ = false;
    int saved_style_ = 0, saved_outline_ = 0;
    bool saved_in_table_ = false;
    std::map<int, RtfStyle> styles_;
    bool in_style_entry_ = false;
    int style_id_ = -1, style_outline_ = 0;
    std::string style_name_;
};

}  // namespace

Document read_rtf(std::string_view bytes, const ReadOptions&) {
    Document doc;
    doc.format = Format::rtf;
    RtfParser(bytes, doc).run();
    // Runs of table cells (footnotes aside) are one table each; rows are
    // renumbered from 0 within it.
    int table = -1, row = -1, last_row = -1;
    bool prev_cell = false;
    for (auto& b : doc.blocks) {
        if (b.kind == BlockKind::table_cell) {
            if (!prev_cell) {
                ++table;
                row = -1;
                last_row = -1;
            }
            if (b.row != last_row) {
                ++row;
                last_row = b.row;
            }
            b.table = table;
            b.row = row;
            prev_cell = true;
        } else if (b.kind != BlockKind::footnote) {
            prev_cell = false;
        }
    }
    bool any = false;
    for (const auto& b : doc.blocks)
        if (b.kind != BlockKind::footnote && !b.text.empty()) any = true;
    if (!any)
        throw ReadError(ErrorKind::no_text, "RTF-filen indeholder ingen tekst.", "The RTF file contains no text.");
    return doc;
}

Document read_doc(std::string_view bytes, const ReadOptions& opts) {
    auto antiword = find_in_path("antiword");
    if (antiword) {
        TempDir tmp;
        std::string in = tmp.path + "/in.doc";
        write_file(in, bytes);
        std::size_t cap = std::max<std::size_t>(opts.limits.max_entry_bytes, 1 << 20);
        ToolResult r = run_tool({*antiword, "-m", "UTF-8.txt", "-w", "0", in}, 60, cap);
        if (r.too_much)
            throw ReadError(ErrorKind::too_large, "Word-filens tekst er større end grænsen.",
                            "The Word file's text is larger than the limit.");
        if (r.timed_out)
            throw ReadError(ErrorKind::hostile, "Word-filen tog for lang tid at læse (antiword blev stoppet).",
                            "The Word file took too long to read (antiword was stopped).");
        if (r.status == 0 && r.out.find_first_not_of(" \t\r\n\f") != std::string::npos) {
            Document doc;
            doc.format = Format::doc;
            std::string text = utf8::valid(r.out) ? r.out : encoding::convert(r.out, "WINDOWS-1252");
            blocks_from_antiword(text, doc);
            doc.notes.push_back("Word 97-2003 file converted to text with antiword");
            return doc;
        }
    }
    if (!antiword) {
        if (auto d = via_soffice(bytes, "doc", opts)) {
            d->format = Format::doc;
            return *d;
        }
        throw ReadError(ErrorKind::unsupported,
                        "Formatet understøttes ikke: Word 97-2003 (.doc). Installér Debian-pakken antiword "
                        "for at læse .doc-filer (eller LibreOffice).",
                        "Unsupported format: Word 97-2003 (.doc). Install the Debian package antiword to read "
                        ".doc files (or LibreOffice).");
    }
    throw ReadError(ErrorKind::corrupt,
                    "Word 97-2003-filen (.doc) kan ikke læses: den er beskadiget, krypteret eller ikke et "
                    "Word-dokument.",
                    "The Word 97-2003 file (.doc) cannot be read: it is damaged, encrypted or not a Word document.");
}

}  // namespace plantjek
