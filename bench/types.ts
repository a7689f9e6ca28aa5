/** One figure a benchmark reports; the runner prints it as a `BENCH` line. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  op: '>=' | '<=' | '==';
  target: number;
  /** Context printed after the verdict, e.g. the peer's figure or the ratio. */
  extra?: string;
}

export interface BenchOptions {
  /** Heavier runs (`npm run bench -- --large`), not part of the default 15-minute run. */
  large: boolean;
}

export type Bench = (opts: BenchOptions) => Promise<BenchResult[]>;
