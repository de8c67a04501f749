/**
 * A closed-loop load generator: `clients` loops, each sending its next GET
 * as soon as the previous response has been read to the end, over keep-alive
 * connections (Node's fetch keeps them alive by default).
 */
interface LoadResult {
  requests: number;
  /** Responses that were not 200: a redirect to sign-in would be one. */
  failures: number;
  seconds: number;
  latencies: number[];
}

export async function closedLoop(url: string, options: { clients: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      const response = await fetch(url, { headers: options.headers, redirect: "manual" });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      if (response.status !== 200) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return { requests: latencies.length, failures, seconds: (performance.now() - started) / 1000, latencies };
}
