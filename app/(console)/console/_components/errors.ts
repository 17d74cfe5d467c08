import type { z } from "zod";

/** One message per field, keyed by the field's name (the first path segment of a zod issue). */
export type FieldErrors = Partial<Record<string, string>>;

/** Client-side validation with the server's own schema: the parsed value, or one message per field. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

type ErrorData = { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null; path?: string | null };

function dataOf(error: unknown): ErrorData | undefined {
  if (!error || typeof error !== "object" || !("data" in error)) return undefined;
  return (error as { data?: ErrorData }).data ?? undefined;
}

/** A human sentence for any thrown value: tRPC messages are written for people; network failures are not. */
export function errorMessage(error: unknown): string {
  if (dataOf(error)?.zodError) return "The server did not accept the request. Check the values and try again.";
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  if (!message || /failed to fetch|networkerror|load failed/i.test(message)) {
    return "Could not reach the server. Check your connection and try again.";
  }
  return message;
}

/**
 * A failed mutation as field errors plus a form-level message. Zod field errors and a domain error's `path`
 * land on the named field when the form has it; everything else becomes the form-level message.
 */
export function describeError(
  error: unknown,
  fields: readonly string[],
): { fields: FieldErrors; message: string | null } {
  const data = dataOf(error);
  const out: FieldErrors = {};
  let message: string | null = null;
  const fieldErrors = data?.zodError?.fieldErrors;
  if (fieldErrors) {
    for (const [key, messages] of Object.entries(fieldErrors)) {
      const first = messages?.[0];
      if (!first) continue;
      if (fields.includes(key)) out[key] = first;
      else message ??= first;
    }
    if (!message && Object.keys(out).length === 0) message = errorMessage(error);
    return { fields: out, message };
  }
  const path = data?.path;
  if (path && fields.includes(path)) return { fields: { [path]: errorMessage(error) }, message: null };
  return { fields: out, message: errorMessage(error) };
}
