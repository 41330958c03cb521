/**
 * V8 tuning for work that runs a lot of code briefly (lint over many files: a parser and 80 rules).
 * V8 hands a function to its optimising compiler after a small budget of executed bytecode; each
 * rule and parser function then gets compiled, often several times, on another thread whose CPU
 * time the process pays. Measured in bench/RESULTS.md ("lint: whole process"): over the corpus
 * that compiling was about 40% of lint's CPU time, and a larger budget lowered CPU time for one
 * file of 100k lines too (the hot functions still get optimised, just later). Functions created
 * after the call use the new budget: call it before loading the code it is meant for.
 */
import v8 from 'node:v8';

/** Bytecode a function executes before V8 considers optimising it (V8 11's default: 66 KiB). */
const BATCH_INTERRUPT_BUDGET = 1_000_000;

export function tuneJitForBatchWork(): void {
	try {
		v8.setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
	} catch {
		// A runtime without this flag: V8's defaults apply.
	}
}
