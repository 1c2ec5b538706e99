import { PRODUCT_CATEGORY_NAMES, type Locale } from '@shian/domain';
import type { ScanFacts, ScanKey } from '@shian/core';
import { SCAN_PAGE_TEXT, type ScanPageText } from './scan-page-text.ts';

/**
 * The public scan page (扫码查询页) as one small HTML document: no script, no external file, inline CSS, meant
 * for a cheap phone inside a messaging app's browser. Every value from the database or the URL is escaped.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#f4f5f7}
main{max-width:560px;margin:0 auto;padding:12px}h1{font-size:20px;margin:8px 0}h2{font-size:16px;margin:16px 0 4px}
.card{background:#fff;border-radius:8px;padding:12px 14px;margin:10px 0}
.recall{background:#c00;color:#fff;padding:14px;font-size:17px}.recall strong{display:block;font-size:20px}
.ok{color:#1a7f37;font-weight:600}.bad{color:#c00;font-weight:700}.warn{background:#fff4e5;border-left:4px solid #d46b08}
dl{margin:0;display:grid;grid-template-columns:minmax(5em,38%) 1fr;gap:6px 12px}dt{color:#57606a}dd{margin:0;overflow-wrap:anywhere}
ol{margin:4px 0;padding-left:20px}footer{color:#57606a;font-size:13px;text-align:center;padding:16px 0}a{color:#0550ae}`;

/** Shanghai time, `YYYY-MM-DD HH:mm`. */
export function shanghaiTime(value: Date | string): string {
  return new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The page shell: language, title, styles, the optional red banner first, then the body. */
function page(locale: Locale, title: string, banner: string, body: string, switchHref: string): string {
  const t = SCAN_PAGE_TEXT[locale];
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>${banner}<main>${body}` +
    `<footer>${escapeHtml(t.footer)}<br><strong>${escapeHtml(t.hotline)}</strong> · <a href="${escapeHtml(switchHref)}" hreflang="${t.otherLanguage.lang}">${escapeHtml(t.otherLanguage.label)}</a></footer>` +
    `</main></body></html>`
  );
}

function recallBanner(t: ScanPageText, facts: ScanFacts, key: ScanKey): string {
  if (facts.recalls.length === 0) return '';
  // A GTIN page lists the lots being recalled; an item or lot page says this product is recalled.
  if (key.lot === null && key.serial === null) {
    const lots = [...new Set(facts.recalls.map((r) => r.lot).filter((l): l is string => l !== null))];
    return `<div class="recall" role="alert"><strong>⚠ ${escapeHtml(t.lotRecalls)}</strong>${escapeHtml(lots.join('、'))}<br>${escapeHtml(t.recallAdvice)}</div>`;
  }
  const recall = facts.recalls[0];
  if (!recall) return '';
  return (
    `<div class="recall" role="alert" id="recall"><strong>⚠ ${escapeHtml(t.recallTitle)}</strong>` +
    `${escapeHtml(t.recallLevel(recall.level))}：${escapeHtml(recall.reason)}<br>${escapeHtml(t.recallAdvice)}<br>` +
    `${escapeHtml(t.recallNumber)} ${escapeHtml(recall.number)}</div>`
  );
}

const row = (label: string, value: string, html = false): string => `<dt>${escapeHtml(label)}</dt><dd>${html ? value : escapeHtml(value)}</dd>`;

function releaseCell(t: ScanPageText, release: ScanFacts['release']): string {
  if (!release) return escapeHtml(t.releaseResult.none);
  if (release.disposition === 'conformant') return `<span class="ok">${escapeHtml(t.releaseResult.conformant)}</span>`;
  if (release.disposition === 'non_conformant') return `<span class="bad">${escapeHtml(t.releaseResult.non_conformant)}</span>`;
  return escapeHtml(t.releaseResult.other);
}

export interface ScanPageInput {
  locale: Locale;
  facts: ScanFacts;
  key: ScanKey;
  /** This scan included; null on lot and GTIN pages. */
  scans: { count: number; first: Date | null } | null;
  /** Today in Shanghai, `YYYY-MM-DD`. */
  today: string;
  switchHref: string;
}

/** The page of a registered code: recall banner, product, maker, lot, release result, route and scan count. */
export function renderScanPage(input: ScanPageInput): string {
  const { locale, facts, key, scans } = input;
  const t = SCAN_PAGE_TEXT[locale];
  const batch = facts.batch;
  const lot = batch?.lot ?? key.lot;
  const details = [
    row(t.registrationNumber, facts.product.registrationNumber),
    row(t.category, PRODUCT_CATEGORY_NAMES[facts.product.category][locale]),
    row(t.maker, facts.maker.name),
    row(t.licence, facts.maker.licenceNumber ?? '—'),
    lot !== null ? row(t.lot, lot) : '',
    batch ? row(t.productionDate, batch.productionDate) : '',
    batch
      ? row(t.expiryDate, batch.expiryDate < input.today ? `${escapeHtml(batch.expiryDate)} <span class="bad">${escapeHtml(t.expired)}</span>` : escapeHtml(batch.expiryDate), true)
      : '',
    lot !== null ? row(t.release, releaseCell(t, facts.release), true) : '',
    facts.code ? row(t.serial, facts.code.serial) : '',
  ].join('');
  const sections: string[] = [`<h1>${escapeHtml(facts.product.name)}</h1>`];
  if (facts.code) sections.push(`<p class="ok">✓ ${escapeHtml(t.registered)}</p>`);
  if (batch && key.lot !== null && key.lot !== batch.lot) sections.push(`<div class="card warn">${escapeHtml(t.lotMismatch)}</div>`);
  sections.push(`<div class="card"><dl>${details}</dl></div>`);
  if (facts.code) {
    const route = facts.places.map((p) => {
      const where = locale === 'zh-CN' ? [p.districtZh, p.streetZh] : [p.streetEn, p.districtEn];
      return `<li>${escapeHtml(shanghaiTime(p.firstSeenAt).slice(0, 10))} ${escapeHtml(where.filter(Boolean).join(locale === 'zh-CN' ? ' ' : ', '))}</li>`;
    });
    sections.push(`<div class="card"><h2>${escapeHtml(t.route)}</h2>${route.length > 0 ? `<ol>${route.join('')}</ol>` : `<p>${escapeHtml(t.routeNone)}</p>`}</div>`);
  } else {
    sections.push(`<div class="card">${escapeHtml(t.classPage)}</div>`);
  }
  if (scans) {
    const many = scans.count > 3;
    const line = scans.count <= 1 || scans.first === null ? t.scansFirst : t.scans(scans.count, shanghaiTime(scans.first));
    sections.push(`<div class="card${many ? ' warn' : ''}" id="scans"><p>${escapeHtml(line)}</p>${many ? `<p>${escapeHtml(t.scansWarning)}</p>` : ''}</div>`);
  }
  return page(locale, `${facts.product.name} · ${t.title}`, recallBanner(t, facts, key), sections.join(''), input.switchHref);
}

/** A code the platform never issued (HTTP 404): it may be counterfeit; the hotline. */
export function renderNotRegisteredPage(locale: Locale, key: ScanKey, switchHref: string): string {
  const t = SCAN_PAGE_TEXT[locale];
  const facts = [row('GTIN', key.gtin), key.lot !== null ? row(t.lot, key.lot) : '', key.serial !== null ? row(t.serial, key.serial) : ''].join('');
  const body =
    `<h1 class="bad">✗ ${escapeHtml(t.notRegisteredTitle)}</h1><div class="card warn"><p><strong>${escapeHtml(t.notRegistered)}</strong></p>` +
    `<p>${escapeHtml(t.counterfeitAdvice)}</p></div><div class="card"><dl>${facts}</dl></div>`;
  return page(locale, `${t.notRegisteredTitle} · ${t.title}`, '', body, switchHref);
}

/** A malformed Digital Link (HTTP 400), saying what is wrong with it. */
export function renderMalformedPage(locale: Locale, detail: string, switchHref: string): string {
  const t = SCAN_PAGE_TEXT[locale];
  const body = `<h1 class="bad">${escapeHtml(t.malformedTitle)}</h1><div class="card warn"><p>${escapeHtml(t.malformed)}<strong>${escapeHtml(detail)}</strong></p><p>${escapeHtml(t.counterfeitAdvice)}</p></div>`;
  return page(locale, `${t.malformedTitle} · ${t.title}`, '', body, switchHref);
}
