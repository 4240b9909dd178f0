// Issue 7's UI figures, measured in Debian's Chromium (Playwright) against `auditdesk serve` on a copy
// of a benchmark vault: the first page of the Trail within 1 s of opening the UI; a filter change or
// a search answered and drawn within 300 ms; no frame slower than 50 ms while scrolling 10,000 rows;
// the page's memory under 200 MB after scrolling 100,000 rows. Measured twice: right after opening
// (the background review indexer still catching up: search covers part of the vault) and after it
// has caught up (how long that takes is reported too). Uses the built binary (npm run build).
// Usage: node bench/ui.bench.mjs [--records 100000] [--vault PATH] [--work DIR] [--skip-caught-up]
/* global window, document, requestAnimationFrame, MutationObserver */ // in-page probes below run in Chromium
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'auditdesk.cjs');
const { values } = parseArgs({
  options: { records: { type: 'string' }, vault: { type: 'string' }, work: { type: 'string' }, 'skip-caught-up': { type: 'boolean' } },
});
const records = Number(values.records ?? 1_000_000);
const source = values.vault ?? `/tmp/auditdesk-bench/${records}/bench.vault`;
const work = values.work ?? `/tmp/auditdesk-bench-ui/${records}`;
const PASSPHRASE = 'bench passphrase';
const SCROLL_ROWS = 10_000;
const MEMORY_ROWS = 100_000;

// A fresh copy each run: the first open is what is measured, and the indexer writes to the vault.
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const vault = path.join(work, 'bench.vault');
if (!fs.existsSync(source)) throw new Error(`no vault at ${source}: run node bench/engine.mjs first, or pass --vault`);
for (const suffix of ['', '.signing-key']) if (fs.existsSync(source + suffix)) fs.copyFileSync(source + suffix, vault + suffix);
execFileSync('sync');

const server = spawn(process.execPath, [bin, 'serve', vault, '--port', '0', '--idle-lock', '0'], {
  env: { ...process.env, AUDITDESK_PASSPHRASE: PASSPHRASE },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const line = out.split('\n').find((l) => l.startsWith('http://'));
    if (line) resolve(line.trim());
  });
  server.on('exit', (code) => reject(new Error(`serve exited (${code})`)));
});
const openedAt = performance.now();
const origin = new URL(url).origin;
const token = new URL(url).searchParams.get('token');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

async function call(route, body) {
  const response = await fetch(`${origin}/api/ui/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return (await response.json()).value;
}

/** What the backend says about the search index: {indexed, total}. */
const coverage = async () => (await call('trail.list', { q: 'tenant', limit: 1 })).search;
const newest = (await call('trail.list', { limit: 1 })).rows[0].timestamp;

// In the page: the time from the user's change (the input event's own timestamp) until the Trail has
// answered it and drawn the new rows (a new grid, not busy, then the frame after it is painted).
function installProbe() {
  window.__trailAnswered = () =>
    new Promise((resolve) => {
      const shown = () => document.querySelector('[data-testid=trail-grid], .trail-screen .state-empty, .trail-screen .state-error');
      const before = shown();
      let started = null;
      // change: a menu or date; submit, Enter or Escape: the search box; click: a button.
      const events = ['change', 'submit', 'click', 'keydown'];
      const onInput = (e) => {
        if (e.type !== 'keydown' || e.key === 'Enter' || e.key === 'Escape') started ??= e.timeStamp;
      };
      events.forEach((type) => document.addEventListener(type, onInput, true));
      const settled = () => {
        const now = shown();
        return started !== null && now && now !== before && now.getAttribute('aria-busy') !== 'true';
      };
      const observer = new MutationObserver(() => {
        if (!settled()) return;
        observer.disconnect();
        events.forEach((type) => document.removeEventListener(type, onInput, true));
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const grid = document.querySelector('[data-testid=trail-grid]');
            resolve({ ms: performance.now() - started, rows: grid ? grid.querySelectorAll('.grid-body [role=row]').length : 0 });
          }),
        );
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    });

  // Rows are 34 px high (renderer/src/trail/TrailGridRow.tsx). Scrolls the grid down `rows` rows, `perFrame` rows a frame (waiting at the end of what is loaded
  // for the next page), and records every frame's duration: requestAnimationFrame deltas and the
  // long animation frames Chromium reports.
  window.__scrollTrail = (rows, perFrame) =>
    new Promise((resolve) => {
      const grid = document.querySelector('[data-testid=trail-grid]');
      const deltas = [];
      const long = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e)));
      observer.observe({ type: 'long-animation-frame', buffered: false });
      const target = rows * 34;
      let last = performance.now();
      let stalled = 0;
      const step = (now) => {
        deltas.push(now - last);
        last = now;
        const room = grid.scrollHeight - grid.clientHeight - grid.scrollTop;
        if (grid.scrollTop >= target || stalled > 600) {
          observer.disconnect();
          // Where each long frame went: script (and whose), style and layout, or painting.
          const where = long.map((e) => ({
            ms: Math.round(e.duration),
            script: Math.round(e.scripts.reduce((t, x) => t + x.duration, 0)),
            layout: Math.round(e.startTime + e.duration - (e.styleAndLayoutStart || e.startTime + e.duration)),
            invokers: e.scripts.map((x) => `${x.invoker} ${Math.round(x.duration)}`).join('; '),
          }));
          resolve({ deltas, long: where, scrolledRows: Math.round(grid.scrollTop / 34), stalled: stalled > 600 });
          return;
        }
        if (room > 0) {
          grid.scrollTop = Math.min(target, grid.scrollTop + perFrame * 34);
          stalled = 0;
        } else stalled++;
        requestAnimationFrame(step);
      };
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(step);
      });
    });

  // Jumps to the end of what is loaded until `rows` rows are loaded (pages arrive as the end nears).
  window.__loadRows = (rows) =>
    new Promise((resolve) => {
      const grid = document.querySelector('[data-testid=trail-grid]');
      const started = performance.now();
      const tick = () => {
        grid.scrollTop = grid.scrollHeight;
        if (grid.scrollTop / 34 >= rows || performance.now() - started > 600_000) resolve(Math.round(grid.scrollTop / 34));
        else setTimeout(tick, 16);
      };
      tick();
    });
}

const FILTERS = [
  ['tenant', 'Tenant'],
  ['operation', 'Operation'],
  ['resource type', 'Resource type'],
  ['framework', 'Framework'],
  ['classification', 'Classification'],
  ['sensitive', 'Sensitive'],
  ['kind', 'Kind'],
];

async function measureOnce(label) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(installProbe);
  const figures = { label };

  // Opening the UI at the Trail: navigation start to the first page of rows drawn.
  await page.goto(`${url}#/trail`);
  await page.locator('[data-testid=trail-grid][aria-busy=false] .grid-body [role=row]').first().waitFor();
  figures.firstPage = await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))),
  );
  figures.firstPageRss = rendererRss(browser);
  const searchNote = await page.getByTestId('trail-count').textContent();
  figures.searchNote = /search covers (.*) while indexing/.exec(searchNote ?? '')?.[1] ?? 'all records';

  const answered = async (name, act) => {
    await page.waitForTimeout(300); // let the previous view's background count settle a moment, as a person would
    const probe = page.evaluate(() => window.__trailAnswered());
    await act();
    const { ms, rows } = await probe;
    if (process.env.UI_BENCH_DEBUG) console.error(label, name, Math.round(ms), rows);
    return { name, ms, rows };
  };
  const reset = () => answered('reset', () => page.getByRole('button', { name: /^Clear \d+ filter/ }).first().click());
  const changes = [];
  const choose = async (label, select) => {
    const options = await page.getByRole('combobox', { name: select, exact: true }).locator('option').allTextContents();
    const value = select === 'Sensitive' ? 'yes' : select === 'Kind' ? 'violation' : options.find((o) => o !== 'Any');
    changes.push(await answered(`${label} = ${value}`, () => page.getByRole('combobox', { name: select, exact: true }).selectOption(value)));
    await reset();
  };
  for (const [name, select] of FILTERS) await choose(name, select);
  const someUser = await page.locator('.grid-body [role=row] .col-user').nth(3).textContent();
  changes.push(
    await answered(`user = ${someUser}`, async () => {
      await page.getByRole('textbox', { name: 'User', exact: true }).fill(someUser);
      await page.getByRole('textbox', { name: 'User', exact: true }).press('Enter');
    }),
  );
  await reset();
  // The last week of the vault's records, from the newest record's day.
  const last = new Date(newest);
  const day = (daysBack) => new Date(last.getTime() - daysBack * 86_400_000).toISOString().slice(0, 10);
  changes.push(await answered(`from ${day(6)}`, () => page.getByLabel('From date').fill(day(6))));
  changes.push(await answered(`date range ${day(6)} to ${day(2)}`, () => page.getByLabel('To date').fill(day(2))));
  await reset();
  for (const words of ['journal_entry', 'invoice 42', 'svc-billing']) {
    changes.push(await answered(`search "${words}"`, () => page.getByRole('searchbox', { name: 'Search the trail' }).fill(words).then(() =>
      page.getByRole('searchbox', { name: 'Search the trail' }).press('Enter'))));
    const clear = page.evaluate(() => window.__trailAnswered());
    await page.getByRole('searchbox', { name: 'Search the trail' }).press('Escape');
    await clear.catch(() => undefined);
  }
  // Filters on top of each other: the view narrows step by step.
  for (const [name, select] of [['tenant', 'Tenant'], ['operation', 'Operation']]) {
    const value = (await page.getByRole('combobox', { name: select, exact: true }).locator('option').allTextContents()).find((o) => o !== 'Any');
    changes.push(await answered(`+ ${name} = ${value}`, () => page.getByRole('combobox', { name: select, exact: true }).selectOption(value)));
  }
  changes.push(await answered('+ sensitive = yes', () => page.getByRole('combobox', { name: 'Sensitive', exact: true }).selectOption('yes')));
  await reset();
  figures.changes = changes;

  // Scrolling 10,000 rows, 10 rows a frame (a fast fling: ~20,000 px/s).
  await page.goto(`${origin}/#/trail`);
  await page.locator('[data-testid=trail-grid][aria-busy=false] .grid-body [role=row]').first().waitFor();
  const scroll = await page.evaluate(({ rows }) => window.__scrollTrail(rows, 10), { rows: SCROLL_ROWS });
  const sorted = [...scroll.deltas].sort((a, b) => a - b);
  figures.scroll = {
    rows: scroll.scrolledRows,
    frames: scroll.deltas.length,
    worst: sorted.at(-1),
    p99: sorted[Math.floor(sorted.length * 0.99)],
    over50: scroll.deltas.filter((d) => d > 50).length,
    longFrames: scroll.long.length,
    worstLong: Math.max(0, ...scroll.long.map((e) => e.ms)),
  };
  if (process.env.UI_BENCH_DEBUG) console.error(JSON.stringify(scroll.long.sort((a, b) => b.ms - a.ms).slice(0, 8), null, 1));

  // Memory after 100,000 rows: the JS heap (after a forced GC, and as found) and the DOM's size.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const loadStarted = performance.now();
  const loaded = await page.evaluate(({ rows }) => window.__loadRows(rows), { rows: MEMORY_ROWS });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? NaN;
  const heapAsFound = await metric('JSHeapUsedSize');
  await cdp.send('HeapProfiler.collectGarbage');
  figures.memory = {
    rows: loaded,
    loadSeconds,
    heapAsFound,
    heapAfterGc: await metric('JSHeapUsedSize'),
    heapTotal: await metric('JSHeapTotalSize'),
    nodes: await metric('Nodes'),
    rendererRss: rendererRss(browser),
  };
  await context.close();
  return figures;
}

/** Resident memory of the largest renderer process under this browser (Linux /proc). */
function rendererRss(b) {
  const browserPid = b.process?.()?.pid;
  let best = NaN;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || (browserPid && !descendsFrom(pid, browserPid))) continue;
      const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;
      if (!(rss <= best)) best = rss;
    } catch {
      // gone meanwhile
    }
  }
  return best;
}

function descendsFrom(pid, ancestor) {
  for (let p = Number(pid), hops = 0; p > 1 && hops < 10; hops++) {
    if (p === ancestor) return true;
    p = Number(/PPid:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  }
  return false;
}

const runs = [];
const atOpen = await coverage();
runs.push(await measureOnce(`right after opening (search covers ${atOpen.indexed.toLocaleString('en')} of ${atOpen.total.toLocaleString('en')})`));
let caughtUpSeconds = null;
if (!values['skip-caught-up']) {
  for (;;) {
    const c = await coverage();
    if (c.indexed >= c.total) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  caughtUpSeconds = (performance.now() - openedAt) / 1000;
  runs.push(await measureOnce('after the indexer caught up'));
}
await browser.close();
server.kill('SIGTERM');

const ms = (v) => `${Math.round(v)} ms`;
const mb = (v) => `${(v / 1e6).toFixed(1)} MB`;
const lines = [`UI on ${records.toLocaleString('en')} records (${source})`, ''];
for (const f of runs) {
  const worst = f.changes.reduce((a, b) => (b.ms > a.ms ? b : a));
  lines.push(`### ${f.label}`, '', '| figure | measured | target |', '|---|---|---|');
  lines.push(`| first page of the Trail after opening the UI | ${ms(f.firstPage)} | ≤ 1,000 ms |`);
  for (const c of f.changes) lines.push(`| ${c.name} | ${ms(c.ms)} (${c.rows} rows drawn) | ≤ 300 ms |`);
  lines.push(`| slowest filter change or search | ${ms(worst.ms)} (${worst.name}) | ≤ 300 ms |`);
  lines.push(
    `| scrolling ${f.scroll.rows.toLocaleString('en')} rows (${f.scroll.frames} frames) | slowest frame ${ms(f.scroll.worst)}, p99 ${ms(f.scroll.p99)}, ${f.scroll.over50} over 50 ms; ${f.scroll.longFrames} long animation frames (worst ${ms(f.scroll.worstLong)}) | no frame > 50 ms |`,
  );
  lines.push(
    `| memory after loading ${f.memory.rows.toLocaleString('en')} rows (${f.memory.loadSeconds.toFixed(1)} s) | JS heap ${mb(f.memory.heapAfterGc)} after GC (${mb(f.memory.heapAsFound)} before), renderer RSS ${mb(f.memory.rendererRss)} (${mb(f.firstPageRss)} at the first page), ${f.memory.nodes} DOM nodes | < 200 MB |`,
  );
  lines.push('');
}
if (caughtUpSeconds !== null) lines.push(`The review indexer caught up ${caughtUpSeconds.toFixed(0)} s after serve opened the vault.`);
console.log(lines.join('\n'));
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', `ui-${records}.md`), lines.join('\n') + '\n');
