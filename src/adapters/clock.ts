/** The server's clock, read here and passed on: the domain never reads it. Days are UTC days. */
export const nowIso = (): string => new Date().toISOString();

export const todayOf = (instant: string): string => instant.slice(0, 10);
