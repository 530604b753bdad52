/**
 * Free TCP ports on 127.0.0.1, so every server a test starts (preview, dev, nginx) can run beside
 * any other: two test runs, or a developer's own `npm run dev`, never collide on a fixed port.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A port the kernel says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * The same, synchronously, for configuration files that cannot await (playwright.config.ts is
 * evaluated before any test runs). Asks a child Node process, which exits once it has the port.
 */
export function freePortSync(): number {
  const script = "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const port = Number(run.stdout);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Could not find a free port: ${run.stderr || run.stdout}`);
  return port;
}
