/** Runs a function against the platform's time limit, as Forge does: past it, the caller gets a timeout. */
import { InvocationTimeoutError } from './errors';

export async function withDeadline<T>(limitMs: number, run: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InvocationTimeoutError(limitMs)), limitMs);
  });
  try {
    return await Promise.race([run(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
