/** Node flags that write a server process's CPU profile to BENCH_PROFILE (a folder), to see where its time goes; none without it. */
export const cpuProfileFlags = (): string[] => (process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []);
