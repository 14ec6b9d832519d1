#!/usr/bin/python3
"""`plantjek trends` in a real browser: Debian's chromium, headless, through
chromedriver (python3-selenium), the page opened as a file:// URL. A scan of
five corpus text files gives the database; the page's every chart must render
with a nonzero size and as many marks as its SVG file has, every section has
its table, the plans chart sits beside its table, each SVG file renders on its
own, and the browser logs no error (level SEVERE). A page that logs an error
on purpose shows that the log is read at all.

Fails, never skips, without chromium or chromedriver (scripts/setup --test
installs them).

Run by ctest: /usr/bin/python3 tests/test_trends_browser.py PLANTJEK SOURCE_DIR.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

PLANTJEK = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/cli/plantjek")
SOURCE = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".")
sys.argv[1:] = sys.argv[3:]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PLANS = ["2010-odense-complete", "2010-silkeborg-x-placeholders", "2014-frederikshavn-laesoe-joint",
         "2020-2023-varde-firearig", "2021-2024-gentofte-multiyear"]
SECTIONS = ["plans", "pass-rates", "themes", "leftovers"]

from selenium import webdriver  # noqa: E402  (python3-selenium; an ImportError fails the test)
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def run(args):
    r = subprocess.run([PLANTJEK, "-q"] + args, capture_output=True, text=True, timeout=120)
    return r.returncode, r.stderr


class TrendsBrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        for tool in (CHROMIUM, CHROMEDRIVER):
            if not os.access(tool, os.X_OK):
                raise AssertionError(tool + " is missing: scripts/setup --test installs chromium and chromium-driver")
        cls.tmp = tempfile.mkdtemp(prefix="plantjek-trends-browser-")
        db = os.path.join(cls.tmp, "scan.db")
        code, err = run(["scan", "--no-spelling", "--db", db] + [os.path.join(SOURCE, "corpus", "txt", p + ".txt") for p in PLANS])
        assert code in (0, 1), err
        cls.out = os.path.join(cls.tmp, "trends")
        code, err = run(["trends", "--db", db, "-o", cls.out, "--kommune", "Gentofte"])
        assert code == 0, err
        o = webdriver.ChromeOptions()
        o.binary_location = CHROMIUM
        for a in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]:
            o.add_argument(a)
        o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=o)

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "driver", None):
            cls.driver.quit()
        shutil.rmtree(getattr(cls, "tmp", ""), ignore_errors=True)

    def open(self, path):
        self.driver.get_log("browser")  # what an earlier page logged
        self.driver.get("file://" + path)

    def errors(self):
        return [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def test_1_the_log_is_read(self):
        p = os.path.join(self.tmp, "fails.html")
        with open(p, "w") as f:
            f.write("<!DOCTYPE html><title>x</title><script>console.error('plantjek-probe')</script>")
        self.open(p)
        self.assertTrue(any("plantjek-probe" in e["message"] for e in self.errors()))

    def test_2_every_chart_renders_beside_its_table(self):
        self.open(os.path.join(self.out, "index.html"))
        d = self.driver
        files = sorted(glob.glob(os.path.join(self.out, "*.svg")))
        svgs = d.find_elements(By.CSS_SELECTOR, "section figure > svg")
        self.assertEqual(len(svgs), len(files))
        for svg in svgs:
            name = svg.get_attribute("data-chart")
            with open(os.path.join(self.out, name + ".svg"), encoding="utf-8") as f:
                marks = len(re.findall(r"<(circle|rect) ", f.read()))
            box = d.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];", svg)
            self.assertGreater(box[0], 0, name)
            self.assertGreater(box[1], 0, name)
            drawn = d.execute_script(
                "return [...arguments[0].querySelectorAll('circle, rect')]"
                ".filter(e => { const b = e.getBBox(); return b.width > 0 && b.height > 0; }).length;", svg)
            self.assertEqual(drawn, marks, name)
            self.assertGreater(marks, 0, name)
        for s in SECTIONS:
            rows = d.find_elements(By.CSS_SELECTOR, "#%s table tr" % s)
            self.assertGreater(len(rows), 1, s)  # a header and the numbers
            self.assertTrue(d.find_element(By.CSS_SELECTOR, "#%s table" % s).is_displayed(), s)
            self.assertIn("SELECT", d.find_element(By.CSS_SELECTOR, "#%s details pre" % s).get_attribute("textContent"))
        chart = d.find_element(By.CSS_SELECTOR, "#plans figure").rect
        table = d.find_element(By.CSS_SELECTOR, "#plans table").rect
        self.assertGreaterEqual(table["x"], chart["x"] + chart["width"])  # beside, not below
        self.assertLess(table["y"], chart["y"] + chart["height"])
        highlighted = d.find_elements(By.CSS_SELECTOR, "#themes g.series.highlight")
        self.assertGreater(len(highlighted), 0)
        self.assertEqual({g.get_attribute("data-name") for g in highlighted}, {"Gentofte"})
        self.assertEqual(self.errors(), [])

    def test_3_each_svg_file_renders_alone(self):
        files = sorted(glob.glob(os.path.join(self.out, "*.svg")))
        self.assertGreaterEqual(len(files), 4)
        for path in files:
            self.open(path)
            box = self.driver.execute_script(
                "const e = document.documentElement; const r = e.getBoundingClientRect();"
                "return [e.namespaceURI, e.localName, r.width, r.height];")
            self.assertEqual(box[:2], ["http://www.w3.org/2000/svg", "svg"], path)
            self.assertGreater(box[2], 0, path)
            self.assertGreater(box[3], 0, path)
            self.assertEqual(self.errors(), [], path)


if __name__ == "__main__":
    unittest.main(verbosity=2)
