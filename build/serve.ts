/**
 * `npm run start:excel`: build, serve dist/office over HTTPS on localhost:3000 with the Office dev certificates,
 * and sideload the manifest into desktop Excel where office-addin-debugging supports it (Windows, Mac).
 * On other systems (or for Excel on the web) upload manifest.xml by hand: see the README.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { extname, join, normalize } from 'node:path';
import { getHttpsServerOptions } from 'office-addin-dev-certs';
import { buildAll } from './build';

const PORT = 3000;
const root = new URL('../dist/office/', import.meta.url).pathname;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.css': 'text/css' };

async function main() {
  await buildAll();
  const options = await getHttpsServerOptions();
  createServer(options, (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'taskpane.html' : path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('Không có tệp này.');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*' });
    createReadStream(file).pipe(res);
  }).listen(PORT, () => console.log(`Đang phục vụ dist/office tại https://localhost:${PORT}/taskpane.html`));

  if (process.platform === 'win32' || process.platform === 'darwin') {
    spawn('npx', ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server-port', String(PORT), '--debug-method', 'direct', '--no-live-reload'], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
  } else {
    console.log('Hệ điều hành này không mở được Excel để cài thử: hãy tải manifest.xml lên Excel trên web (xem README, mục Excel).');
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
