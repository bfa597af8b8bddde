// Opens diplograph's HTML chart pages in Debian's Chromium with the network
// off and reports, per page, whether ECharts drew the chart. Run by
// chart/browser_test.go, which makes the assertions. Usage:
//   node chart.js SPEC.json
// SPEC: {pages: [{file: "/abs/page.html", id: "chart element id",
//                  colors: ["#rrggbb", ...], region: [x0, y0, x1, y1], screenshot}]}
// region (CSS pixels of the chart, default: all of it) is where the colours
// are counted, e.g. the plot area without the legend.
// Each page is opened as a file:// URL in a fresh context that is offline
// and aborts every request that is not file: (http, https, ws, data from the
// network ...). Printed on stdout, one JSON object:
//   {pages: [{file, echarts: version or null, instance: bool, series: n,
//             canvas: [w, h] or null, inked: n painted pixels,
//             colors: {"#rrggbb": n pixels of about that colour},
//             settled: bool, blocked: [aborted URLs], errors: [page errors]}]}
// A page with an ECharts instance is read once it has painted and its
// animations (and force layout) have finished, so that every element is
// drawn; one without is reported at once. The wait is a hang guard only
// (60 s); when it runs out the page is read as it is, with settled: false.
const fs = require('fs');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

(async () => {
  const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  try {
    for (const p of spec.pages) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
      await context.setOffline(true);
      const blocked = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) {
          return route.continue();
        }
        blocked.push(url);
        return route.abort('internetdisconnected');
      });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('requestfailed', (r) => {
        if (!blocked.includes(r.url()) && !r.url().startsWith('file:')) {
          blocked.push(r.url());
        }
      });
      await page.goto(pathToFileURL(p.file).href, { waitUntil: 'load', timeout: 60000 });
      const state = () => page.evaluate(({ id, colors, region }) => {
        const out = { echarts: null, instance: false, series: 0, canvas: null, inked: 0, colors: {} };
        if (typeof echarts === 'undefined') {
          return out;
        }
        out.echarts = echarts.version;
        const el = document.getElementById(id);
        const inst = el && echarts.getInstanceByDom(el);
        if (!inst) {
          return out;
        }
        out.instance = true;
        out.series = (inst.getOption().series || []).length;
        const c = el.querySelector('canvas');
        if (!c) {
          return out;
        }
        out.canvas = [c.width, c.height];
        if (c.width === 0 || c.height === 0) {
          return out;
        }
        const want = colors.map((h) => [h, parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)]);
        for (const [h] of want) {
          out.colors[h] = 0;
        }
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const k = c.width / el.clientWidth;
        const [x0, y0, x1, y1] = (region || [0, 0, el.clientWidth, el.clientHeight]).map((v) => v * k);
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] === 0) {
            continue;
          }
          out.inked++;
          const x = (i / 4) % c.width;
          const y = Math.floor(i / 4 / c.width);
          if (x < x0 || x >= x1 || y < y0 || y >= y1) {
            continue;
          }
          for (const [h, r, g, b] of want) {
            if (Math.abs(d[i] - r) <= 8 && Math.abs(d[i + 1] - g) <= 8 && Math.abs(d[i + 2] - b) <= 8) {
              out.colors[h]++;
            }
          }
        }
        return out;
      }, { id: p.id, colors: p.colors || [], region: p.region || null });
      let s = await state();
      s.settled = false;
      if (s.instance) {
        try {
          await page.waitForFunction((id) => {
            const el = document.getElementById(id);
            const inst = echarts.getInstanceByDom(el);
            const c = el.querySelector('canvas');
            if (!c || c.width === 0 || c.height === 0 || !inst.getZr().animation.isFinished()) {
              return false;
            }
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < d.length; i += 4) {
              if (d[i] !== 0) {
                return true;
              }
            }
            return false;
          }, p.id, { timeout: 60000, polling: 'raf' });
          s.settled = true;
        } catch (e) {
          // read as it is: settled stays false
        }
        s = { ...(await state()), settled: s.settled };
      }
      if (p.screenshot) {
        await page.screenshot({ path: p.screenshot });
      }
      results.push({ file: p.file, ...s, blocked, errors });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify({ pages: results }));
})().catch((e) => { console.error(e); process.exitCode = 1; });
