import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cycles, floorBreaches, importGraph, sourceFiles } from '../../scripts/check-cycles';

let root = '';

/** A throw-away src/ tree of the given files. */
function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'zpe-cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('check-cycles', () => {
  it('finds a circle through static, type-only and dynamic imports', () => {
    const dir = tree({
      'data/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'data/b.ts': "import type { C } from './c';\nexport const b: C = 1;\n",
      'data/c.ts': "export type C = number;\nexport const load = () => import('./a');\n",
      'data/d.ts': "import { a } from './a';\nexport const d = a;\n",
    });
    const found = cycles(importGraph(sourceFiles(dir)));
    expect(found.map((component) => component.map((f) => f.slice(dir.length + 1)).sort())).toEqual([
      ['data/a.ts', 'data/b.ts', 'data/c.ts'],
    ]);
  });

  it('finds no circle in a tree that runs one way', () => {
    const dir = tree({
      'data/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'data/b.ts': 'export const b = 1;\n',
    });
    expect(cycles(importGraph(sourceFiles(dir)))).toEqual([]);
  });

  it('reports an import of a forbidden floor, dynamic ones included', () => {
    const dir = tree({
      'ui/Panel.ts': "export const open = () => import('../app/App');\n",
      'app/App.ts': "import { open } from '../ui/Panel';\nexport const app = open;\n",
    });
    const breaches = floorBreaches(importGraph(sourceFiles(dir)), dir, { ui: ['app'] });
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatch(/src\/ui\/ may not import src\/app\/$/);
  });
});
