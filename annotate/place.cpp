#include "annotate/place.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "extractor/utf8.h"

namespace plantjek {

namespace {

// The element name of a tag starting at xml[lt] ('<'), "" for anything else.
std::string tag_name(const std::string& xml, std::size_t lt, bool& closing, bool& self_closing, std::size_t& gt) {
    closing = self_closing = false;
    std::size_t i = lt + 1;
    if (i < xml.size() && (xml[i] == '?' || xml[i] == '!')) {
        gt = xml.find('>', i);
        return "";
    }
    if (i < xml.size() && xml[i] == '/') {
        closing = true;
        ++i;
    }
    std::size_t e = i;
    while (e < xml.size() && xml[e] != ' ' && xml[e] != '>' && xml[e] != '/' && xml[e] != '\t' && xml[e] != '\n' &&
           xml[e] != '\r')
        ++e;
    gt = xml.find('>', e);
    if (gt != std::string::npos && gt > 0 && xml[gt - 1] == '/') self_closing = true;
    return xml.substr(i, e - i);
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x110000) {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void append_decoded(std::string& out, const std::string& xml, std::size_t b, std::size_t e) {
    static const std::map<std::string, char> named = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (std::size_t i = b; i < e; ++i) {
        std::size_t semi = xml[i] == '&' ? xml.find(';', i) : std::string::npos;
        if (semi == std::string::npos || semi > e || semi - i > 10) {
            out += xml[i];
            continue;
        }
        std::string ent = xml.substr(i + 1, semi - i - 1);
        if (auto it = named.find(ent); it != named.end()) out += it->second;
        else if (!ent.empty() && ent[0] == '#') {
            try {
                std::uint32_t cp = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X') ? std::stoul(ent.substr(2), nullptr, 16)
                                                                                       : std::stoul(ent.substr(1));
                append_utf8(out, cp);
            } catch (...) {
                out += xml.substr(i, semi - i + 1);
            }
        } else {
            out += xml.substr(i, semi - i + 1);
        }
        i = semi;
    }
}

bool member(const std::vector<std::string>& names, const std::string& n) {
    return std::find(names.begin(), names.end(), n) != names.end();
}

// Whether the byte before/after is no letter or digit (ASCII test; a
// non-ASCII neighbour counts as a letter).
bool boundary(const std::string& s, std::size_t at, std::size_t len) {
    auto wordy = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    bool left = at == 0 || !wordy(static_cast<unsigned char>(s[at - 1])) ||
                !wordy(static_cast<unsigned char>(s[at]));
    bool right = at + len >= s.size() || !wordy(static_cast<unsigned char>(s[at + len])) ||
                 !wordy(static_cast<unsigned char>(s[at + len - 1]));
    return left && right;
}

bool holds(const std::string& text, const std::string& quote) {
    if (quote.empty()) return false;
    std::string t = utf8::lower(text), q = utf8::lower(quote);
    for (std::size_t at = t.find(q); at != std::string::npos; at = t.find(q, at + 1))
        if (boundary(t, at, q.size())) return true;
    return false;
}

std::string trim(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t\n\r"), e = s.find_last_not_of(" \t\n\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// The heading of a section label ("5 Budget for …"): a short paragraph
// whose text is the label, or the label without its number.
bool is_heading(const std::string& text, const std::string& label) {
    std::string t = trim(text);
    if (t.empty() || label.empty() || t.size() > label.size() + 4) return false;
    if (t == label) return true;
    return label.size() > t.size() && label.compare(label.size() - t.size(), t.size(), t) == 0 &&
           label[label.size() - t.size() - 1] == ' ' && t.size() >= 4;
}

}  // namespace

std::vector<Para> scan_paragraphs(const std::string& xml, const ParaSyntax& syntax) {
    std::vector<Para> out;
    std::vector<std::size_t> open;  // indices into out of the paragraphs open now
    int in_text = 0, in_skip = 0;
    std::size_t text_from = 0;
    for (std::size_t lt = xml.find('<'); lt != std::string::npos;) {
        bool closing = false, self_closing = false;
        std::size_t gt = 0;
        std::string name = tag_name(xml, lt, closing, self_closing, gt);
        if (gt == std::string::npos) break;
        // character data between the last tag and this one
        if (!open.empty() && !in_skip && (syntax.text.empty() || in_text) && text_from < lt)
            append_decoded(out[open.back()].text, xml, text_from, lt);
        if (member(syntax.para, name)) {
            if (closing && !open.empty()) {
                out[open.back()].close_begin = lt;
                open.pop_back();
            } else if (!closing && !self_closing) {
                Para p;
                p.open_begin = lt;
                p.open_end = gt + 1;
                out.push_back(p);
                open.push_back(out.size() - 1);
            }
        } else if (!syntax.text.empty() && name == syntax.text && !self_closing) {
            in_text += closing ? -1 : 1;
        } else if (member(syntax.skip, name) && !self_closing) {
            in_skip += closing ? -1 : 1;
        } else if (!open.empty() && !in_skip && (name == "w:tab" || name == "text:tab" || name == "text:s")) {
            out[open.back()].text += ' ';
        }
        text_from = gt + 1;
        lt = xml.find('<', gt);
    }
    // a paragraph never closed (broken input) is dropped
    out.erase(std::remove_if(out.begin(), out.end(), [](const Para& p) { return p.close_begin == 0; }), out.end());
    return out;
}

std::vector<int> place_notes(const std::vector<Para>& paras, const std::vector<Note>& notes) {
    std::vector<int> where;
    std::map<std::pair<std::string, std::string>, int> last;  // (section, quote) → last paragraph used
    for (const auto& n : notes) {
        int found = -1;
        int heading = -1;
        for (std::size_t i = 0; i < paras.size() && !n.section.empty(); ++i)
            if (is_heading(paras[i].text, n.section)) {
                heading = static_cast<int>(i);
                break;
            }
        auto key = std::make_pair(n.section, n.quote);
        int from = std::max(heading, last.count(key) ? last[key] + 1 : 0);
        for (int pass = 0; pass < 2 && found < 0 && !n.quote.empty(); ++pass) {
            for (std::size_t i = pass == 0 ? std::max(from, 0) : 0; i < paras.size(); ++i)
                if (holds(paras[i].text, n.quote)) {
                    found = static_cast<int>(i);
                    break;
                }
        }
        if (found < 0) found = heading;  // the section's heading, when the words are not found
        if (found >= 0) last[key] = found;
        where.push_back(found);
    }
    return where;
}

std::string xml_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace plantjek
