/** The part of autocannon's API the benchmarks use (the package ships no types). */
declare module "autocannon" {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      /** Worker threads that send the load, so it does not share the measured server's thread. */
      workers?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      /** Each connection sends these in turn; `setupRequest` may rewrite one just before it is sent. */
      requests?: {
        setupRequest?: (request: object, context: Record<string, unknown>) => object;
        onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
      }[];
    }
  }
  function autocannon(
    options: autocannon.Options,
    done: (error: Error | null, result: unknown) => void,
  ): unknown;
  export default autocannon;
}
