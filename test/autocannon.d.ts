/** The few parts of autocannon's API the load runs use (it ships no types). */
declare module "autocannon" {
  interface AutocannonRequest {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
  }
  interface AutocannonOptions {
    url: string;
    connections?: number;
    amount?: number;
    duration?: number;
    overallRate?: number;
    /** Seconds before a request counts as timed out (default 10). */
    timeout?: number;
    requests?: AutocannonRequest[];
  }
  interface AutocannonResult {
    requests: { sent: number };
    latency: { p50: number; p99: number; max: number };
    "2xx": number;
    non2xx: number;
    errors: number;
  }
  export default function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
}
