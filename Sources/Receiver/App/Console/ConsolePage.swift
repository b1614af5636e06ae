/// `GET /console` (Documentation.docc/Live.md, "The console"): one page, its script and its styles,
/// all served by the binary so it works with no internet. The script is a file of its own
/// (`/console/console.js`) because the page's `Content-Security-Policy: default-src 'self'` forbids
/// inline script. Every payload reaches the page through `textContent`, never as HTML.
enum ConsolePage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>callhook console</title>
        <link rel="stylesheet" href="/console/console.css">
        <link rel="icon" href="/console/favicon.ico">
        <script src="/console/console.js" defer></script>
        </head>
        <body>
        <header>
          <h1>callhook</h1>
          <span id="status" class="status">connecting</span>
          <input id="filter" type="search" placeholder="filter: vendor, type, number" aria-label="filter">
          <button id="pause" type="button">Pause</button>
          <span id="buffered"></span>
        </header>
        <main>
          <section id="numbers-section"><h2>Today</h2>
            <table id="numbers"><thead><tr><th>vendor</th><th>calls</th><th>answered</th><th>missed</th><th>answer rate</th><th>avg talk</th></tr></thead><tbody></tbody></table>
          </section>
          <section id="active-section"><h2>In progress <span id="active-count">0</span></h2>
            <table id="active"><thead><tr><th>call</th><th>state</th><th>from</th><th>to</th><th>ext</th><th>started</th></tr></thead><tbody></tbody></table>
          </section>
          <section id="feed-section"><h2>Deliveries</h2>
            <table id="feed"><thead><tr><th>time</th><th>vendor</th><th>type</th><th>direction</th><th>from → to</th><th>outcome</th></tr></thead><tbody></tbody></table>
          </section>
          <section id="rejects-section"><h2>Rejects</h2>
            <table id="rejects"><thead><tr><th>time</th><th>route</th><th>error</th></tr></thead><tbody></tbody></table>
          </section>
        </main>
        <pre id="detail" hidden></pre>
        </body>
        </html>
        """

    static let css = """
        body { font: 13px/1.4 system-ui, sans-serif; margin: 0; color: #1b1f24; background: #f6f7f9; }
        header { display: flex; gap: 12px; align-items: center; padding: 8px 16px; background: #1b1f24; color: #fff; }
        h1 { font-size: 16px; margin: 0; }
        h2 { font-size: 14px; margin: 8px 0; }
        .status { padding: 2px 8px; border-radius: 8px; background: #8a6d00; }
        .status.live { background: #1f7a3a; }
        .status.down { background: #a12622; }
        main { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; padding: 12px 16px; }
        #feed-section { grid-column: 1 / -1; }   /* the deliveries, the widest rows, across the page */
        section { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; padding: 8px; overflow: auto; max-height: 42vh; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 2px 5px; border-bottom: 1px solid #eef0f3; white-space: nowrap; }
        td > span { display: inline-block; max-width: 11em; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom; }
        td.wide > span { max-width: 24em; }
        td.widest > span { max-width: 30em; }
        tr.event { cursor: pointer; }
        tr.reject td { color: #a12622; }
        #detail { position: fixed; right: 16px; bottom: 16px; width: 45vw; max-height: 40vh; overflow: auto;
                  background: #fff; border: 1px solid #888; padding: 8px; white-space: pre-wrap; word-break: break-all; }
        """

    static let script = #"""
        "use strict";
        // The console: /stream for events (EventSource resumes with Last-Event-ID by itself),
        // /calls/active and /calls/summary for the panels. Text only: textContent, never HTML.
        (function () {
          const MAX_ROWS = 200;
          const el = (id) => document.getElementById(id);
          let paused = false, held = [];

          // A long id or name is cut to the cell's width (the CSS; `size` "wide" or "widest" for
          // the columns that hold two numbers or a message), whole in the title.
          function cell(row, text, size) {
            const td = document.createElement("td"), span = document.createElement("span");
            if (size) td.className = size;
            span.textContent = text == null ? "-" : String(text);
            if (span.textContent.length > 20) td.title = span.textContent;
            td.appendChild(span);
            row.appendChild(td);
          }
          function clock(t) { return t ? String(t).replace("T", " ").replace("Z", "").slice(11, 23) : "-"; }
          function party(p) { return p ? (p.number || p.name || "-") : "-"; }
          function matches(text) {
            const f = el("filter").value.trim().toLowerCase();
            return !f || text.toLowerCase().includes(f);
          }
          function prepend(tbody, row) {
            tbody.insertBefore(row, tbody.firstChild);
            while (tbody.rows.length > MAX_ROWS) tbody.deleteRow(-1);
          }
          function showDetail(text) {
            const d = el("detail");
            d.textContent = text;
            d.hidden = false;
          }

          function addEvent(data) {
            let e;
            try { e = JSON.parse(data); } catch (_) { return; }
            const row = document.createElement("tr");
            row.className = "event";
            row.dataset.search = [e.vendor, e.type, party(e.from), party(e.to), e.from && e.from.name, e.call_id].join(" ");
            cell(row, clock(e.received_at)); cell(row, e.vendor); cell(row, e.type); cell(row, e.direction);
            cell(row, party(e.from) + (e.from && e.from.name ? " (" + e.from.name + ")" : "") + " → " + party(e.to), "wide");
            cell(row, e.outcome);
            row.addEventListener("click", () => showDetail(JSON.stringify(e, null, 2)));
            row.hidden = !matches(row.dataset.search);
            prepend(el("feed").tBodies[0], row);
            scheduleRefresh();
          }
          function addReject(data) {
            let r;
            try { r = JSON.parse(data); } catch (_) { r = { error: data }; }
            const row = document.createElement("tr");
            row.className = "reject";
            cell(row, clock(r.received_at)); cell(row, r.route); cell(row, r.error, "widest");
            row.addEventListener("click", () => showDetail(JSON.stringify(r, null, 2)));
            prepend(el("rejects").tBodies[0], row);
          }
          function handle(kind, data) {
            if (paused) { held.push([kind, data]); el("buffered").textContent = held.length + " held"; return; }
            kind === "reject" ? addReject(data) : addEvent(data);
          }

          function connect(path, kind) {
            const source = new EventSource(path);
            source.onopen = () => { el("status").textContent = "live"; el("status").className = "status live"; refresh(); };
            source.onerror = () => { el("status").textContent = "reconnecting"; el("status").className = "status down"; };
            source.onmessage = (m) => handle(kind, m.data);
            ["call.initiated", "call.ringing", "call.answered", "call.hold", "call.unhold", "call.dtmf", "call.missed",
             "call.hangup", "call.failed", "sms.received", "queue.wrapup", "unknown"].forEach((t) =>
              source.addEventListener(t, (m) => handle(kind, m.data)));
            source.addEventListener("reject", (m) => handle("reject", m.data));
            source.addEventListener("gap", () => { el("status").textContent = "live (some events were rotated away)"; });
            // `lag`: the server closed us for falling behind; EventSource reconnects with Last-Event-ID.
            source.addEventListener("lag", () => {});
            return source;
          }

          async function getJSON(path) {
            const r = await fetch(path, { credentials: "same-origin", cache: "no-store" });
            if (!r.ok) throw new Error(path + ": " + r.status);
            return r.json();
          }
          function todayStart() { const d = new Date(); d.setUTCHours(0, 0, 0, 0); return d.toISOString(); }
          function talk(s) { if (s == null) return "-"; s = Math.round(s); return s >= 60 ? Math.floor(s / 60) + "m" + String(s % 60).padStart(2, "0") + "s" : s + "s"; }
          let timer = null;
          function scheduleRefresh() { if (!timer) timer = setTimeout(() => { timer = null; refresh(); }, 150); }
          async function refresh() {
            try {
              const calls = await getJSON("/calls/active");
              const tbody = el("active").tBodies[0];
              tbody.replaceChildren();
              calls.forEach((c) => {
                const row = document.createElement("tr");
                row.dataset.call = c.call;
                cell(row, c.call); cell(row, c.state); cell(row, c.from); cell(row, c.to); cell(row, c.extension); cell(row, clock(c.started_at));
                tbody.appendChild(row);
              });
              el("active-count").textContent = String(calls.length);
              const summary = await getJSON("/calls/summary?by=vendor&since=" + encodeURIComponent(todayStart()));
              const body = el("numbers").tBodies[0];
              body.replaceChildren();
              summary.groups.forEach((g) => {
                const row = document.createElement("tr");
                cell(row, g.group); cell(row, g.calls); cell(row, g.answered); cell(row, g.missed);
                cell(row, g.answer_rate == null ? "-" : (g.answer_rate * 100).toFixed(1) + "%");
                cell(row, talk(g.talk_seconds_average));
                body.appendChild(row);
              });
            } catch (_) { /* the stream's status shows the connection; try again on the next event */ }
          }

          document.addEventListener("DOMContentLoaded", () => {
            el("pause").addEventListener("click", () => {
              paused = !paused;
              el("pause").textContent = paused ? "Resume" : "Pause";
              if (!paused) { const h = held; held = []; el("buffered").textContent = ""; h.forEach(([k, d]) => handle(k, d)); }
            });
            el("filter").addEventListener("input", () => {
              for (const row of el("feed").tBodies[0].rows) row.hidden = !matches(row.dataset.search || "");
            });
            el("detail").addEventListener("click", () => { el("detail").hidden = true; });
            connect("/stream", "event");
            connect("/stream?log=rejects", "reject");
            refresh();
            setInterval(refresh, 5000);
          });
        })();
        """#
}
