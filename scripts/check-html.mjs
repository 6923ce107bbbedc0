#!/usr/bin/env node
/**
 * Check a report.html in a real headless browser (Debian's chromium): every <figure class="plot"> must hold an
 * inline <svg> that the browser lays out with a visible size and that draws at least one data mark (an element
 * of a vega `role-mark` group with a non-empty bounding box). Also saves a screenshot of the report.
 *
 * Usage: node scripts/check-html.mjs <report.html> [--screenshot out.png] [--width 1280] [--height 3000]
 * Exit codes: 0 every plot rendered; 1 some plot did not render (listed); 2 usage / no chromium
 * (install: apt-get install -y chromium; or set CHROMIUM=/path/to/chrome).
 *
 * How: a temporary copy of the page gets a small script at the end of <body> that measures each figure in the
 * live DOM and writes the measurements as JSON into <pre id="ntk-check">; `chromium --dump-dom` prints the DOM
 * after load, from which the JSON is read. The original page is screenshotted unmodified.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];
/** Smallest laid-out plot size accepted, CSS px (the report draws 420×260 plots plus axes). */
const MIN_PLOT_PX = 100;
const TIMEOUT_MS = 120_000;

function usage(msg) {
  process.stderr.write(`check-html: ${msg}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!file) usage('usage: node scripts/check-html.mjs <report.html> [--screenshot out.png]');
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const html = resolve(file);
if (!existsSync(html)) usage(`no such file: ${file}`);
const shot = opt('--screenshot', join(dirname(html), 'report.png'));
const width = Number(opt('--width', 1280));
const height = Number(opt('--height', 3000));

function findChromium() {
  const cands = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'].filter(Boolean);
  for (const c of cands) {
    const r = spawnSync('sh', ['-c', `command -v "${c}"`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  usage('no chromium found (apt-get install -y chromium, or set CHROMIUM)');
}
const chromium = findChromium();

const PROBE = `<script>
(function () {
  var out = [];
  document.querySelectorAll('figure.plot').forEach(function (fig) {
    var svg = fig.querySelector('svg');
    var r = { name: fig.getAttribute('data-plot'), svg: !!svg, isSvgElement: false, width: 0, height: 0, marks: 0 };
    if (svg) {
      r.isSvgElement = svg.namespaceURI === 'http://www.w3.org/2000/svg' && typeof svg.getBBox === 'function';
      var b = svg.getBoundingClientRect();
      r.width = Math.round(b.width); r.height = Math.round(b.height);
      svg.querySelectorAll('g.role-mark > *').forEach(function (el) {
        if (typeof el.getBBox !== 'function') return;
        var bb = el.getBBox();
        if (bb.width > 0 || bb.height > 0) r.marks++;
      });
    }
    out.push(r);
  });
  var pre = document.createElement('pre'); pre.id = 'ntk-check';
  pre.textContent = JSON.stringify({ figures: out, title: document.title });
  document.body.appendChild(pre);
})();
</script>`;

const work = mkdtempSync(join(tmpdir(), 'ntk-check-'));
try {
  const src = readFileSync(html, 'utf8');
  const expected = (src.match(/<figure class="plot"/g) ?? []).length;
  if (/\b(src|href)=["']https?:/i.test(src)) process.stderr.write('check-html: warning: the page references the network\n');
  const probe = join(dirname(html), `.ntk-check-${basename(html)}`);
  writeFileSync(probe, src.replace(/<\/body>/i, `${PROBE}</body>`));
  let dom;
  try {
    dom = execFileSync(chromium, [...FLAGS, `--user-data-dir=${join(work, 'profile')}`, '--dump-dom', pathToFileURL(probe).href], {
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      maxBuffer: 256 * 2 ** 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } finally {
    rmSync(probe, { force: true });
  }
  const m = /<pre id="ntk-check">([\s\S]*?)<\/pre>/.exec(dom);
  if (!m) {
    process.stderr.write('check-html: the probe did not run (no #ntk-check in the dumped DOM)\n');
    process.exit(1);
  }
  const text = m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const { figures, title } = JSON.parse(text);
  const bad = figures.filter((f) => !(f.svg && f.isSvgElement && f.width >= MIN_PLOT_PX && f.height >= MIN_PLOT_PX && f.marks > 0));
  execFileSync(chromium, [...FLAGS, `--user-data-dir=${join(work, 'profile2')}`, `--window-size=${width},${height}`, `--screenshot=${shot}`, pathToFileURL(html).href], {
    timeout: TIMEOUT_MS,
    stdio: 'ignore',
  });
  process.stdout.write(`check-html: ${title}\n`);
  for (const f of figures) process.stdout.write(`  ${bad.includes(f) ? 'FAIL' : 'ok  '} ${f.name}: ${f.width}×${f.height} px, ${f.marks} marks\n`);
  process.stdout.write(`check-html: ${figures.length - bad.length}/${expected} plots rendered in ${basename(chromium)}; screenshot ${shot}\n`);
  process.exit(bad.length === 0 && figures.length === expected ? 0 : 1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
