#include "extractor/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "extractor/utf8.h"

namespace plantjek::pdf {

namespace {

constexpr double kMarginBand = 0.06;  // top/bottom share of the page for headers/footers

enum Region { kHeader = -1, kFooter = -2, kSpanning = 1000 };

struct Line {
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    std::string text;
    int words = 0;
    double size = 0;        // dominant size (by characters)
    bool bold = false;      // most characters bold
    int column = 0;         // column number, or a Region
    std::map<double, std::size_t> size_chars;
    std::size_t chars = 0, bold_chars = 0;

    double height() const { return y1 - y0; }
    void add(const Word& w, bool space_before) {
        if (space_before && !text.empty()) text += ' ';
        text += w.text;
        x0 = std::min(x0, w.x0);
        y0 = std::min(y0, w.y0);
        x1 = std::max(x1, w.x1);
        y1 = std::max(y1, w.y1);
        std::size_t n = utf8::length(w.text);
        size_chars[std::round(w.size * 10) / 10] += n;
        chars += n;
        if (w.bold) bold_chars += n;
        ++words;
    }
    void finish() {
        std::size_t best = 0;
        for (auto& [s, n] : size_chars)
            if (n > best) best = n, size = s;
        bold = bold_chars * 2 > chars;
    }
};

double vertical_overlap(double a0, double a1, double b0, double b1) {
    return std::min(a1, b1) - std::max(a0, b0);
}

// Words → lines in Poppler's order. A word joins the current line when it
// overlaps it vertically by half the smaller height and does not jump back
// or far ahead horizontally.
std::vector<Line> build_lines(const std::vector<Word>& words) {
    std::vector<Line> lines;
    const Word* prev = nullptr;
    for (const Word& w : words) {
        if (w.text.empty()) continue;
        bool same = false;
        if (prev && !lines.empty()) {
            const Line& l = lines.back();
            double h = std::min(w.y1 - w.y0, l.height());
            double size = std::max(w.size, prev->size);
            double gap = w.x0 - prev->x1;
            same = vertical_overlap(w.y0, w.y1, l.y0, l.y1) >= 0.5 * h && gap > -0.5 * size &&
                   gap < 3.0 * std::max(size, 1.0);
        }
        if (!same) {
            lines.emplace_back();
            lines.back().add(w, false);
        } else {
            // Poppler's space flag, or a visible gap, separates words.
            lines.back().add(w, prev->space_after || w.x0 - prev->x1 > 0.15 * std::max(w.size, 1.0));
        }
        prev = &w;
    }
    for (auto& l : lines) l.finish();
    return lines;
}

// A column boundary: the middle of the empty band between two columns.
// Lines wholly left or right of x are in the columns beside it; the rest
// (titles, wide tables) cross it.
struct Gutter {
    double x;
};

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

// Column gutters of the body lines: runs of x with (almost) no line across
// them, with at least three lines of real text (median ≥ 4 words) on each
// side that stand side by side.
std::vector<Gutter> find_gutters(const std::vector<Line*>& body) {
    if (body.size() < 6) return {};
    double minx = 1e9, maxx = -1e9;
    std::vector<double> sizes;
    for (auto* l : body) {
        minx = std::min(minx, l->x0);
        maxx = std::max(maxx, l->x1);
        sizes.push_back(l->size);
    }
    int width = static_cast<int>(std::ceil(maxx - minx)) + 1;
    if (width < 50 || width > 20000) return {};
    std::vector<int> cover(static_cast<std::size_t>(width), 0);
    for (auto* l : body) {
        int a = static_cast<int>(std::floor(l->x0 - minx)), b = static_cast<int>(std::ceil(l->x1 - minx));
        for (int x = std::max(a, 0); x < std::min(b, width); ++x) ++cover[static_cast<std::size_t>(x)];
    }
    const int allowed = static_cast<int>(body.size() / 10);  // spanning titles, captions
    const double min_gap = std::max(8.0, 0.7 * median(sizes));
    std::vector<Gutter> out;
    int x = 0;
    while (x < width) {
        if (cover[static_cast<std::size_t>(x)] > allowed) {
            ++x;
            continue;
        }
        int start = x;
        while (x < width && cover[static_cast<std::size_t>(x)] <= allowed) ++x;
        if (start == 0 || x >= width) continue;
        // The run also takes in the ragged ends of the column lines; the
        // gutter proper is its longest stretch of least coverage.
        int least = allowed, core0 = start, core1 = start;
        for (int i = start; i < x; ++i) least = std::min(least, cover[static_cast<std::size_t>(i)]);
        for (int i = start; i < x;) {
            if (cover[static_cast<std::size_t>(i)] != least) {
                ++i;
                continue;
            }
            int j = i;
            while (j < x && cover[static_cast<std::size_t>(j)] == least) ++j;
            if (j - i > core1 - core0) core0 = i, core1 = j;
            i = j;
        }
        if (core1 - core0 < min_gap) continue;
        Gutter g{minx + (core0 + core1) / 2.0};
        std::vector<double> lw, rw;
        double ly0 = 1e9, ly1 = -1e9, ry0 = 1e9, ry1 = -1e9;
        for (auto* l : body) {
            if (l->x1 <= g.x) {
                lw.push_back(l->words);
                ly0 = std::min(ly0, l->y0), ly1 = std::max(ly1, l->y1);
            } else if (l->x0 >= g.x) {
                rw.push_back(l->words);
                ry0 = std::min(ry0, l->y0), ry1 = std::max(ry1, l->y1);
            }
        }
        if (lw.size() < 3 || rw.size() < 3 || median(lw) < 4 || median(rw) < 4) continue;
        double overlap = vertical_overlap(ly0, ly1, ry0, ry1);
        if (overlap < 0.5 * std::min(ly1 - ly0, ry1 - ry0)) continue;
        out.push_back(g);
    }
    return out;
}

// Puts body lines in reading order: without gutters, Poppler's order (top
// to bottom for turned text, where Poppler's order is unreliable); with
// gutters, top to bottom in zones separated by lines that cross a gutter,
// and within a zone column by column, each column top to bottom.
std::vector<Line*> order_body(std::vector<Line*> body, bool turned) {
    auto by_y = [](const Line* a, const Line* b) { return a->y0 < b->y0; };
    std::vector<Gutter> gutters = find_gutters(body);
    if (gutters.empty()) {
        if (turned) std::stable_sort(body.begin(), body.end(), by_y);
        return body;
    }
    for (auto* l : body) {
        int col = 0;
        for (const auto& g : gutters) {
            if (l->x0 >= g.x)
                ++col;
            else if (l->x1 > g.x) {
                col = kSpanning;
                break;
            }
        }
        l->column = col;
    }
    std::stable_sort(body.begin(), body.end(), by_y);
    std::vector<Line*> out, zone;
    auto flush = [&] {
        std::stable_sort(zone.begin(), zone.end(), [](const Line* a, const Line* b) {
            return a->column != b->column ? a->column < b->column : a->y0 < b->y0;
        });
        out.insert(out.end(), zone.begin(), zone.end());
        zone.clear();
    };
    for (auto* l : body) {
        if (l->column == kSpanning) {
            flush();
            out.push_back(l);
        } else {
            zone.push_back(l);
        }
    }
    flush();
    return out;
}

bool starts_with_bullet(std::string_view t) {
    static constexpr std::string_view kBullets[] = {"\xE2\x80\xA2", "\xE2\x96\xAA", "\xE2\x97\xA6", "\xE2\x97\x8F",
                                                    "\xE2\x96\xA0", "\xEF\x82\xB7", "\xE2\x80\x93 ", "- ",
                                                    "\xC2\xB7"};
    for (auto b : kBullets)
        if (t.starts_with(b)) return true;
    return false;
}

bool starts_upper_or_digit(std::string_view t) {
    std::size_t i = 0;
    if (t.empty()) return false;
    char32_t cp = utf8::next(t, i);
    return utf8::is_upper(cp) || utf8::is_digit(cp);
}

}  // namespace

bool is_bold_font(std::string_view name) {
    if (name.size() > 7 && name[6] == '+') name.remove_prefix(7);
    std::string lower;
    for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (std::string_view k : {"bold", "black", "heavy", "semibold", "demi"})
        if (lower.find(k) != std::string::npos) return true;
    return false;
}

namespace {

// Turns a word written `rotation` quarter turns clockwise upright, in a
// page of the given display size.
Word upright(Word w, double width, double height) {
    double x0 = w.x0, y0 = w.y0, x1 = w.x1, y1 = w.y1;
    switch (w.rotation & 3) {
        case 1:  // reads downwards; lines follow each other leftwards
            w.x0 = y0, w.x1 = y1, w.y0 = width - x1, w.y1 = width - x0;
            break;
        case 2:
            w.x0 = width - x1, w.x1 = width - x0, w.y0 = height - y1, w.y1 = height - y0;
            break;
        case 3:  // reads upwards; lines follow each other rightwards
            w.x0 = height - y1, w.x1 = height - y0, w.y0 = x0, w.y1 = x1;
            break;
        default:
            break;
    }
    return w;
}

std::vector<Block> layout_upright(const std::vector<Word>& words, double page_height, int page, bool turned);

}  // namespace

std::vector<Block> layout_page(const std::vector<Word>& words, double page_width, double page_height, int page) {
    std::size_t count[4] = {0, 0, 0, 0};
    for (const Word& w : words) ++count[w.rotation & 3];
    if (count[0] == words.size()) return layout_upright(words, page_height, page, false);
    int order[4] = {0, 1, 2, 3};
    std::stable_sort(order, order + 4, [&](int a, int b) { return count[a] > count[b]; });
    std::vector<Block> blocks;
    for (int r : order) {
        if (count[r] == 0) continue;
        std::vector<Word> group;
        for (const Word& w : words)
            if ((w.rotation & 3) == r) group.push_back(upright(w, page_width, page_height));
        auto part = layout_upright(group, r % 2 ? page_width : page_height, page, r != 0);
        blocks.insert(blocks.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    return blocks;
}

namespace {

std::vector<Block> layout_upright(const std::vector<Word>& words, double page_height, int page, bool turned) {
    std::vector<Line> lines = build_lines(words);
    std::vector<Line*> headers, body, footers;
    for (auto& l : lines) {
        if (page_height <= 0) {
            body.push_back(&l);
        } else if (l.y1 <= page_height * kMarginBand) {
            l.column = kHeader;
            headers.push_back(&l);
        } else if (l.y0 >= page_height * (1 - kMarginBand)) {
            l.column = kFooter;
            footers.push_back(&l);
        } else {
            body.push_back(&l);
        }
    }
    std::vector<Line*> order = headers;
    for (auto* l : order_body(body, turned)) order.push_back(l);
    order.insert(order.end(), footers.begin(), footers.end());

    // The usual baseline-to-baseline distance per font size: the most common
    // one between consecutive lines of the same column.
    std::map<double, std::map<long, int>> pitches;
    for (std::size_t i = 1; i < order.size(); ++i) {
        const Line *p = order[i - 1], *n = order[i];
        double d = n->y1 - p->y1;
        if (p->column == n->column && p->size == n->size && d > 0 && d < 2.5 * std::max(p->size, 1.0))
            ++pitches[p->size][std::lround(d * 2)];
    }
    auto usual_pitch = [&](double size) {
        auto it = pitches.find(size);
        if (it == pitches.end()) return 1.25 * size;
        long best = 0;
        int count = 0;
        for (auto& [d, c] : it->second)
            if (c > count) count = c, best = d;
        return best / 2.0;
    };
    std::map<int, double> column_right;
    for (auto* l : order) column_right[l->column] = std::max(column_right[l->column], l->x1);
    std::map<int, double> column_left;
    for (auto* l : order) {
        auto [it, fresh] = column_left.try_emplace(l->column, l->x0);
        if (!fresh) it->second = std::min(it->second, l->x0);
    }

    std::vector<Block> blocks;
    std::vector<const Line*> cur;
    auto flush = [&] {
        if (cur.empty()) return;
        Block b;
        b.page = page;
        b.kind = cur.front()->column == kHeader   ? BlockKind::header
                 : cur.front()->column == kFooter ? BlockKind::footer
                                                  : BlockKind::paragraph;
        std::map<double, std::size_t> sizes;
        std::size_t chars = 0, bold = 0;
        for (const Line* l : cur) {
            if (!b.text.empty()) b.text += '\n';
            b.text += l->text;
            for (auto& [s, n] : l->size_chars) sizes[s] += n;
            chars += l->chars;
            bold += l->bold_chars;
        }
        std::size_t best = 0;
        for (auto& [s, n] : sizes)
            if (n > best) best = n, b.font_size = s;
        b.bold = bold * 2 > chars;
        blocks.push_back(std::move(b));
        cur.clear();
    };
    for (const Line* n : order) {
        if (!cur.empty()) {
            const Line* p = cur.back();
            double size = std::max(p->size, 1.0);
            double right = column_right[p->column], left = column_left[p->column];
            bool short_end = p->x1 < right - std::max(0.15 * (right - left), 4 * size) &&
                             std::string_view(".:!?").find(p->text.back()) != std::string_view::npos;
            bool brk = p->column != n->column || n->y0 < p->y0 ||
                       std::abs(p->size - n->size) > 0.8 || p->bold != n->bold ||
                       n->y1 - p->y1 > usual_pitch(p->size) * 1.2 + 0.5 ||
                       vertical_overlap(p->x0, p->x1, n->x0, n->x1) <= 0 ||  // no shared x range
                       (cur.size() >= 2 && n->x0 > p->x0 + 0.8 * size) ||
                       starts_with_bullet(n->text) || (short_end && starts_upper_or_digit(n->text));
            if (brk) flush();
        }
        cur.push_back(n);
    }
    flush();
    return blocks;
}

}  // namespace

}  // namespace plantjek::pdf
