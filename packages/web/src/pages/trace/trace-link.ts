/**
 * The GTIN and lot of a scanned GS1 Digital Link (`…/01/{gtin}[/22/…]/10/{lot}[/21/…]`, any host), or null
 * when it names no lot. The server validates both again.
 */
export function lotOfLink(link: string): { gtin: string; lot: string } | null {
  const match = /\/01\/(\d{8,14})(?:\/22\/[^/?#]+)?\/10\/([^/?#]+)/.exec(link.trim());
  if (!match?.[1] || !match[2]) return null;
  try {
    return { gtin: match[1], lot: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}
