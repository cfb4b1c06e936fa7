/** The part of autocannon's API the benchmarks use (the package ships no types). */
declare module "autocannon" {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
    }
  }
  function autocannon(
    options: autocannon.Options,
    done: (error: Error | null, result: unknown) => void,
  ): unknown;
  export default autocannon;
}
