/**
 * The small family of domain errors services throw. One place (server/trpc/init.ts, and httpStatusOf for route
 * handlers) maps them to protocol errors; nothing else catches and re-wraps.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class NotFound extends DomainError {}
export class Forbidden extends DomainError {}
export class Conflict extends DomainError {}
export class Invalid extends DomainError {}
export class Unauthorized extends DomainError {}

export function httpStatusOf(e: DomainError): number {
  if (e instanceof NotFound) return 404;
  if (e instanceof Forbidden) return 403;
  if (e instanceof Conflict) return 409;
  if (e instanceof Invalid) return 422;
  if (e instanceof Unauthorized) return 401;
  return 500;
}

/** PostgreSQL unique violation, as raised by PGlite and postgres-js alike (drizzle wraps it as `cause`). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const c = cur as { code?: string; constraint?: string; constraint_name?: string };
    if (c.code === "23505") return !constraint || (c.constraint ?? c.constraint_name) === constraint;
  }
  return false;
}
