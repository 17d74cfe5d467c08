/** The matrix's filters as they appear in the URL. */
export type MatrixParams = { state: "action" | "all"; q: string; page: number };

export function readMatrixParams(get: (key: string) => string): MatrixParams {
  const page = Number.parseInt(get("page"), 10);
  return {
    state: get("show") === "action" ? "action" : "all",
    q: get("q").trim().slice(0, 80),
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}
