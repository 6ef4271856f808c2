// autocannon ships no type declarations; this is the part of its programmatic API the bench uses.
declare module 'autocannon' {
  interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface AutocannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    timeout?: number;
    /** Built per request; setupRequest may change the method, path, headers and body. */
    requests?: { setupRequest?: (request: AutocannonRequest) => AutocannonRequest }[];
    /** Stop after this many requests over all connections (with duration, whichever comes first). */
    maxOverallRequests?: number;
  }
  interface AutocannonResult {
    requests: { total: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats?: Record<string, { count: number }>;
    duration: number;
  }
  interface AutocannonInstance {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void,
    ): void;
  }
  function autocannon(
    options: AutocannonOptions,
    callback: (error: Error | null, result: AutocannonResult) => void,
  ): AutocannonInstance;
  export = autocannon;
}
