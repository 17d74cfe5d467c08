/** The links in an e-mail's HTML, in order, without duplicates: the outbox shows them as plain anchors. */
export function extractLinks(html: string): string[] {
  const seen = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref\s*=\s*"([^"]+)"/gi)) {
    const href = m[1]!.replace(/&amp;/g, "&");
    if (/^https?:\/\//i.test(href)) seen.add(href);
  }
  return [...seen];
}
