// The HTML report and the rulebook in a real headless browser (Debian chromium, installed by .ci/run,
// driven by playwright-core): the content renders, the numbers equal --format json, nothing is
// fetched from the network, and both print to A4 PDF. PDFs and screenshots go to test-output/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_AS_OF, ROOT, rules, xuncha } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = `${ROOT}test-output`;
// Skipped only on a developer machine without chromium; in CI a missing browser must fail.
const skip = !existsSync(CHROMIUM) && !process.env['CI'];

type Severity = 'violation' | 'advisory' | 'pending';
interface JsonFinding { rule: string; agency: string; severity: Severity; due: string | null; left: number | null; counting: string | null }

describe.skipIf(skip)('in headless chromium', () => {
  let browser: Browser;
  const json = JSON.parse(xuncha(['check', DEMO, '--as-of', DEMO_AS_OF, '--format', 'json']).stdout) as {
    summary: Record<Severity, number>; findings: JsonFinding[];
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/demo-report.html`, output(['check', DEMO, '--as-of', DEMO_AS_OF, '--format', 'html'], 1));
    writeFileSync(`${OUT}/rulebook.html`, output(['rulebook'], 0));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => { await browser?.close(); });

  /** The CLI's stdout, or a clear failure instead of a page that never renders. */
  function output(args: string[], code: number): string {
    const r = xuncha(args);
    if (r.code !== code) throw new Error(`xuncha ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  }

  /** Open a file, recording every request the page makes. */
  async function open(name: string): Promise<{ page: Page; url: string; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const requests: string[] = [];
    page.on('request', (r) => { requests.push(r.url()); });
    const url = pathToFileURL(`${OUT}/${name}`).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests };
  }

  async function printAndShoot(page: Page, base: string) {
    await page.screenshot({ path: `${OUT}/${base}.png`, fullPage: false });
    const pdf = await page.pdf({ format: 'A4', path: `${OUT}/${base}.pdf`, printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }

  it('the demo report shows the summary, findings with explanations and the 督办清单; its numbers equal --format json', async () => {
    const { page, url, requests } = await open('demo-report.html');
    await expect(page.locator('h1').innerText()).resolves.toBe('巡察协作事项合规检查报告');
    for (const k of ['violation', 'advisory', 'pending'] as const) {
      expect(Number(await page.locator(`[data-summary="${k}"]`).innerText())).toBe(json.summary[k]);
    }
    // Per agency, the summary table equals the JSON findings counted by agency.
    for (const row of await page.locator('table.summary tr[data-agency]').all()) {
      const agency = (await row.getAttribute('data-agency'))!;
      for (const k of ['violation', 'advisory', 'pending'] as const) {
        const expected = json.findings.filter((f) => f.agency === agency && f.severity === k).length;
        expect(Number(await row.locator(`[data-count="${k}"]`).innerText()), `${agency} ${k}`).toBe(expected);
      }
    }
    const agencies = new Set(json.findings.map((f) => f.agency));
    expect(await page.locator('table.summary tr[data-agency]').count()).toBeGreaterThanOrEqual(agencies.size);

    // Every finding is rendered; a dated one shows how its due date was counted, holidays named.
    expect(await page.locator('article.finding').count()).toBe(json.findings.length);
    const late = json.findings.find((f) => f.rule === 'shenjiju.inquiry.answer')!;
    const counting = page.locator('article[data-rule="shenjiju.inquiry.answer"] [data-counting]').first();
    await expect(counting.isVisible()).resolves.toBe(true);
    expect(await counting.innerText()).toBe(late.counting);
    expect(late.counting).toContain('清明节');

    // 督办清单: the pending duties, soonest first, those within 3 workdays marked 临期.
    const pending = json.findings.filter((f) => f.severity === 'pending').sort((a, b) => a.due!.localeCompare(b.due!));
    const rows = page.locator('table.pending tr[data-pending]');
    expect(await rows.count()).toBe(json.summary.pending);
    const dues = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-due')));
    expect(dues).toEqual(pending.map((f) => f.due));
    const soon = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('.soon-mark')?.textContent ?? ''));
    expect(soon).toEqual(pending.map((f) => (f.left! <= 3 ? '临期' : '')));
    expect(soon).toContain('临期');

    // The accountability clause is quoted in full.
    const clause = rules.rulesets[0]!.articles.find((a) => a.id === '三(三)')!;
    expect(await page.locator('[data-clause="三(三)"] blockquote').innerText()).toBe(clause.text);

    await printAndShoot(page, 'demo-report');
    expect(requests.filter((r) => r !== url)).toEqual([]);
  }, 60_000);

  it('the rulebook shows every article, the 数据核对 checks and the review section, and prints', async () => {
    const { page, url, requests } = await open('rulebook.html');
    const ids = await page.locator('section.article').evaluateAll((s) => s.map((x) => x.getAttribute('data-article')));
    expect(ids).toHaveLength(60);
    // The 数据核对 checks, between the articles and the review, reached from the header.
    await expect(page.locator('section.consistency div.duty').count()).resolves.toBe(rules.consistency.length);
    await expect(page.locator('dl.meta a[href="#consistency-wuxun-2023-20"]').count()).resolves.toBe(1);
    const review = page.locator('section.review');
    await expect(review.locator('h2').innerText()).resolves.toBe('供法律审核');
    const params = rules.rulesets[0]!.parameters.filter((p) => p.interpretation).map((p) => p.name);
    expect(await review.locator('tr[data-param]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-param')))).toEqual(params);
    await printAndShoot(page, 'rulebook');
    expect(requests.filter((r) => r !== url)).toEqual([]);
  }, 120_000);
});
