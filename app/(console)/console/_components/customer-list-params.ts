/**
 * A paged customer list's search, sort and page as they appear in the URL (`q`, `sort`, `page`), read the same way
 * on the server (prefetch) and in the browser (queries) so both share one cache entry.
 */
export const CUSTOMER_PAGE_SIZE = 25;

export type CustomerListParams<S extends string> = { q: string; sort: S; page: number };

export function readCustomerListParams<S extends string>(
  get: (key: string) => string | null | undefined,
  sorts: readonly S[],
): CustomerListParams<S> {
  const page = Number.parseInt(get("page") ?? "", 10);
  const sort = sorts.find((s) => s === get("sort")) ?? sorts[0]!;
  return {
    q: (get("q") ?? "").trim().slice(0, 80),
    sort,
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** A change to a list's URL: a key set to null leaves the URL. */
export type ListChange = { q?: string | null; sort?: string | null; page?: number | null };

/**
 * The toolbar's change as a change to the URL: an emptied search and the default sort (`defaultSort`) leave it, and
 * the list goes back to its first page.
 */
export function toolbarChange(next: { q?: string; sort?: string }, defaultSort: string | undefined): ListChange {
  return {
    ...(next.q !== undefined ? { q: next.q || null } : {}),
    ...(next.sort ? { sort: next.sort === defaultSort ? null : next.sort } : {}),
    page: null,
  };
}

/** The procedure input of a list's params (an empty search is left out). */
export const customerListInput = <S extends string>(p: CustomerListParams<S>) => ({
  ...(p.q ? { search: p.q } : {}),
  sort: p.sort,
  page: p.page,
  pageSize: CUSTOMER_PAGE_SIZE,
});

/** `searchParams` of a server page as a getter. */
export const paramGetter =
  (params: Record<string, string | string[] | undefined>) =>
  (key: string): string | undefined => {
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
