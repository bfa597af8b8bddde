// Drives Neo4j Browser in Debian's Chromium: connects over Bolt, sets the
// query parameters, runs one query and checks that the result shows the
// expected texts; saves a screenshot. Then, when the spec says so, loads
// diplograph's style and guide as an analyst would and checks them. Usage:
//   node browser.js SPEC.json
// SPEC: {url, bolt, user, password, params: [":param k => expr", ...], query,
//        expect: [...], screenshot,
//        style: {command: ":style URL", expect: [texts of the style frame]},
//        guide: {command: ":play URL", title, screenshot,
//                colors: {nodes: [...], relationships: [...]},
//                slide, expect: [...]},
//        favorites: {zip, folder, count}}
// Parameters use the => form, which Browser evaluates as Cypher on the
// server (date('2014-01-01') becomes a date, not a string).
// guide: the first slide must have the given title; its first runnable
// block (a graph) must draw nodes and relationships in the given colours;
// on the slide whose text contains `slide`, running the parameter block and
// then the query block (by their play icons) must show the expected texts.
// favorites: dropping the zip on the window must add `count` favourites in
// `folder`.
// Exit code 0 when every check passes, 1 otherwise.
const fs = require('fs');
const { chromium } = require('playwright-core');

(async () => {
  const started = Date.now();
  const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const failures = [];
  const passed = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(spec.url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-testid="boltaddress"]', { timeout: 60000 });
    await page.fill('[data-testid="boltaddress"]', spec.bolt);
    await page.fill('[data-testid="username"]', spec.user);
    await page.fill('[data-testid="password"]', spec.password);
    await page.click('[data-testid="connect"]');
    await page.waitForSelector('text=You are connected as user', { timeout: 60000 });

    const run = async (text) => {
      const editor = page.locator('[data-testid="activeEditor"] textarea').first();
      await editor.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(text);
      await page.keyboard.press('Control+Enter');
    };
    const shown = async (texts, what) => {
      for (const text of texts) {
        try {
          await page.waitForSelector(`text=${text}`, { timeout: 30000 });
          passed.push(`${what}: ${text}`);
        } catch (e) {
          failures.push(`${what}: ${text} not shown`);
        }
      }
    };

    for (const p of spec.params) {
      await run(p);
      await page.waitForTimeout(500);
    }
    await run(spec.query);
    await shown(spec.expect, 'query');
    await page.screenshot({ path: spec.screenshot });

    if (spec.style) {
      await run(':clear');
      await run(spec.style.command);
      await shown(spec.style.expect, 'style');
    }
    if (spec.guide) {
      await guide(page, run, shown, spec.guide, failures, passed);
    }
    if (spec.favorites) {
      await favorites(page, spec.favorites, failures, passed);
    }
  } finally {
    await browser.close();
  }
  if (failures.length > 0) {
    console.error('failed: ' + failures.join('; '));
    process.exitCode = 1;
  } else {
    console.log(`passed in ${Math.round((Date.now() - started) / 1000)}s: ` + passed.join('; '));
  }
})().catch((e) => { console.error(e); process.exitCode = 1; });

async function guide(page, run, shown, g, failures, passed) {
  await run(g.command);
  const carousel = page.locator('[data-testid="carousel"]').first();
  await carousel.waitFor({ timeout: 30000 });
  const title = (await carousel.locator('h1, h2, h3').first().innerText()).trim();
  if (title !== g.title) {
    failures.push(`guide: first slide is "${title}", want "${g.title}"`);
  } else {
    passed.push(`guide: first slide "${title}"`);
  }
  const frame = page.locator('[data-testid="frame"]').filter({ has: page.locator('[data-testid="carousel"]') }).first();
  await page.waitForTimeout(500); // the new frame slides in
  await frame.screenshot({ path: g.screenshot });

  // The first block draws states and their relations in the style's colours.
  await carousel.locator('pre.runnable i').first().click();
  try {
    await page.waitForSelector('svg g.node circle.b-outline', { timeout: 30000 });
    await page.waitForTimeout(1000); // let the layout draw every element
    const fills = async (sel) => page.$$eval(sel, (els) => els.map((e) => (e.getAttribute('fill') || '').toUpperCase()));
    const nodes = await fills('svg g.node circle.b-outline');
    const rels = await fills('svg g.relationship path.b-outline');
    for (const [what, want, got] of [['node', g.colors.nodes, nodes], ['relationship', g.colors.relationships, rels]]) {
      for (const c of want) {
        if (got.includes(c.toUpperCase())) {
          passed.push(`style: ${what} ${c}`);
        } else {
          failures.push(`style: no ${what} drawn in ${c} (drawn: ${[...new Set(got)].join(' ')})`);
        }
      }
    }
  } catch (e) {
    failures.push('guide: the first block drew no graph');
  }

  // A query slide: run the parameter block, then the query.
  for (let i = 0; i < 40 && !(await carousel.innerText()).includes(g.slide); i++) {
    await page.click('[data-testid="nextSlide"]');
  }
  if (!(await carousel.innerText()).includes(g.slide)) {
    failures.push(`guide: no slide shows ${g.slide}`);
    return;
  }
  const blocks = carousel.locator('pre.runnable');
  const params = (await blocks.nth(0).innerText()).trim().split('\n').length;
  await blocks.nth(0).locator('i').first().click();
  try {
    await page.waitForFunction((n) => document.querySelectorAll(
      '[data-testid="multi-statement-list-icon"][title="Status: success"]').length >= n, params, { timeout: 30000 });
    passed.push(`guide: ${params} parameters set`);
  } catch (e) {
    failures.push(`guide: the parameter block of ${g.slide} did not set ${params} parameters`);
  }
  await blocks.nth(1).locator('i').first().click();
  await shown(g.expect, `guide ${g.slide}`);
}

async function favorites(page, f, failures, passed) {
  const zip = fs.readFileSync(f.zip).toString('base64');
  await page.evaluate(({ zip, name }) => {
    const bin = Uint8Array.from(atob(zip), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bin], name, { type: 'application/zip' }));
    const target = document.querySelector('.filedrop');
    target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, dataTransfer: dt }));
  }, { zip, name: f.zip.split('/').pop() });
  await page.click('[data-testid="navigationFavorites"]');
  try {
    await page.click(`[data-testid="expandFolder-${f.folder}"]`, { timeout: 10000 });
    const n = await page.locator('[data-testid="savedScriptListItem"]').count();
    if (n >= f.count) {
      passed.push(`favorites: ${n} in ${f.folder}`);
    } else {
      failures.push(`favorites: ${n} in ${f.folder}, want ${f.count}`);
    }
  } catch (e) {
    failures.push(`favorites: no folder ${f.folder} after dropping the zip`);
  }
}
