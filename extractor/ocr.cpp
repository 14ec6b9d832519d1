// OCR with libtesseract (Danish) of pages rendered by poppler-cpp; see ocr.h.
#include "extractor/ocr.h"

#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <dlfcn.h>
#include <sys/stat.h>

#include <cmath>
#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "extractor/utf8.h"

namespace plantjek::ocr {

namespace {

bool exists(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// The tessdata directory holding dan.traineddata: $TESSDATA_PREFIX (with or
// without "tessdata"), then Debian's locations.
std::string find_tessdata() {
    std::vector<std::string> dirs;
    if (const char* e = std::getenv("TESSDATA_PREFIX"); e && *e) {
        dirs.push_back(e);
        dirs.push_back(std::string(e) + "/tessdata");
    }
    dirs.push_back("/usr/share/tesseract-ocr/5/tessdata");
    dirs.push_back("/usr/share/tesseract-ocr/4.00/tessdata");
    dirs.push_back("/usr/share/tessdata");
    for (const auto& d : dirs)
        if (exists(d + "/dan.traineddata")) return d;
    return {};
}

// Tesseract's LSTM runs `omp parallel for num_threads(4)` (libgomp): on a
// busy machine that spinning team made a page 2.5× slower in wall time
// (measured 28 s vs 11 s for two pages on 2 shared cores), and `scan`
// already runs one worker per core. Max active levels 0 makes every OpenMP
// region run on the calling thread alone; looked up at run time because
// plantjek itself is not built with OpenMP.
void single_threaded() {
    using Fn = void (*)(int);
    if (auto f = reinterpret_cast<Fn>(::dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"))) f(0);
}

class Engine {
public:
    // Loads the model on first use; throws when it cannot.
    tesseract::TessBaseAPI& api() {
        if (!tried_) {
            tried_ = true;
            std::string dir = find_tessdata();
            if (dir.empty()) {
                error_ = "the Danish OCR model is missing: install the Debian package tesseract-ocr-dan";
            } else {
                single_threaded();
                api_ = std::make_unique<tesseract::TessBaseAPI>();
                api_->SetVariable("debug_file", "/dev/null");
                if (api_->Init(dir.c_str(), "dan", tesseract::OEM_LSTM_ONLY) != 0 &&
                    api_->Init(dir.c_str(), "dan", tesseract::OEM_DEFAULT) != 0) {
                    api_.reset();
                    error_ = "Tesseract could not load the Danish model in " + dir +
                             ": reinstall the Debian package tesseract-ocr-dan";
                } else {
                    api_->SetPageSegMode(tesseract::PSM_AUTO);
                    api_->SetVariable("debug_file", "/dev/null");
                    api_->SetVariable("preserve_interword_spaces", "0");
                    // Skip the second pass that looks for white-on-black text: a scanned
                    // plan has none, and the pass costs time on every line.
                    api_->SetVariable("tessedit_do_invert", "0");
                }
            }
        }
        if (!api_) throw std::runtime_error(error_);
        return *api_;
    }
    std::mutex mu;

private:
    bool tried_ = false;
    std::string error_;
    std::unique_ptr<tesseract::TessBaseAPI> api_;
};

Engine& engine() {
    static Engine e;
    return e;
}

struct RawWord {
    pdf::Word w;
    double cx, cy;  // centre in pixels
    int line, para;
    float conf;
    double em;  // the line's measured size in points
};

bool has_alnum(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = utf8::next(s, i);
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0) return true;
    }
    return false;
}

// Specks read as "'", ".", "…" or a lone "0": a line with no letter or
// digit goes, and so does a word standing apart on its line (no neighbour
// within twice the line height) that is punctuation, or one character read
// with low confidence.
constexpr double kParaSpread = 1.35;
std::vector<RawWord> drop_noise_lines(std::vector<RawWord> raw) {
    std::vector<RawWord> out;
    std::size_t i = 0;
    while (i < raw.size()) {
        std::size_t j = i;
        bool text = false;
        while (j < raw.size() && raw[j].line == raw[i].line) text |= has_alnum(raw[j++].w.text);
        for (std::size_t k = i; text && k < j; ++k) {
            const RawWord& w = raw[k];
            double h = std::max(1.0, w.w.y1 - w.w.y0);
            bool near = (k > i && w.w.x0 - raw[k - 1].w.x1 < 2 * h) || (k + 1 < j && raw[k + 1].w.x0 - w.w.x1 < 2 * h);
            bool weak = !has_alnum(w.w.text) || (utf8::length(w.w.text) == 1 && w.conf < 70);
            if (!near && weak) continue;
            out.push_back(std::move(raw[k]));
        }
        i = j;
    }
    return out;
}

// The index after the last word of the line that starts at `i`.
std::size_t line_end(const std::vector<RawWord>& raw, std::size_t i) {
    std::size_t j = i;
    while (j < raw.size() && raw[j].line == raw[i].line) ++j;
    return j;
}

// What Tesseract recognised on a page: the words in pixels, their
// confidence (weighted by text length) and the page's measured skew.
struct Recognised {
    std::vector<RawWord> raw;
    double conf_sum = 0, conf_weight = 0;
    float deskew = 0;
};

float measured_skew(tesseract::ResultIterator& it) {
    float deskew = 0;
    tesseract::Orientation o;
    tesseract::WritingDirection wd;
    tesseract::TextlineOrder tlo;
    it.Orientation(&o, &wd, &tlo, &deskew);
    return deskew;
}

// The size in points of the line the iterator is at.
double line_size(tesseract::ResultIterator& it, double pt) {
    float row_height = 0, descenders = 0, ascenders = 0;
    it.RowAttributes(&row_height, &descenders, &ascenders);
    // row_height = x-height + ascenders - descenders; without the descenders
    // (a rule under a table row reads as one) it is the cap height, ~0.7 em.
    return std::round((row_height + descenders) / 0.7 * pt * 2) / 2;
}

// The word the iterator is at, on a line of `size` points; none for noise.
std::optional<RawWord> word_at(tesseract::ResultIterator& it, double size, double pt) {
    std::unique_ptr<char[]> txt(it.GetUTF8Text(tesseract::RIL_WORD));
    if (!txt) return std::nullopt;
    std::string text = utf8::squeeze_spaces(txt.get());
    if (text.empty()) return std::nullopt;
    float conf = it.Confidence(tesseract::RIL_WORD);
    // Specks of noise read as punctuation; bars are table rules or specks.
    if (!has_alnum(text) && (conf < 60 || text.find_first_not_of("|!lI") == std::string::npos)) return std::nullopt;
    int l = 0, t = 0, r = 0, b = 0;
    if (!it.BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b)) return std::nullopt;
    RawWord w;
    w.w.text = std::move(text);
    w.w.size = size > 0 ? size : (b - t) * pt;
    w.w.bold = false;
    w.w.space_after = true;
    w.w.rotation = 0;
    w.w.x0 = l;
    w.w.x1 = r;
    w.w.y0 = t;
    w.w.y1 = b;
    w.cx = (l + r) / 2.0;
    w.cy = (t + b) / 2.0;
    w.em = w.w.size;
    w.conf = conf;
    return w;
}

void collect_words(tesseract::ResultIterator& it, double pt, Recognised& rec) {
    int line = -1, para = -1;
    double size = 0;
    do {
        if (it.Empty(tesseract::RIL_WORD)) continue;
        if (para < 0 || it.IsAtBeginningOf(tesseract::RIL_PARA)) ++para;
        if (line < 0 || it.IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
            ++line;
            size = line_size(it, pt);
        }
        std::optional<RawWord> w = word_at(it, size, pt);
        if (!w) continue;
        w->line = line;
        w->para = para;
        double weight = static_cast<double>(w->w.text.size());
        rec.conf_sum += w->conf * weight;
        rec.conf_weight += weight;
        rec.raw.push_back(std::move(*w));
    } while (it.Next(tesseract::RIL_WORD));
}

// Runs Tesseract on the image set in `api`; false when it recognised nothing.
bool recognise(tesseract::TessBaseAPI& api, double pt, Recognised& rec) {
    if (api.Recognize(nullptr) != 0) {
        api.Clear();
        return false;
    }
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it) {
        api.Clear();
        return false;
    }
    rec.deskew = measured_skew(*it);
    collect_words(*it, pt, rec);
    it.reset();
    api.Clear();
    return true;
}

// A line with a wide gap between two words is a table row, and rules
// around table rows spoil Tesseract's size; it takes the body size
// (size 0 here; even_sizes() fills it in).
void clear_table_row_sizes(std::vector<RawWord>& raw, double pt) {
    std::size_t i = 0;
    while (i < raw.size()) {
        std::size_t j = i + 1;
        bool row = false;
        for (; j < raw.size() && raw[j].line == raw[i].line; ++j) {
            double em = std::max(raw[j].em / pt, 1.0);
            if (raw[j].w.x0 - raw[j - 1].w.x1 > 4 * em) row = true;
        }
        for (std::size_t k = i; row && k < j; ++k) raw[k].w.size = 0;
        i = j;
    }
}

// The lines of one Tesseract paragraph whose sizes lie within 35 % of
// each other (a two-line heading measured 22.5 and 19) share the
// median size, so that the layout keeps them in one block.
void share_paragraph_sizes(std::vector<RawWord>& raw) {
    std::map<int, std::vector<double>> para_sizes;
    int last = -2;
    for (const auto& w : raw)
        if (w.line != last) para_sizes[w.para].push_back(w.w.size), last = w.line;
    for (auto& [p, v] : para_sizes) {
        auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        if (v.size() < 2 || *lo <= 0 || *hi > kParaSpread * *lo) continue;
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
        double m = v[v.size() / 2];
        for (auto& w : raw)
            if (w.para == p) w.w.size = m;
    }
}

// Rotation of word centres about the page centre, in pixels.
struct PageCentre {
    double mx, my;
    double rotated_x(const RawWord& w, double a) const {
        return mx + (w.cx - mx) * std::cos(a) - (w.cy - my) * std::sin(a);
    }
    double rotated_y(const RawWord& w, double a) const {
        return my + (w.cx - mx) * std::sin(a) + (w.cy - my) * std::cos(a);
    }
};

// How far the words of each line lie from level when turned by `a`, summed.
double line_spread(const std::vector<RawWord>& raw, const PageCentre& c, double a) {
    double s = 0;
    std::size_t i = 0;
    while (i < raw.size()) {
        const std::size_t j = line_end(raw, i);
        double lo = 1e18, hi = -1e18;
        for (std::size_t k = i; k < j; ++k) {
            double y = c.rotated_y(raw[k], a);
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
        s += hi - lo;
        i = j;
    }
    return s;
}

// The measured skew, in whichever direction makes the words of each line
// level (Tesseract's sign convention is not documented).
double levelling_angle(const std::vector<RawWord>& raw, const PageCentre& c, float deskew) {
    if (std::fabs(deskew) < 1e-4) return 0.0;
    return line_spread(raw, c, deskew) <= line_spread(raw, c, -deskew) ? deskew : -deskew;
}

// Turns the words' boxes upright by `a` and into points; the boxes' bottoms.
std::vector<double> turn_upright(std::vector<RawWord>& raw, const PageCentre& c, double a, double pt) {
    std::vector<double> bottoms(raw.size());
    for (std::size_t k = 0; k < raw.size(); ++k) {
        RawWord& w = raw[k];
        double nx = c.rotated_x(w, a);
        double ny = c.rotated_y(w, a);
        double hw = (w.w.x1 - w.w.x0) / 2.0, hh = (w.w.y1 - w.w.y0) / 2.0;
        if (a != 0.0) hh = std::max(1.0, hh - std::fabs(std::sin(a)) * hw);  // the box grew by the tilt
        w.w.x0 = (nx - hw) * pt;
        w.w.x1 = (nx + hw) * pt;
        w.w.y0 = (ny - hh) * pt;
        w.w.y1 = (ny + hh) * pt;
        bottoms[k] = w.w.y1;
    }
    return bottoms;
}

// Glyph boxes end where the letters end (descenders, x-height words),
// while the layout expects font boxes as Poppler gives them: every word
// of a line gets the line's baseline (the median bottom of its words)
// and a box from 0.8 em above it to 0.25 em below.
void set_font_boxes(std::vector<RawWord>& raw, const std::vector<double>& bottoms, std::vector<pdf::Word>& words) {
    std::size_t i = 0;
    while (i < raw.size()) {
        const std::size_t j = line_end(raw, i);
        std::vector<double> b(bottoms.begin() + static_cast<std::ptrdiff_t>(i),
                              bottoms.begin() + static_cast<std::ptrdiff_t>(j));
        std::nth_element(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(b.size() / 2), b.end());
        double base = b[b.size() / 2];
        for (std::size_t k = i; k < j; ++k) {
            double em = raw[k].em > 0 ? raw[k].em : raw[k].w.y1 - raw[k].w.y0;
            raw[k].w.y0 = base - 0.8 * em;
            raw[k].w.y1 = base + 0.25 * em;
            words.push_back(std::move(raw[k].w));
        }
        i = j;
    }
}

}  // namespace

bool available(std::string* why) {
    Engine& e = engine();
    std::lock_guard<std::mutex> lock(e.mu);
    try {
        e.api();
        return true;
    } catch (const std::exception& ex) {
        if (why) *why = ex.what();
        return false;
    }
}

PageText read_gray(const unsigned char* data, int width, int height, int bytes_per_row, int dpi) {
    PageText out;
    const double pt = 72.0 / dpi;
    out.width = width * pt;
    out.height = height * pt;
    Engine& e = engine();
    std::lock_guard<std::mutex> lock(e.mu);
    tesseract::TessBaseAPI& api = e.api();
    api.SetImage(data, width, height, 1, bytes_per_row);
    api.SetSourceResolution(dpi);
    Recognised rec;
    if (!recognise(api, pt, rec)) return out;
    std::vector<RawWord> raw = drop_noise_lines(std::move(rec.raw));
    clear_table_row_sizes(raw, pt);
    share_paragraph_sizes(raw);
    out.confidence = rec.conf_weight > 0 ? rec.conf_sum / rec.conf_weight : 0;
    out.skew_degrees = rec.deskew * 180.0 / M_PI;

    // Turn the words upright: rotate their centres about the page centre by
    // the measured skew.
    const PageCentre centre{width / 2.0, height / 2.0};
    const double a = levelling_angle(raw, centre, rec.deskew);
    const std::vector<double> bottoms = turn_upright(raw, centre, a, pt);
    set_font_boxes(raw, bottoms, out.words);
    return out;
}

constexpr double kEvenTolerance = 0.2;
void even_sizes(const std::vector<std::vector<pdf::Word>*>& pages) {
    std::vector<std::pair<double, std::size_t>> by_size;
    std::size_t total = 0;
    for (const auto* p : pages)
        for (const auto& w : *p) {
            if (w.size <= 0) continue;
            by_size.push_back({w.size, w.text.size()});
            total += w.text.size();
        }
    std::sort(by_size.begin(), by_size.end());
    double body = 0;
    std::size_t acc = 0;
    for (auto& [s, n] : by_size) {
        acc += n;
        if (acc * 2 >= total) {
            body = s;
            break;
        }
    }
    if (body <= 0) body = 11;
    for (auto* p : pages)
        for (auto& w : *p)
            if (w.size <= 0 || std::fabs(w.size - body) < kEvenTolerance * body) w.size = body;
}

PageText read_page(const poppler::page& page, int dpi) {
    poppler::page_renderer r;
    r.set_image_format(poppler::image::format_gray8);
    r.set_render_hint(poppler::page_renderer::antialiasing, true);
    r.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    poppler::image img = r.render_page(&page, dpi, dpi);
    if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) return {};
    return read_gray(reinterpret_cast<const unsigned char*>(img.const_data()), img.width(), img.height(),
                     img.bytes_per_row(), dpi);
}

}  // namespace plantjek::ocr
