#!/usr/bin/python3
"""HTTP-level tests of `plantjek serve` (docs/serve.md), against the real
server, its real worker processes and the corpus.

Run by ctest as /usr/bin/python3 tests/serve/test_serve.py PLANTJEK SOURCE_DIR.
Each test starts its own server on a free port with its own --data folder.
"""
import hashlib
import http.client
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import zipfile

PLANTJEK = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/cli/plantjek")
SOURCE = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".")
CORPUS = os.path.join(SOURCE, "corpus", "docx")
sys.argv[1:] = sys.argv[3:]


class Server:
    def __init__(self, *args, env=None, data=None, global_args=()):
        self.tmp = tempfile.mkdtemp(prefix="plantjek-serve-test-")
        self.data = data or os.path.join(self.tmp, "data")
        self.err = os.path.join(self.tmp, "err")
        e = dict(os.environ)
        e.update(env or {})
        self.args = [PLANTJEK, *global_args, "serve", "--port", "0", "--data", self.data, *args]
        self.proc = subprocess.Popen(self.args, stdout=subprocess.DEVNULL, stderr=open(self.err, "wb"), env=e)
        self.port = None
        deadline = time.time() + 30
        while time.time() < deadline and self.port is None:
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", self.log())
            if m:
                self.port = int(m.group(1))
            elif self.proc.poll() is not None:
                raise RuntimeError("serve exited: " + self.log())
            else:
                time.sleep(0.05)
        if self.port is None:
            raise RuntimeError("serve did not start: " + self.log())
        self.host = "127.0.0.1:%d" % self.port
        self.cookies = {}

    def log(self):
        with open(self.err, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def cleanup(self):
        self.stop(signal.SIGKILL)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def request(self, method, path, body=None, headers=None, cookies=True):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        h = dict(headers or {})
        if cookies and self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie" and cookies:
                name, val = v.split(";")[0].split("=", 1)
                self.cookies[name] = val
        c.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data

    def form_token(self):
        self.request("GET", "/")
        return self.cookies["pj_form"]

    def upload(self, files, fields=None, origin=True, token=None, content_type=None, cookies=True):
        """files: [(name, bytes)]; returns (status, headers, body)."""
        if token is None:
            token = self.form_token()
        boundary = "----plantjek" + hashlib.sha1(os.urandom(8)).hexdigest()
        out = io.BytesIO()
        allf = dict(fields or {})
        allf.setdefault("form_token", token)
        for k, v in allf.items():
            out.write(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, k, v)).encode())
        for name, data in files:
            out.write(("--%s\r\nContent-Disposition: form-data; name=\"files\"; filename=\"%s\"\r\n"
                       "Content-Type: application/octet-stream\r\n\r\n" % (boundary, name)).encode())
            out.write(data)
            out.write(b"\r\n")
        out.write(("--%s--\r\n" % boundary).encode())
        h = {"Content-Type": content_type or "multipart/form-data; boundary=" + boundary}
        if origin is True:
            h["Origin"] = "http://" + self.host
        elif origin:
            h["Origin"] = origin
        return self.request("POST", "/upload", out.getvalue(), h, cookies)

    def wait(self, token, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            s, _, b = self.request("GET", "/c/%s/status.json" % token, cookies=False)
            j = json.loads(b)
            if j["done"] == j["total"]:
                return j
            time.sleep(0.1)
        raise AssertionError("check %s not finished" % token)


def token_of(headers):
    m = re.match(r"/c/([0-9a-f]{32})", headers.get("location", ""))
    assert m, headers
    return m.group(1)


def corpus(n):
    names = sorted(f for f in os.listdir(CORPUS) if f.endswith(".docx"))[:n]
    return [(f, open(os.path.join(CORPUS, f), "rb").read()) for f in names]


def check_json(name):
    r = subprocess.run([PLANTJEK, "check", "-f", "json", name], cwd=CORPUS, capture_output=True)
    return r.stdout


class ServeTest(unittest.TestCase):
    def setUp(self):
        self.servers = []

    def tearDown(self):
        for s in self.servers:
            s.cleanup()

    def start(self, *args, **kw):
        s = Server(*args, **kw)
        self.servers.append(s)
        return s

    def test_one_upload_json_identical_and_headers(self):
        s = self.start()
        name, data = corpus(1)[0]
        st, h, _ = s.upload([(name, data)])
        self.assertEqual(st, 303)
        tok = token_of(h)
        s.wait(tok)
        st, h, body = s.request("GET", "/c/%s/1.json" % tok)
        self.assertEqual(st, 200)
        self.assertEqual(body, check_json(name))
        self.assertIn("attachment", h["content-disposition"])
        st, h, page = s.request("GET", "/c/%s/1" % tok)
        self.assertEqual(st, 200)
        self.assertIn("frame-ancestors 'none'", h["content-security-policy"])
        self.assertNotIn("unsafe-inline';", h["content-security-policy"].split("script-src")[1].split(";")[0])
        self.assertEqual(h["x-content-type-options"], "nosniff")
        self.assertIn(b"<html lang=\"da\"", page)
        st, _, csv = s.request("GET", "/c/%s/1.csv" % tok)
        self.assertEqual(st, 200)
        self.assertTrue(csv.count(b"\r\n") >= 2)
        st, _, en = s.request("GET", "/c/%s/1?lang=en" % tok)
        self.assertIn(b"<html lang=\"en\"", en)
        # the store of scan has the document, keyed by its content
        import sqlite3
        db = sqlite3.connect(os.path.join(s.data, "plantjek.db"))
        rows = db.execute("select sha256 from documents").fetchall()
        self.assertIn((hashlib.sha256(data).hexdigest(),), rows)
        # one access-log line per request, no contents, no whole token
        self.assertNotIn(tok, s.log())
        self.assertRegex(s.log(), r'127\.0\.0\.1 - - \[[^\]]+\] "GET /c/%s…/1 HTTP/1\.1" 200 \d+\n' % tok[:6])
        self.assertEqual(s.stop(), 0)

    def test_downloads_annotated_letter_spreadsheet(self):
        s = self.start()
        files = corpus(2)
        st, h, _ = s.upload(files)
        tok = token_of(h)
        s.wait(tok)
        st, _, page = s.request("GET", "/c/%s/1" % tok)
        self.assertIn(b'class="downloads"', page)
        self.assertIn(("/c/%s/1.plantjek.docx" % tok).encode(), page)
        st, h, ann = s.request("GET", "/c/%s/1.plantjek.docx" % tok)
        self.assertEqual(st, 200)
        self.assertIn(".plantjek.docx", h["content-disposition"])
        z = zipfile.ZipFile(io.BytesIO(ann))
        self.assertIn(b"plantjek", z.read("word/comments.xml"))
        self.assertEqual(set(zipfile.ZipFile(io.BytesIO(files[0][1])).namelist()) - set(z.namelist()), set())
        st, h, letter = s.request("GET", "/c/%s/1.brev.html" % tok)
        self.assertEqual(st, 200)
        self.assertIn(b"<html", letter)
        st, h, ldocx = s.request("GET", "/c/%s/2.brev.docx" % tok)
        self.assertEqual(st, 200)
        self.assertIn("word/document.xml", zipfile.ZipFile(io.BytesIO(ldocx)).namelist())
        st, _, batch = s.request("GET", "/c/%s" % tok)
        self.assertIn(("/c/%s/plantjek.xlsx" % tok).encode(), batch)
        st, h, xlsx = s.request("GET", "/c/%s/plantjek.xlsx" % tok)
        self.assertEqual(st, 200)
        self.assertIn("xl/workbook.xml", zipfile.ZipFile(io.BytesIO(xlsx)).namelist())
        self.assertEqual([f for f in os.listdir(s.data) if f.startswith("tmp-")], [])
        st, _, _ = s.request("GET", "/c/%s/1.plantjek.pdf" % tok)
        self.assertEqual(st, 404)
        st, _, _ = s.request("GET", "/c/%s/9.plantjek.docx" % tok)
        self.assertEqual(st, 404)
        st, _, _ = s.request("GET", "/c/%s/plantjek.xlsx" % ("0" * 32))
        self.assertEqual(st, 404)

    def test_path_traversal_everywhere(self):
        s = self.start()
        name, data = corpus(1)[0]
        for path in ["/c/../../etc/passwd", "/c/%2e%2e/%2e%2e/etc/passwd", "/static/../../etc/passwd",
                     "/c/" + "a" * 32 + "/../../../etc/passwd", "/c/" + "a" * 32 + "/1/../../meta.json",
                     "/..%2f..%2fetc%2fpasswd", "/c/" + "A" * 32, "/c/" + "a" * 31 + "/"]:
            st, _, body = s.request("GET", path)
            self.assertIn(st, (400, 404), path)
            self.assertNotIn(b"root:", body)
        st, h, _ = s.upload([("../../../../tmp/evil\\..\\x.docx", data)], {"lang": "../../etc"})
        self.assertEqual(st, 303)
        tok = token_of(h)
        s.wait(tok)
        self.assertFalse(os.path.exists("/tmp/evil"))
        for f in os.listdir(os.path.join(s.data, "uploads")):
            self.assertRegex(f, r"^[0-9a-f]{64}(\.docx)?$")
        meta = json.load(open(os.path.join(s.data, "checks", tok, "meta.json")))
        self.assertEqual(meta["files"][0]["name"], "x.docx")
        for fields in [{"profile": "../../etc/passwd"}, {"stage": "../x"}, {"year": "../2012"}]:
            st, _, body = s.upload([(name, data)], fields)
            self.assertEqual(st, 400, fields)

    def test_tokens(self):
        tf = tempfile.NamedTemporaryFile("w", delete=False)
        tf.write("admin-" + "x" * 30 + "\n")
        tf.close()
        s = self.start("--admin-token-file", tf.name)
        st, _, body = s.request("GET", "/c/" + "0" * 32)
        self.assertEqual(st, 404)
        self.assertIn("findes ikke".encode(), body)
        st, h, _ = s.upload(corpus(1))
        tok = token_of(h)
        # no list without the admin token
        self.assertEqual(s.request("GET", "/admin", cookies=False)[0], 401)
        self.assertEqual(s.request("GET", "/admin", headers={"Authorization": "Bearer wrong"}, cookies=False)[0], 403)
        st, _, body = s.request("GET", "/admin", headers={"Authorization": "Bearer admin-" + "x" * 30}, cookies=False)
        self.assertEqual(st, 200)
        self.assertIn(tok.encode(), body)
        # another browser's list does not show it; this one's does
        self.assertNotIn(tok.encode(), s.request("GET", "/mine", cookies=False)[2])
        self.assertIn(tok.encode(), s.request("GET", "/mine")[2])
        # POST without or with a wrong form token
        self.assertEqual(s.upload(corpus(1), token="")[0], 403)
        self.assertEqual(s.upload(corpus(1), token="f" * 32)[0], 403)
        os.unlink(tf.name)

    def test_limits_size_zip_bomb_content_type_origin(self):
        s = self.start("--max-zip-mb", "4", "--max-files", "3", global_args=("--max-file-mb", "1"))
        st, _, body = s.upload([("big.docx", b"x" * (1200 << 10))])
        self.assertEqual(st, 413)
        self.assertIn("større end".encode(), body)
        # more than the whole upload may carry: refused by the server before it is read
        st, _, _ = s.upload([("a.pdf", b"x" * (2 << 20)), ("b.pdf", b"x" * (2 << 20))])
        self.assertEqual(st, 413)
        bomb = io.BytesIO()
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("plan.txt", b"0" * (40 << 20))
        self.assertLess(len(bomb.getvalue()), 1 << 20)
        st, _, body = s.upload([("batch.zip", bomb.getvalue())])
        self.assertEqual(st, 413)
        self.assertIn("Zip-filen".encode(), body)
        many = io.BytesIO()
        with zipfile.ZipFile(many, "w") as z:
            for name, data in corpus(4):
                z.writestr(name, data)
        self.assertEqual(s.upload([("batch.zip", many.getvalue())])[0], 413)
        st, _, body = s.upload(corpus(1), content_type="application/json")
        self.assertEqual(st, 415)
        st, _, body = s.upload(corpus(1), origin="http://evil.example")
        self.assertEqual(st, 403)
        self.assertIn("anden side".encode(), body)
        self.assertEqual(s.upload(corpus(1), origin=None)[0], 403)
        # a zip batch within the limits is unpacked into its plans
        few = io.BytesIO()
        with zipfile.ZipFile(few, "w") as z:
            for name, data in corpus(2):
                z.writestr("omgang/" + name, data)
        st, h, _ = s.upload([("batch.zip", few.getvalue())])
        self.assertEqual(st, 303)
        j = s.wait(token_of(h))
        self.assertEqual(j["total"], 2)
        self.assertEqual(s.request("GET", "/c/%s/2.json" % token_of(h))[2], check_json(corpus(2)[1][0]))

    def test_slowloris_beside_normal_client(self):
        s = self.start("--threads", "4", "--read-timeout", "3")
        slow = []
        for _ in range(3):
            k = socket.create_connection(("127.0.0.1", s.port))
            k.sendall(b"POST /upload HTTP/1.1\r\nHost: x\r\n")
            slow.append(k)
        t0 = time.time()
        st, h, _ = s.upload(corpus(1))
        self.assertEqual(st, 303)
        s.wait(token_of(h))
        self.assertLess(time.time() - t0, 10)
        time.sleep(4)  # the silent ones are dropped after --read-timeout
        for k in slow:
            k.settimeout(2)
            try:  # closed, or answered 400 and closed: either way not held open
                got = k.recv(100)
                self.assertTrue(got == b"" or got.startswith(b"HTTP/1.1 400"), got)
            except ConnectionResetError:
                pass
            k.close()

    def test_worker_crash_and_hang_cost_one_document(self):
        files = corpus(3)
        crash = hashlib.sha256(files[0][1]).hexdigest()
        hang = hashlib.sha256(files[1][1]).hexdigest()
        s = self.start("--timeout", "2", env={"PLANTJEK_TEST_HOOK": "crash:%s,hang:%s" % (crash, hang)})
        st, h, _ = s.upload(files)
        tok = token_of(h)
        s.wait(tok, 30)
        r0 = json.loads(s.request("GET", "/c/%s/1.json" % tok)[2])
        r1 = json.loads(s.request("GET", "/c/%s/2.json" % tok)[2])
        self.assertEqual(r0["status"], "unreadable")
        self.assertEqual(r0["error"]["kind"], "crash")
        self.assertEqual(r1["error"]["kind"], "timeout")
        self.assertEqual(s.request("GET", "/c/%s/3.json" % tok)[2], check_json(files[2][0]))
        self.assertEqual(s.request("GET", "/healthz")[0], 200)

    def test_kill9_midcheck_rechecked_on_restart(self):
        files = corpus(2)
        hang = hashlib.sha256(files[0][1]).hexdigest()
        s = self.start(env={"PLANTJEK_TEST_HOOK": "hang:%s" % hang})
        st, h, _ = s.upload(files)
        tok = token_of(h)
        time.sleep(1.5)
        s.stop(signal.SIGKILL)
        s2 = self.start(data=s.data)
        s2.wait(tok, 30)
        self.assertEqual(s2.request("GET", "/c/%s/1.json" % tok)[2], check_json(files[0][0]))
        # check again: a new link, the same result
        s2.form_token()
        st, h, _ = s2.request("POST", "/c/%s/again" % tok, "form_token=" + s2.cookies["pj_form"],
                              {"Origin": "http://" + s2.host, "Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(st, 303)
        again = token_of(h)
        self.assertNotEqual(again, tok)
        s2.wait(again)
        self.assertEqual(s2.request("GET", "/c/%s/2.json" % again)[2], check_json(files[1][0]))

    def test_damaged_file_danish_error(self):
        s = self.start()
        st, h, _ = s.upload([("skadet.docx", b"PK\x03\x04 not a real archive")])
        tok = token_of(h)
        s.wait(tok)
        page = s.request("GET", "/c/%s/1" % tok)[2].decode()
        self.assertIn("Kan ikke læses".upper(), page.upper())

    def test_hundred_uploads_ten_clients(self):
        s = self.start("--jobs", "2")
        files = corpus(20)
        expected = {name: check_json(name) for name, _ in files}
        results, errors = [], []

        def client(k):
            try:
                c = Server.__new__(Server)
                c.port, c.host, c.cookies = s.port, s.host, {}
                for i in range(10):
                    name, data = files[(k * 10 + i) % len(files)]
                    st, h, _ = c.upload([(name, data)])
                    if st != 303:
                        errors.append(st)
                        continue
                    tok = token_of(h)
                    c.wait(tok, 90)
                    results.append((name, c.request("GET", "/c/%s/1.json" % tok)[2]))
            except Exception as e:  # noqa
                errors.append(repr(e))

        t0 = time.time()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(10)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        self.assertEqual(errors, [])
        self.assertEqual(len(results), 100)
        for name, body in results:
            self.assertEqual(body, expected[name], name)
        self.assertLess(time.time() - t0, 90)

    def test_purge(self):
        s = self.start()
        st, h, _ = s.upload(corpus(1))
        tok = token_of(h)
        s.wait(tok)
        s.stop()
        meta = os.path.join(s.data, "checks", tok, "meta.json")
        j = json.load(open(meta))
        j["created"] -= 31 * 86400
        json.dump(j, open(meta, "w"))
        r = subprocess.run([PLANTJEK, "serve", "--purge", "--data", s.data], capture_output=True)
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"1 kontroller slettet", r.stdout)
        self.assertFalse(os.path.exists(os.path.join(s.data, "checks", tok)))
        self.assertEqual(os.listdir(os.path.join(s.data, "uploads")), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
