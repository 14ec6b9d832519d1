// The SVG charts (svg_chart.h).
#include "cli/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "cli/writers/writer.h"

namespace plantjek {

namespace {

const char* const kPalette[] = {"#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb"};

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

struct Frame {
    int x0 = 48, y0 = 16, w = 0, h = 0;
    int first = 0, last = 0;
    double lo = 0, hi = 1;
    double x(int year) const { return last == first ? x0 + w / 2.0 : x0 + w * double(year - first) / (last - first); }
    double y(double v) const { return y0 + h - h * (v - lo) / (hi - lo); }
};

// The y axis runs from the spec's y_min, or lower when a value is (a target
// given as a fall can be negative), to y_max or just above the largest value.
Frame frame(const ChartSpec& s, int first, int last, double lo, double hi) {
    Frame f;
    f.w = s.width - f.x0 - 16;
    f.h = s.height - f.y0 - 36;
    f.first = first;
    f.last = last;
    f.lo = std::min(s.y_min, lo);
    f.hi = s.y_max > 0 ? s.y_max : (hi > f.lo ? hi * 1.05 : f.lo + 1);
    return f;
}

void open_svg(std::ostringstream& os, const ChartSpec& s, const char* kind) {
    os << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"" << html_escape(s.id)
       << "\" data-kind=\"" << kind << "\" width=\"" << s.width << "\" height=\"" << s.height << "\" viewBox=\"0 0 "
       << s.width << " " << s.height << "\" role=\"img\">\n<title>" << html_escape(s.title) << "</title>\n";
}

void axes(std::ostringstream& os, const Frame& f, const std::vector<int>& years, const std::string& y_label) {
    os << "<g class=\"axis\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#333\">\n"
       << "<line x1=\"" << f.x0 << "\" y1=\"" << f.y0 + f.h << "\" x2=\"" << f.x0 + f.w << "\" y2=\"" << f.y0 + f.h
       << "\" stroke=\"#333\"/>\n<line x1=\"" << f.x0 << "\" y1=\"" << f.y0 << "\" x2=\"" << f.x0 << "\" y2=\""
       << f.y0 + f.h << "\" stroke=\"#333\"/>\n";
    for (int i = 0; i <= 4; ++i) {
        double v = f.lo + (f.hi - f.lo) * i / 4;
        os << "<text x=\"" << f.x0 - 4 << "\" y=\"" << fmt(f.y(v) + 3) << "\" text-anchor=\"end\">" << fmt(v) << "</text>\n";
    }
    const std::size_t step = years.size() > 12 ? 2 : 1;
    for (std::size_t i = 0; i < years.size(); i += step)
        os << "<text x=\"" << fmt(f.x(years[i])) << "\" y=\"" << f.y0 + f.h + 14 << "\" text-anchor=\"middle\">"
           << years[i] << "</text>\n";
    os << "<text x=\"4\" y=\"" << f.y0 + f.h + 30 << "\">" << html_escape(y_label) << "</text>\n</g>\n";
}

}  // namespace

std::string line_chart(const ChartSpec& spec, const std::vector<Series>& series) {
    std::set<int> years;
    double lo = 0, hi = 0;
    for (const auto& s : series)
        for (const auto& [y, v] : s.points) {
            years.insert(y);
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    std::ostringstream os;
    open_svg(os, spec, "line");
    if (years.empty()) {
        os << "<text x=\"10\" y=\"20\" font-family=\"sans-serif\">–</text>\n</svg>\n";
        return os.str();
    }
    const Frame f = frame(spec, *years.begin(), *years.rbegin(), lo, hi);
    axes(os, f, std::vector<int>(years.begin(), years.end()), spec.y_label);
    // The highlighted series last, so that no other line covers it.
    std::vector<const Series*> order;
    for (const auto& s : series)
        if (!s.highlight) order.push_back(&s);
    for (const auto& s : series)
        if (s.highlight) order.push_back(&s);
    std::size_t i = 0;
    for (const Series* sp : order) {
        const Series& s = *sp;
        const char* colour = s.highlight ? "#cc3311" : kPalette[i++ % 6];
        os << "<g class=\"series" << (s.highlight ? " highlight" : "") << "\" data-name=\"" << html_escape(s.name)
           << "\" stroke=\"" << colour << "\" fill=\"" << colour << "\">\n<polyline fill=\"none\" stroke-width=\""
           << (s.highlight ? 3 : 1.5) << "\" points=\"";
        for (std::size_t k = 0; k < s.points.size(); ++k)
            os << (k ? " " : "") << fmt(f.x(s.points[k].first)) << "," << fmt(f.y(s.points[k].second));
        os << "\"/>\n";
        for (const auto& [y, v] : s.points)
            os << "<circle class=\"point\" data-year=\"" << y << "\" data-value=\"" << fmt(v) << "\" cx=\"" << fmt(f.x(y))
               << "\" cy=\"" << fmt(f.y(v)) << "\" r=\"2.5\"/>\n";
        os << "</g>\n";
    }
    os << "</svg>\n";
    return os.str();
}

std::string bar_chart(const ChartSpec& spec, const std::vector<Bar>& bars) {
    std::map<int, double> totals;
    std::vector<std::string> stacks;
    for (const auto& b : bars) {
        totals[b.year] += b.value;
        if (std::find(stacks.begin(), stacks.end(), b.stack) == stacks.end()) stacks.push_back(b.stack);
    }
    std::ostringstream os;
    open_svg(os, spec, "bar");
    if (totals.empty()) {
        os << "<text x=\"10\" y=\"20\" font-family=\"sans-serif\">–</text>\n</svg>\n";
        return os.str();
    }
    double hi = 0;
    for (const auto& [y, t] : totals) hi = std::max(hi, t);
    Frame f = frame(spec, totals.begin()->first, totals.rbegin()->first, 0, hi);
    const double slot = double(f.w) / (f.last - f.first + 1);
    f.x0 += static_cast<int>(slot / 2);
    f.w -= static_cast<int>(slot);
    std::vector<int> years;
    for (const auto& [y, t] : totals) years.push_back(y);
    axes(os, f, years, spec.y_label);
    std::map<int, double> base;
    for (const auto& b : bars) {
        const std::size_t k = static_cast<std::size_t>(std::find(stacks.begin(), stacks.end(), b.stack) - stacks.begin());
        const double top = f.y(f.lo + base[b.year] + b.value), bottom = f.y(f.lo + base[b.year]);
        base[b.year] += b.value;
        os << "<rect class=\"bar\" data-year=\"" << b.year << "\" data-stack=\"" << html_escape(b.stack)
           << "\" data-value=\"" << fmt(b.value) << "\" x=\"" << fmt(f.x(b.year) - slot * 0.35) << "\" y=\""
           << fmt(top) << "\" width=\"" << fmt(slot * 0.7) << "\" height=\"" << fmt(bottom - top) << "\" fill=\""
           << kPalette[k % 6] << "\"/>\n";
    }
    os << "<g class=\"legend\" font-family=\"sans-serif\" font-size=\"10\">\n";
    for (std::size_t k = 0; k < stacks.size(); ++k)
        os << "<text x=\"" << f.x0 + 90 * k << "\" y=\"10\" fill=\"" << kPalette[k % 6] << "\">■ "
           << html_escape(stacks[k]) << "</text>\n";
    os << "</g>\n</svg>\n";
    return os.str();
}

}  // namespace plantjek
