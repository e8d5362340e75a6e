/**
 * The one clock every thread of the harness reads. performance.now() counts from each thread's own start, so a
 * reader in a worker and the writer in the main thread would disagree by however far apart they started; the
 * process's monotonic clock (hrtime) is the same in all of them and never steps with the wall clock.
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
