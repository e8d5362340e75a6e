/** Small waits the scenarios share. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves true once `done()` holds (checked every `every` ms), or false after `ms`. */
export async function until(done: () => boolean, ms: number, every = 25): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(every);
  }
  return true;
}
