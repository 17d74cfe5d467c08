/** `%term%` for ILIKE, with the term's own `%`, `_` and `\` taken literally (a name search, not a pattern). */
export const containsPattern = (term: string) => `%${term.replace(/[%_\\]/g, "\\$&")}%`;

/** `term%` for ILIKE, escaped as containsPattern (a "starts with" rank for search-as-you-type). */
export const startsPattern = (term: string) => `${term.replace(/[%_\\]/g, "\\$&")}%`;
