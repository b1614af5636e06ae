#!/usr/bin/env python3
"""The console in headless Chromium (Documentation.docc/Live.md, "The console").

Usage: console_check.py CALLHOOK CONFIG PORT SECRET SCREENSHOT
Starts `CALLHOOK serve --config CONFIG` (listening on PORT), loads /console and checks: no
console errors, a delivery shown within 1 s of its 200, a reject shown, a call moving into and
out of "in progress", markup in a caller field shown as text, a long call id that does not widen
the panels, a reconnect after a restart.
Prints one line per check; exits 0 when all pass, 1 on a failure, 77 when selenium is missing.
"""
import json, subprocess, sys, time, urllib.request

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("selenium is not installed"); sys.exit(77)

binary, config, port, secret, screenshot = sys.argv[1:6]
base = f"http://127.0.0.1:{port}"
XSS = "<img src=x onerror=alert(1)>"

def serve():
    process = subprocess.Popen([binary, "serve", "--config", config], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        if "listening on" in line: return process
    sys.exit("the server did not start")

def post(body):
    request = urllib.request.Request(f"{base}/hooks/impactpbx?token={secret}", data=body.encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as r: return r.status
    except urllib.error.HTTPError as e: return e.code

def event(ref, action, stamp, number="+442035040000"):
    return json.dumps({"ref": ref, "recipient": "0035799123456", "caller_id_number": number, "ani": "1002",
                       "direction": "inbound", "call_start": "2020-01-29T07:45:19.000+00:00",
                       "duration": 4, "cause": "NORMAL_CLEARING", "timestamp": stamp, "action": action})

failures = []
def check(name, ok):
    print(("ok   " if ok else "FAIL ") + name)
    if not ok: failures.append(name)

server = serve()
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"   # Debian's, with its driver: nothing is fetched
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"]: options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    wait = WebDriverWait(driver, 5, poll_frequency=0.02)
    driver.get(base + "/console")
    wait.until(lambda d: d.find_element(By.ID, "status").text == "live")
    check("the page goes live", True)

    status = post(event("br-1", "ring", "2020-01-29T07:45:19.000+00:00", XSS))
    acknowledged = time.monotonic()
    check("the ring is stored (200)", status == 200)
    feed = lambda d: d.find_element(By.CSS_SELECTOR, "#feed tbody").text
    wait.until(lambda d: "call.ringing" in feed(d))
    shown = time.monotonic() - acknowledged
    check(f"the delivery is shown {shown * 1000:.0f} ms after its 200 (at most 1000)", shown <= 1.0)
    check("markup in a caller field is shown as text", XSS in feed(driver))
    check("and never made an element", not driver.find_elements(By.CSS_SELECTOR, "#feed img, #active img"))
    active = lambda d: d.find_element(By.CSS_SELECTOR, "#active tbody").text
    WebDriverWait(driver, 3, 0.05).until(lambda d: "br-1" in active(d))
    check("the call is in progress", True)

    check("the hangup is stored", post(event("br-1", "hangup", "2020-01-29T07:45:40.000+00:00")) == 200)
    WebDriverWait(driver, 3, 0.05).until(lambda d: "br-1" not in active(d))
    check("the call leaves in progress", True)

    # A PBX's call ids and caller names can be long: the panels stay as wide as the window,
    # the long text cut with its whole in the cell's title.
    long_ref = "br-long-" + "7f3a9c2e" * 12
    check("a call with a long id is stored", post(event(long_ref, "ring", "2020-01-29T07:45:50.000+00:00", "+44" + "2035040000" * 6)) == 200)
    WebDriverWait(driver, 3, 0.05).until(lambda d: "br-long-" in active(d))
    check("its whole id is the cell's title", any((c.get_attribute("title") or "").endswith(long_ref) for c in driver.find_elements(By.CSS_SELECTOR, "#active td")))
    wide = driver.execute_script(
        "return [...document.querySelectorAll('section')].filter(s => s.scrollWidth > s.clientWidth + 1).map(s => s.id || s.querySelector('h2').textContent)")
    check("no panel scrolls sideways with a long call id" + (f": {wide}" if wide else ""), not wide)
    check("the long call ends", post(event(long_ref, "hangup", "2020-01-29T07:45:55.000+00:00")) == 200)
    check("a malformed body is rejected", post('{"ref":"x","action":') == 422)
    WebDriverWait(driver, 3, 0.05).until(lambda d: d.find_element(By.CSS_SELECTOR, "#rejects tbody").text.strip() != "")
    check("the reject is shown", True)

    early = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    check("no console errors" + (f": {early}" if early else ""), not early)
    server.terminate(); server.wait(10)
    # Generous deadlines, waited on rather than slept: a sanitizer build starts and drains slowly.
    WebDriverWait(driver, 15, 0.05).until(lambda d: d.find_element(By.ID, "status").text != "live")
    server = serve()
    WebDriverWait(driver, 30, 0.05).until(lambda d: d.find_element(By.ID, "status").text.startswith("live"))
    check("the page reconnects after a restart", post(event("br-2", "ring", "2020-01-29T07:46:19.000+00:00")) == 200)
    WebDriverWait(driver, 3, 0.05).until(lambda d: "br-2" in active(d))
    check("and shows what comes after it", True)

    driver.save_screenshot(screenshot)
    # While the server was down the browser logs its failed reconnects; nothing else may appear.
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "ERR_CONNECTION_REFUSED" not in e["message"]]
    check("no console errors after the restart" + (f": {errors}" if errors else ""), not errors)
except Exception as error:
    failures.append(repr(error)); print("FAIL", repr(error))
    try: driver.save_screenshot(screenshot)
    except Exception: pass
finally:
    driver.quit()
    server.terminate()
sys.exit(1 if failures else 0)
