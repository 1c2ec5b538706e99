import { canonicalItem, canonicalLotClass, canonicalGtin, type Locale } from '@shian/domain';
import type { ScanFacts, ScanKey } from '@shian/core';
import { SCAN_PAGE_TEXT } from './scan-page-text.ts';

/**
 * The GS1-Conformant resolver's machine answers: the RFC 9264 linkset of a code (the links the resolver has
 * for it, by GS1 link type) and the resolver description at `/.well-known/gs1resolver`.
 */

export const LINKSET_MEDIA_TYPE = 'application/linkset+json';
const GS1_VOC = 'https://gs1.org/voc/';

/** The link types this resolver answers with. */
export const SUPPORTED_LINK_TYPES = ['pip', 'recallStatus', 'traceability', 'defaultLink'] as const;

interface Link {
  href: string;
  title?: string;
  type?: string;
  hreflang?: string[];
}

/** The identifier a code names, as the EPCIS query's MATCH_anyEPC (an item) or MATCH_epcClass (a lot, a GTIN) takes it. */
function traceQuery(base: string, key: ScanKey): string {
  if (key.serial !== null) return `${base}/epcis/events?MATCH_anyEPC=${encodeURIComponent(canonicalItem(key.gtin, key.serial))}`;
  const epcClass = key.lot !== null ? canonicalLotClass(key.gtin, key.lot) : canonicalGtin(key.gtin);
  return `${base}/epcis/events?MATCH_anyEPCClass=${encodeURIComponent(epcClass)}`;
}

export interface LinksetInput {
  base: string;
  /** The code as this resolver names it, without a query string: the linkset's anchor. */
  anchor: string;
  key: ScanKey;
  facts: ScanFacts;
  locale: Locale;
}

/**
 * The linkset of a registered code: its product information page (the scan page, in both languages), its
 * recall status, the EPCIS query of its events, and the default link (the scan page).
 */
export function buildLinkset({ base, anchor, key, facts, locale }: LinksetInput): { linkset: Record<string, unknown>[] } {
  const t = SCAN_PAGE_TEXT[locale];
  const page: Link = { href: anchor, title: facts.product.name, type: 'text/html', hreflang: ['zh-CN', 'en-US'] };
  const recalled = facts.recalls.length > 0;
  return {
    linkset: [
      {
        anchor,
        itemDescription: facts.product.name,
        [`${GS1_VOC}pip`]: [page],
        [`${GS1_VOC}recallStatus`]: [
          { href: `${anchor}#recall`, title: recalled ? `${t.recallTitle} (${facts.recalls.map((r) => r.number).join(', ')})` : locale === 'zh-CN' ? '无召回' : 'Not recalled', type: 'text/html' },
        ],
        [`${GS1_VOC}traceability`]: [{ href: traceQuery(base, key), title: locale === 'zh-CN' ? 'EPCIS 追溯事件' : 'EPCIS events', type: 'application/json' }],
        [`${GS1_VOC}defaultLink`]: [{ href: anchor, title: facts.product.name, type: 'text/html' }],
      },
    ],
  };
}

/** The resolver description file (`/.well-known/gs1resolver`, GS1-Conformant resolver standard). */
export function resolverDescription(base: string) {
  return {
    name: 'Shian 食安 — Shanghai food safety traceability resolver (上海市食品安全追溯平台)',
    resolverRoot: base,
    supportedPrimaryKeys: ['01'],
    supportedLinkType: [{ namespace: GS1_VOC, prefix: 'gs1:' }],
    linkTypeDefaultCanBeLinkset: false,
    linkTypes: SUPPORTED_LINK_TYPES.map((type) => `gs1:${type}`),
    supportedContextValuesEnumerated: [],
  };
}
