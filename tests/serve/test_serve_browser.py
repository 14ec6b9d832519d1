#!/usr/bin/python3
"""`plantjek serve` in a real browser: Debian's chromium, headless, through
chromedriver (python3-selenium). Uploads a corpus DOCX through the file
input and checks the report's verdict and one requirement row against
`check -f json`; uploads a batch of five and sees five rows; uploads a
damaged file and sees the Danish error; the browser logs no console message.
PLANTJEK_ACCEPT=1 saves the upload page's screenshot as docs/serve.png.

Run by ctest: /usr/bin/python3 tests/serve/test_serve_browser.py PLANTJEK SOURCE_DIR.
"""
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import test_serve as ts  # noqa: E402  (the server fixture; it takes argv[1:3])

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ts.Server()
        o = webdriver.ChromeOptions()
        o.binary_location = "/usr/bin/chromium"
        for a in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1000"]:
            o.add_argument(a)
        o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
        cls.base = "http://%s" % cls.server.host
        cls.tmp = tempfile.mkdtemp(prefix="plantjek-browser-")

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.cleanup()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def upload(self, paths):
        d = self.driver
        d.get(self.base + "/")
        d.find_element(By.ID, "files").send_keys("\n".join(paths))
        d.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()

    def wait_for(self, css, timeout=60):
        return WebDriverWait(self.driver, timeout, 0.2).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))

    def console(self):
        return [e for e in self.driver.get_log("browser")]

    def test_1_one_docx(self):
        name = ts.corpus(1)[0][0]
        self.upload([os.path.join(ts.CORPUS, name)])
        self.wait_for("#verdict")
        expected = json.loads(ts.check_json(name))
        from selenium.webdriver.common.by import By as B
        banner = self.driver.find_element(B.CSS_SELECTOR, "#verdict .verdict").text
        self.assertEqual(banner, {"conformant": "I ORDEN", "nonconformant": "IKKE I ORDEN"}.get(expected["status"], banner))
        req = expected["requirements"][0]
        rows = self.driver.find_elements(B.CSS_SELECTOR, "tr.req")
        self.assertEqual(len(rows), len(expected["requirements"]))
        self.assertIn(req["title"] if "title" in req else req["id"], rows[0].text + rows[0].get_attribute("id"))
        self.assertEqual(self.console(), [])

    def test_2_batch_of_five(self):
        names = [n for n, _ in ts.corpus(5)]
        self.upload([os.path.join(ts.CORPUS, n) for n in names])
        self.wait_for("#batch")
        rows = self.driver.find_elements(By.CSS_SELECTOR, "#batch tbody tr")
        self.assertEqual([r.find_element(By.TAG_NAME, "a").text for r in rows], names)
        self.assertEqual(self.console(), [])

    def test_3_damaged_file(self):
        p = os.path.join(self.tmp, "skadet.docx")
        with open(p, "wb") as f:
            f.write(b"PK\x03\x04 this is no archive")
        self.upload([p])
        self.wait_for("#verdict")
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, "#verdict .verdict").text, "KAN IKKE LÆSES")
        self.assertEqual(self.console(), [])

    def test_4_screenshot(self):
        self.driver.get(self.base + "/")
        self.wait_for("#upload")
        self.assertEqual(self.console(), [])
        out = os.path.join(ts.SOURCE, "docs", "serve.png") if os.environ.get("PLANTJEK_ACCEPT") else os.path.join(self.tmp, "serve.png")
        self.assertTrue(self.driver.save_screenshot(out))
        self.assertGreater(os.path.getsize(out), 5000)


if __name__ == "__main__":
    unittest.main(verbosity=2)
