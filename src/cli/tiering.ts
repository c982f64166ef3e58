/**
 * When V8 optimizes the extraction's code. V8 hands a function to its optimizing compiler (TurboFan,
 * on background threads) once the function has run an "interrupt budget" of bytecode. At V8's
 * default budget the extraction's large functions are compiled on the feedback of a few articles,
 * then thrown away and compiled again as later articles bring new shapes and rarely taken branches:
 * on the PFR month about 450 compiles and 4 s of compile time, which took the second core from a
 * second worker (`--jobs 2` was no faster than `--jobs 1`). A larger budget waits for fuller
 * feedback: about 150 compiles and under 1 s, the same speed once compiled. V8's flags are the
 * process's, so worker threads started afterwards share it.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode a function runs before it is optimized: about nine times V8's default (67,584 in Node 20). */
export const INTERRUPT_BUDGET = 600_000;

/** The V8 flag that sets the budget, or null when the command line sets one itself (node --interrupt-budget=N). */
export function tieringFlag(execArgv: readonly string[]): string | null {
  return execArgv.some((a) => a.startsWith('--interrupt-budget') || a.startsWith('--interrupt_budget')) ? null : `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/** Sets the budget for this process, before the extraction's code first runs. */
export function setTieringBudget(): void {
  const flag = tieringFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}
