/** The part of autocannon 9's API that tests/bench/load.bench.ts uses (the package ships no types). */
declare module 'autocannon' {
  /** A running benchmark: resolves with the totals, emits one 'response' per answer. */
  type TAutocannonInstance = PromiseLike<{ errors: number; timeouts: number; non2xx: number }> & {
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
  };
  /** Start a benchmark (options as in autocannon's README). */
  function autocannon(options: Record<string, unknown>): TAutocannonInstance;
  export default autocannon;
}
