/**
 * The command line's own promises: its version, help that agrees with the README, what git ignores,
 * dates as Chinese sources write them, and one clear line for a date that is none.
 */
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DETECTED_ENCODINGS } from '../src/ingest/decode.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
/** Help text as one line: commander wraps it at the terminal's width. */
const unwrapped = (text: string) => text.replace(/\s+/g, ' ');

describe('command line', () => {
  it('prints the package version with --version', () => {
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = run('--version');
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout.trim()).to.equal(version);
  });

  it('names the same encodings in --help and the README', () => {
    const readme = unwrapped(readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8'));
    expect(readme).to.include(DETECTED_ENCODINGS);
    for (const command of [[], ['extract'], ['ingest']]) {
      const r = run(...command, '--help');
      expect(r.status, r.stderr).to.equal(0);
      expect(unwrapped(r.stdout), `guanxi ${command.join(' ')} --help`).to.include(DETECTED_ENCODINGS);
    }
  });

  it('keeps the default snapshot folder out of git', () => {
    const ignored = readFileSync(join(PACKAGE_ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignored).to.include('.guanxi/');
  });

  it('stops serve when what started it is killed (npx, a script), not only on a signal', async function () {
    this.timeout(30_000);
    const dir = mkdtempSync(join(tmpdir(), 'guanxi-serve-'));
    try {
      // A parent that starts serve and prints its pid, as npx would, then is killed without a word.
      const script = `const c=require('child_process').spawn(process.execPath,[${JSON.stringify(CLI)},'serve','--port','0','--snapshot',${JSON.stringify(join(dir, 'g.jsonl'))}],{stdio:['ignore','pipe','ignore']});c.stdout.once('data',()=>console.log(c.pid));setInterval(()=>{},1000);`;
      const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
      const child = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d).trim()))));
      const alive = () => {
        try {
          process.kill(child, 0);
          return true;
        } catch {
          return false;
        }
      };
      expect(alive()).to.equal(true);
      parent.kill('SIGKILL');
      for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 200));
      const stillThere = alive();
      if (stillThere) process.kill(child, 'SIGKILL');
      expect(stillThere, 'serve outlived its parent').to.equal(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('dates', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-cli-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const refused: [string[], string][] = [[['extract'], '2023-13-45'], [['extract', '--format', 'table'], '2023-02-30'], [['ingest', '--snapshot', 'SNAPSHOT'], '2023-13-45'], [['eval', 'x.gold.json'], 'yesterday']];
    for (const [args, value] of refused) {
      it(`refuses guanxi ${args[0]} --date ${value} with one line, before doing anything`, () => {
        const snapshot = join(dir, 'never.jsonl');
        const r = run(...args.map((a) => (a === 'SNAPSHOT' ? snapshot : a)), '--date', value);
        expect(r.status).to.equal(2);
        expect(r.stdout).to.equal('');
        expect(r.stderr).to.match(new RegExp(`^guanxi: --date ${value}: not a date; write YYYY-MM-DD, .*2023年2月18日.*\\n$`));
        expect(existsSync(snapshot)).to.equal(false);
      });
    }

    it('takes --date as Chinese sources write it', () => {
      for (const date of ['2023年2月18日', '2023-2-18', '20230218', '2023/02/18', '2023.02.18']) {
        const r = run('extract', '--date', date, '--format', 'table');
        expect(r.status, r.stderr).to.equal(0);
        expect(r.stdout, date).to.match(/date 2023-02-18 \(given\)/);
      }
    });

    it('refuses a named query\'s date parameter that is no date, and reads one written the Chinese way', () => {
      const snapshot = join(dir, 'graph.jsonl');
      const ingest = run('ingest', '--snapshot', snapshot);
      expect(ingest.status, ingest.stderr).to.equal(0);
      const query = (from: string) => run('query', '--snapshot', snapshot, '--name', 'events-at-place', '--param', 'place=许昌市', '--param', `from=${from}`, '--format', 'json');
      const bad = query('2023-13-45');
      expect(bad.status).to.equal(2);
      expect(bad.stderr).to.match(/^guanxi: events-at-place: from=2023-13-45 is not a date; write .*\n$/);
      const iso = query('2023-02-01');
      const chinese = query('2023年2月1日');
      expect(iso.status, iso.stderr).to.equal(0);
      expect(JSON.parse(chinese.stdout)).to.deep.equal(JSON.parse(iso.stdout)).and.to.have.length.greaterThan(0);
    });

    it('ingests records dated the Chinese way, and a record whose date is none with a warning naming its line', () => {
      const file = join(dir, 'dated.jsonl');
      const text = '市委书记王明主持召开市委常委会会议，研究部署当前重点工作。';
      writeFileSync(file, ['2023年2月18日', '20230218', '二月某日'].map((date, i) => JSON.stringify({ id: `r${i}`, date, home: '许昌市', text })).join('\n') + '\n');
      const snapshot = join(dir, 'dated-graph.jsonl');
      const r = run('ingest', '--snapshot', snapshot, file);
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stderr).to.include(`guanxi: ${file}:3: warning: "date" "二月某日" is not a date`);
      expect(r.stdout).to.match(/Article 3,/);
      const articles = readFileSync(snapshot, 'utf8').split('\n').slice(1).filter(Boolean)
        .flatMap((line) => (JSON.parse(line) as { nodes: { label: string; props: { id: string; date: string | null } }[] }).nodes)
        .filter((n) => n.label === 'Article')
        .map((n) => n.props.date);
      expect(articles.slice(0, 2)).to.deep.equal(['2023-02-18', '2023-02-18']);
      expect(articles[2]).to.not.equal('2023-02-18');
    });
  });
});
