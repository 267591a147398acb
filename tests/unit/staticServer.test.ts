import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPath, serveStatic, type StaticServer } from '../../scripts/lib/browser';

/** GET with the path sent exactly as written (fetch would normalise it). */
function get(server: StaticServer, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('requestPath', () => {
  it('decodes the path and drops the query', () => {
    expect(requestPath('/a%20b/c.json?x=1#y')).toBe('/a b/c.json');
    expect(requestPath('//?data=x')).toBe('//');
  });
  it('refuses a broken escape and a path that is not one', () => {
    expect(requestPath('/%E0%A4%A')).toBeNull();
    expect(requestPath('*')).toBeNull();
  });
});

describe('serveStatic on malformed requests', () => {
  let server: StaticServer;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'static-server-'));
    writeFileSync(join(root, 'index.html'), '<p>home</p>');
    server = await serveStatic(root);
  });
  afterAll(() => server.close());

  it('answers 400 to a broken escape and keeps serving', async () => {
    expect((await get(server, '/%E0%A4%A')).status).toBe(400);
    const home = await get(server, '/');
    expect(home).toEqual({ status: 200, body: '<p>home</p>' });
  });
  it('serves a doubled slash as the path it names', async () => {
    expect(await get(server, '//?data=x')).toEqual({ status: 200, body: '<p>home</p>' });
  });
});
