// What every suite receives: the run's mode and scale, where to log, and its repetition plan.
import type { RepetitionPlan } from '../stats';

export interface SuiteContext {
  quick: boolean;
  scale: number;
  log: (line: string) => void;
  /** Warm-up and repetitions for latency benchmarks (search, expand, paths). */
  queryPlan: RepetitionPlan;
  /** Where benchmark databases and generated files go. */
  dataRoot: string;
  /** Explicit first Bolt port for managed instances (the next ones use port+1, …), or undefined. */
  port?: number;
  notes: string[];
}
