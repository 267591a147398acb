/**
 * Fails when files under src/ import each other in a circle, or when a file imports a floor it
 * may not (scripts/lib/layers.json, the table ESLint enforces for static imports; this also sees
 * dynamic `import('…')`). Every relative import counts: static, dynamic, re-exports and type-only
 * ones, since a type-only circle still says two files lean on each other.
 *
 * Usage: `tsx scripts/check-cycles.ts [dir]` (default src). Prints nothing and exits 0 when all
 * is well; otherwise prints each cycle as `a.ts → b.ts → a.ts` and each breach as
 * `a.ts imports b.ts: src/x/ may not import src/y/`, and exits 1.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx'];

/** Every .ts/.tsx file under `dir`, absolute. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names (`./x` → x.ts, x.tsx or x/index.ts), or null. */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => join(base, `index${ext}`)),
  ];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null;
}

/** The files each file imports, by TypeScript's own pre-parser (no type checking, so fast). */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((ref) => resolveSpecifier(file, ref.fileName))
      .filter((path): path is string => path !== null && known.has(path));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The cycles of a graph: each strongly connected component with more than one file (or a self-import), by Tarjan. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node))
      found.push(component.reverse());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One circle through a component, as a readable path that ends where it starts. */
function circleThrough(
  component: readonly string[],
  graph: ReadonlyMap<string, readonly string[]>,
): string[] {
  const members = new Set(component);
  const start = component[0] ?? '';
  // Breadth-first from the start back to itself, inside the component: the shortest circle.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() ?? '';
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (
          let at: string | undefined = node;
          at !== undefined && at !== start;
          at = previous.get(at)
        )
          path.unshift(at);
        return [start, ...path];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** For each folder of src/, the folders it may not import (the floors, bottom first). */
const FORBIDDEN = JSON.parse(
  readFileSync(join(import.meta.dirname, 'lib', 'layers.json'), 'utf8'),
) as Readonly<Record<string, readonly string[]>>;

/** Imports that reach a floor their file may not import, as readable lines. */
export function floorBreaches(
  graph: ReadonlyMap<string, readonly string[]>,
  root: string,
  forbidden: Readonly<Record<string, readonly string[]>> = FORBIDDEN,
): string[] {
  const folderOf = (file: string): string => relative(root, file).split(sep)[0] ?? '';
  const breaches: string[] = [];
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    for (const target of targets) {
      const to = folderOf(target);
      if (to !== from && (forbidden[from] ?? []).includes(to))
        breaches.push(
          `${relative(process.cwd(), file)} imports ${relative(process.cwd(), target)}: src/${from}/ may not import src/${to}/`,
        );
    }
  }
  return breaches;
}

function main(): void {
  const root = resolve(process.argv[2] ?? 'src');
  const graph = importGraph(sourceFiles(root));
  const found = cycles(graph);
  for (const component of found) {
    const circle = circleThrough(component, graph).map((file) => relative(process.cwd(), file));
    console.error(`import cycle: ${circle.join(' → ')}`);
  }
  const breaches = floorBreaches(graph, root);
  for (const breach of breaches) console.error(`layer: ${breach}`);
  if (found.length > 0 || breaches.length > 0) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
