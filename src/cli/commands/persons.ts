/** `guanxi persons --suspect`: persons entity resolution may have got wrong, with the directive that would correct each. */
import { Option, type Command } from 'commander';
import { suspectPersons } from '../../graph/suspects.js';
import { openStore } from '../../store/open.js';
import { storeOptions, type StoreFlags } from '../options.js';
import { formatResult } from './query.js';

export function registerPersons(program: Command): void {
  storeOptions(
    program
      .command('persons')
      .description('list persons resolution may have got wrong (--suspect): names split across nodes, nodes holding clashing posts, one-off names; each with the identities-file line that corrects it (docs/identities.md)')
      .argument('[store]', 'the embedded store (as --snapshot)')
      .option('--suspect', 'list likely errors, with a reason each')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table')),
  ).action(async (path: string | undefined, opts: StoreFlags & { suspect?: boolean; format: 'table' | 'json' | 'csv' }) => {
    if (!opts.suspect) throw new Error('guanxi persons lists --suspect persons: give --suspect');
    if (path && opts.snapshot && path !== opts.snapshot) throw new Error(`give the store once: ${path} or --snapshot ${opts.snapshot}`);
    const store = await openStore({ ...opts, snapshot: path ?? opts.snapshot });
    try {
      const rows = suspectPersons(await store.graph()).map((s) => ({ ...s, persons: s.persons.join(' ') }));
      const result = { columns: ['kind', 'persons', 'reason', 'directive'], rows };
      process.stdout.write(opts.format === 'csv' ? formatResult(result, 'csv') : `${formatResult(result, opts.format)}\n`);
    } finally {
      await store.close();
    }
  });
}
