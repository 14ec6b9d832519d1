// Plain SVG charts for `plantjek trends`: a line chart (one polyline per
// series, one highlighted) and a stacked bar chart.
//
// Why our own writer: the charts are four simple kinds on small data, they
// must be deterministic (golden structure tests), carry data-* attributes a
// test can read, and need no script, font file or network in the page.
// gnuplot would add a runtime dependency and a process per chart for output
// we would have to post-process for the same attributes.
// Cost: linear in the points. Limits: no legends beyond a list of names, no
// log scales, labels are not wrapped (long titles are the caller's concern).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace plantjek {

struct ChartSpec {
    std::string id;     // data-chart attribute and file name stem
    std::string title;  // <title> of the SVG (accessible name)
    std::string y_label;
    int width = 520, height = 260;
    double y_min = 0;         // the y axis starts here
    double y_max = 0;         // 0: from the data
};

struct Series {
    std::string name;
    std::vector<std::pair<int, double>> points;  // (year, value), sorted by year
    bool highlight = false;
};

struct Bar {
    int year = 0;
    std::string stack;  // e.g. the regime; bars of one year are stacked
    double value = 0;
};

std::string line_chart(const ChartSpec& spec, const std::vector<Series>& series);
std::string bar_chart(const ChartSpec& spec, const std::vector<Bar>& bars);

}  // namespace plantjek
