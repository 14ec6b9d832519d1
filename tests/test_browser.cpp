// The HTML report in a real browser: headless Chromium (Debian's
// `chromium`, installed by `scripts/setup --test`) loads a corpus plan's
// report, and the test checks that
//   - the page loads and its DOM shows the verdict and the checklist,
//   - the browser logs no console message at all (the page has no scripts,
//     so any message — an error, a blocked resource — is a fault); a probe
//     page with a deliberate console error proves the log is being read,
//   - the screenshot is a real rendering: 1200×1600 pixels, the verdict
//     banner's colour across the top, text below it,
//   - hostile document text (<script>, onerror=) runs nothing.
// Runs as root in CI without a display (--headless --no-sandbox). Chromium
// missing is a failure, not a skip.
//
// PLANTJEK_ACCEPT=1 also copies the screenshot to docs/report-html.png (the
// picture in docs/reports.md and the README).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/check.h"
#include "cli/writers/writer.h"
#include "run_cli.h"

using namespace plantjek;
using namespace plantjek::test;
namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    std::string out, err;
};

Run run(const std::vector<std::string>& args) {
    TempDir dir;
    std::vector<std::string> all = args;
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    std::string outp = (dir.path / "out").string(), errp = (dir.path / "err").string();
    posix_spawn_file_actions_addopen(&fa, 1, outp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, errp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    pid_t pid;
    Run r;
    if (posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&fa);
    r.out = slurp(outp);
    r.err = slurp(errp);
    return r;
}

std::string chromium_binary() {
    if (const char* c = std::getenv("PLANTJEK_CHROMIUM")) return c;
    for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
        if (fs::exists(p)) return p;
    return "";
}

// Headless Chromium on a local file: --dump-dom (DOM on stdout) or
// --screenshot=PNG. Console messages go to stderr as "…:CONSOLE…] "text"".
Run chromium(const fs::path& html, const std::string& mode, const fs::path& profile) {
    std::vector<std::string> args = {"timeout", "-k", "10", "120", chromium_binary(), "--headless",
                                     "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                     "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                                     "--user-data-dir=" + profile.string(), "--enable-logging=stderr", "--v=0",
                                     "--window-size=1200,1600", mode, "file://" + html.string()};
    return run(args);
}

std::vector<std::string> console_lines(const std::string& err) {
    std::vector<std::string> lines;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);)
        if (line.find(":CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos)
            lines.push_back(line);
    return lines;
}

// A minimal PNG decoder (8-bit RGB or RGBA, not interlaced: what Chromium
// writes), enough to look at the pixels.
struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;  // 3 bytes a pixel
    std::string error;
    unsigned long pixel(int x, int y) const {
        std::size_t i = (static_cast<std::size_t>(y) * width + x) * 3;
        return (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
    }
};

Image decode_png(const std::string& png) {
    Image img;
    auto be32 = [&](std::size_t i) {
        return (static_cast<unsigned>(static_cast<unsigned char>(png[i])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(png[i + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(png[i + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(png[i + 3]));
    };
    if (png.size() < 33 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) {
        img.error = "not a PNG";
        return img;
    }
    std::string idat;
    int depth = 0, type = 0, interlace = 0;
    for (std::size_t i = 8; i + 8 <= png.size();) {
        std::size_t len = be32(i);
        std::string kind = png.substr(i + 4, 4);
        if (i + 12 + len > png.size()) break;
        if (kind == "IHDR") {
            img.width = static_cast<int>(be32(i + 8));
            img.height = static_cast<int>(be32(i + 12));
            depth = static_cast<unsigned char>(png[i + 16]);
            type = static_cast<unsigned char>(png[i + 17]);
            interlace = static_cast<unsigned char>(png[i + 20]);
        } else if (kind == "IDAT") {
            idat += png.substr(i + 8, len);
        }
        i += 12 + len;
    }
    if (depth != 8 || (type != 2 && type != 6) || interlace != 0) {
        img.error = "unsupported PNG (depth " + std::to_string(depth) + ", type " + std::to_string(type) + ")";
        return img;
    }
    const int bpp = type == 6 ? 4 : 3;
    const std::size_t stride = static_cast<std::size_t>(img.width) * bpp;
    std::vector<unsigned char> raw((stride + 1) * img.height);
    uLongf size = raw.size();
    if (uncompress(raw.data(), &size, reinterpret_cast<const Bytef*>(idat.data()), idat.size()) != Z_OK ||
        size != raw.size()) {
        img.error = "bad image data";
        return img;
    }
    std::vector<unsigned char> prev(stride, 0), cur(stride);
    img.rgb.resize(static_cast<std::size_t>(img.width) * img.height * 3);
    for (int y = 0; y < img.height; ++y) {
        const unsigned char* row = &raw[y * (stride + 1)];
        int filter = row[0];
        for (std::size_t x = 0; x < stride; ++x) {
            int a = x >= static_cast<std::size_t>(bpp) ? cur[x - bpp] : 0, b = prev[x],
                c = x >= static_cast<std::size_t>(bpp) ? prev[x - bpp] : 0;
            int v = row[x + 1], p;
            switch (filter) {
                case 0: p = 0; break;
                case 1: p = a; break;
                case 2: p = b; break;
                case 3: p = (a + b) / 2; break;
                case 4: {
                    int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
                    p = (pa <= pb && pa <= pc) ? a : pb <= pc ? b : c;
                    break;
                }
                default: img.error = "bad filter"; return img;
            }
            cur[x] = static_cast<unsigned char>(v + p);
        }
        for (int x = 0; x < img.width; ++x)
            for (int k = 0; k < 3; ++k) img.rgb[(static_cast<std::size_t>(y) * img.width + x) * 3 + k] = cur[x * bpp + k];
        std::swap(prev, cur);
    }
    return img;
}

std::string source(const std::string& rel) { return std::string(PLANTJEK_TEST_SOURCE_DIR) + "/" + rel; }

}  // namespace

TEST_CASE("browser: the HTML report renders in headless Chromium", "[browser]") {
    INFO("Chromium is needed: apt-get install --no-install-recommends chromium (scripts/setup --test installs it)");
    REQUIRE(!chromium_binary().empty());
    fs::path dir = fs::path(PLANTJEK_TEST_BINARY_DIR) / "browser";
    fs::create_directories(dir);  // kept after the run, to look at
    TempDir profile;

    // The report of a plan that fails (red banner, ✗, highlighted evidence).
    CheckOptions opts;
    opts.suggestions = false;
    CheckSession session(opts);
    Report r = session.check(source("corpus/docx/2012-kolding-budget-xxx.docx"));
    r.path = "corpus/docx/2012-kolding-budget-xxx.docx";
    REQUIRE(r.status == Status::nonconformant);
    fs::path html = dir / "report.html";
    {
        std::ofstream out(html, std::ios::binary);
        write_html(out, r, WriterOptions{});
    }

    SECTION("the DOM shows the verdict and the checklist; no console message") {
        // the probe first: a console error must be seen, or the check below proves nothing
        fs::path probe = dir / "probe.html";
        std::ofstream(probe) << "<!DOCTYPE html><html><body><p>probe</p><script>console.error('plantjek-probe');"
                                "null.f();</script></body></html>\n";
        Run p = chromium(probe, "--dump-dom", profile.path / "probe");
        INFO(p.err);
        REQUIRE(p.code == 0);
        CHECK(console_lines(p.err).size() >= 2);
        CHECK(p.err.find("plantjek-probe") != std::string::npos);

        Run d = chromium(html, "--dump-dom", profile.path / "dom");
        INFO(d.err);
        REQUIRE(d.code == 0);
        CHECK(d.out.find("<p class=\"verdict\">IKKE I ORDEN</p>") != std::string::npos);
        CHECK(d.out.find("id=\"req-budget\"") != std::string::npos);
        CHECK(d.out.find("Tjekliste") != std::string::npos);
        CHECK(console_lines(d.err) == std::vector<std::string>{});
    }

    SECTION("the screenshot is a rendering: banner colour on top, text below") {
        fs::path png = dir / "report.png";
        Run s = chromium(html, "--screenshot=" + png.string(), profile.path / "shot");
        INFO(s.err);
        REQUIRE(s.code == 0);
        REQUIRE(fs::exists(png));
        CHECK(fs::file_size(png) > 20000);
        CHECK(console_lines(s.err) == std::vector<std::string>{});
        Image img = decode_png(slurp(png));
        INFO(img.error);
        REQUIRE(img.error.empty());
        CHECK(img.width == 1200);
        CHECK(img.height == 1600);
        // the nonconformant banner (#b42318) fills the top rows' width
        long banner = 0;
        for (int y = 0; y < 60; ++y)
            for (int x = 0; x < img.width; ++x) banner += img.pixel(x, y) == 0xb42318;
        CHECK(banner > 60 * img.width / 2);
        // below it: mostly white page with text in many shades
        std::set<unsigned long> colours;
        long white = 0;
        for (int y = 300; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x) {
                unsigned long c = img.pixel(x, y);
                colours.insert(c);
                white += c == 0xffffff;
            }
        CHECK(colours.size() > 50);
        CHECK(white > (img.height - 300) * static_cast<long>(img.width) / 2);
        CHECK(white < (img.height - 300) * static_cast<long>(img.width));
        const char* accept = std::getenv("PLANTJEK_ACCEPT");
        if (accept && std::string(accept) == "1") {
            fs::copy_file(png, source("docs/report-html.png"), fs::copy_options::overwrite_existing);
            WARN("wrote " << source("docs/report-html.png"));
        }
    }

    SECTION("hostile document text runs nothing") {
        TempDir tmp;
        std::string text =
            "Beskæftigelsesplan 2012\n\nJobcenter Kolding <script>document.documentElement.setAttribute("
            "'data-pwned','1')</script>\n\n1. Ministerens mål for 2012 <img src=x onerror=\"document."
            "documentElement.setAttribute('data-pwned','2')\">\n\nAntallet skal begrænses til 1.250 personer i "
            "december 2012.\n\n2. Udfordringer <svg onload=\"document.documentElement.setAttribute('data-pwned','3')"
            "\"></svg>\n\nLedigheden er steget.\n";
        Report h = session.check(tmp.write("hostile.txt", text));
        REQUIRE(h.status != Status::unreadable);
        fs::path page = dir / "hostile.html";
        {
            std::ofstream out(page, std::ios::binary);
            write_html(out, h, WriterOptions{});
        }
        Run d = chromium(page, "--dump-dom", profile.path / "hostile");
        INFO(d.err);
        REQUIRE(d.code == 0);
        CHECK(d.out.find("<body>") != std::string::npos);
        CHECK(d.out.find("data-pwned") != std::string::npos);  // present as text ...
        CHECK(d.out.find("data-pwned=\"") == std::string::npos);  // ... never set as an attribute
        CHECK(d.out.find("<script") == std::string::npos);
        CHECK(d.out.find("<img") == std::string::npos);
        CHECK(d.out.find("<svg") == std::string::npos);
        CHECK(console_lines(d.err) == std::vector<std::string>{});
    }
}
