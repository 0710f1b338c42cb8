/** The machine a benchmark ran on, for its JSON: figures mean little without it. */
import { cpus, loadavg, totalmem } from 'node:os';

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

export const machineInfo = () => ({
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memory_gb: round(totalmem() / 2 ** 30, 0),
  node: process.version,
  load_average_at_start: loadavg().map((x) => round(x, 1)),
});
