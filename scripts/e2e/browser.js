// Drives Neo4j Browser in Debian's Chromium: connects over Bolt, sets the
// query parameters, runs one query and checks that the result shows the
// expected texts; saves a screenshot. Usage:
//   node browser.js SPEC.json
// SPEC: {url, bolt, user, password, params: [":param k => expr", ...], query,
//        expect: [...], screenshot}
// Parameters use the => form, which Browser evaluates as Cypher on the
// server (date('2014-01-01') becomes a date, not a string).
// Exit code 0 when every expected text is shown, 1 otherwise.
const fs = require('fs');
const { chromium } = require('playwright-core');

(async () => {
  const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
    for (const p of spec.params) {
      await run(p);
      await page.waitForTimeout(500);
    }
    await run(spec.query);
    const missing = [];
    for (const text of spec.expect) {
      try {
        await page.waitForSelector(`text=${text}`, { timeout: 30000 });
      } catch (e) {
        missing.push(text);
      }
    }
    await page.screenshot({ path: spec.screenshot });
    if (missing.length > 0) {
      console.error('not shown: ' + missing.join(', '));
      process.exitCode = 1;
    } else {
      console.log('shown: ' + spec.expect.join(', '));
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exitCode = 1; });
