// Pages per second of plantjek::read_pdf on one file (best of N runs).
// Built and run by bench/pdf_extract_speed.sh; prints figures, asserts nothing.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "extractor/reader.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s file.pdf [runs]\n", argv[0]);
        return 2;
    }
    int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    std::ifstream in(argv[1], std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    double best = 1e9;
    plantjek::Document d;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        d = plantjek::read_pdf(bytes, plantjek::ReadOptions{});
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (s < best) best = s;
    }
    std::printf("read_pdf:  %d pages, %zu blocks, best of %d: %.3f s = %.0f pages/s\n", d.meta.pages,
                d.blocks.size(), runs, best, d.meta.pages / best);
}
