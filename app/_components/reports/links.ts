/** The stored PDF of a report version: inline for the browser's viewer, or as a download. */
export function reportPdfUrl(versionId: string, download = false): string {
  return `/api/reports/${encodeURIComponent(versionId)}/pdf${download ? "?download=1" : ""}`;
}

/** The first and last characters of a SHA-256, enough to tell versions apart at a glance. */
export function shortHash(sha256: string): string {
  return sha256.length > 16 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : sha256;
}
