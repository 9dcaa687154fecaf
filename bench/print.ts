// `npx tsx bench/print.ts [results.json]`: prints the tables of a results file again (default:
// bench-results/latest.json), for instance after a change to the report.
import { readFileSync } from 'node:fs';
import { printReport, type BenchReport } from './report.js';

const path = process.argv[2] ?? new URL('../bench-results/latest.json', import.meta.url);
printReport(JSON.parse(readFileSync(path, 'utf8')) as BenchReport);
