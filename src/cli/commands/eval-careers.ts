/** `guanxi eval-careers`: career rows, ranks, dates and changes against a careers gold (tests/fixtures/careers/). */
import type { Command } from 'commander';
import { evaluateCareers, scores } from '../../eval/careers.js';
import { homeOption } from '../options.js';
import { table } from '../table.js';

export function registerEvalCareers(program: Command): void {
  program
    .command('eval-careers')
    .description('score careers (posts, ranks, dates, changes) of a fixture against its careers gold')
    .argument('<gold>', 'a careers gold file (tests/fixtures/careers/gold.json; format in its README)')
    .option('--format <format>', 'table or json', 'table')
    .option('--show-errors', 'list the missed and spurious career rows')
    .addOption(homeOption())
    .action(async (goldPath: string, opts: { format: string; showErrors?: boolean; home?: string }) => {
      const report = await evaluateCareers(goldPath, { home: opts.home });
      if (opts.format === 'json') {
        console.log(JSON.stringify({ ...report, rowScores: scores(report.rows), changeScores: scores(report.changes) }, null, 2));
        return;
      }
      const line = (measure: string, c: { tp: number; fp: number; fn: number }) => {
        const s = scores(c);
        return [measure, s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3), String(c.tp), String(c.fp), String(c.fn)];
      };
      console.log(table(['measure', 'P', 'R', 'F1', 'tp', 'fp', 'fn'], [line('career rows', report.rows), line('changes', report.changes)]));
      const share = (x: { right: number; of: number }) => `${x.right}/${x.of}`;
      console.log(`on matched rows: rank ${share(report.rank)}, first date ${share(report.from)}, last date ${share(report.to)}; gold persons split over nodes: ${report.splitPersons.join(', ') || 'none'}`);
      if (opts.showErrors) {
        for (const m of report.missed) console.log(`missed    ${m}`);
        for (const s of report.spurious) console.log(`spurious  ${s}`);
        for (const m of report.missedChanges) console.log(`missed change    ${m}`);
        for (const s of report.spuriousChanges) console.log(`spurious change  ${s}`);
      }
    });
}
