import { describe, expect, it } from 'vitest';
import { parseArgs, singleFile, startCommand, type CommandLine } from '../../scripts/lib/args';
import { VALID_REGISTRY } from './projects-helpers';

const SPEC = { values: ['--out', '--map'], repeatable: ['--map'], flags: ['--swap-axes'] };

describe('the import CLIs’ shared command-line parser', () => {
  it('reads values both ways, keeps every value of a repeatable option, and flags', () => {
    const parsed = parseArgs(
      ['a.xlsx', '--out', 'x.json', '--map=名称=name', '--map', '备注=-', '--swap-axes', '--out=y'],
      SPEC,
    );
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(parsed.files).toEqual(['a.xlsx']);
    expect(parsed.values.get('--out')).toBe('y');
    expect(parsed.lists.get('--map')).toEqual(['名称=name', '备注=-']);
    expect(parsed.lists.get('--out')).toBeUndefined();
    expect([...parsed.flags]).toEqual(['--swap-axes']);
    expect(singleFile(parsed)).toBe('a.xlsx');
  });

  it('says in one line what is wrong', () => {
    expect(parseArgs(['a', '--nope'], SPEC)).toBe('unknown option --nope');
    expect(parseArgs(['a', '--out'], SPEC)).toBe('--out needs a value');
    const two = parseArgs(['a', 'b'], SPEC);
    const none = parseArgs([], SPEC);
    if (typeof two === 'string' || typeof none === 'string') throw new Error('parsed');
    expect(singleFile(two)).toEqual({ problem: 'give one FILE' });
    expect(singleFile(none)).toEqual({ problem: 'no FILE given' });
  });

  it('starts a command: help, a wrong line with its exit code, or options and the registry', async () => {
    const cli: CommandLine<{ file: string; data: string }> = {
      program: 'demo',
      usage: 'usage: demo FILE',
      usageExit: 7,
      spec: { values: ['--data'] },
      registryDir: (options) => options.data,
      options: (parsed) => {
        const file = singleFile(parsed);
        return typeof file === 'string'
          ? { file, data: parsed.values.get('--data') ?? VALID_REGISTRY }
          : file.problem;
      },
    };
    const lines: string[] = [];
    const print = (line: string): void => void lines.push(line);
    expect(await startCommand(['--help'], cli, print)).toEqual({ exit: 0 });
    expect(await startCommand([], cli, print)).toEqual({ exit: 7 });
    expect(lines).toEqual(['usage: demo FILE', 'demo: no FILE given\nusage: demo FILE']);
    const started = await startCommand(['f.csv'], cli, print);
    expect('registry' in started && started.registry.parks.length).toBeGreaterThan(0);
    lines.length = 0;
    expect(await startCommand(['f.csv', '--data', '/nonexistent-zpe'], cli, print)).toEqual({
      exit: 1,
    });
    expect(lines.at(-1)).toMatch(
      /^demo: the registry in .* has problems: fix them before importing$/,
    );
  });
});
