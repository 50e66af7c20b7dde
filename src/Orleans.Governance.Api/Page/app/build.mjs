// Bundles the page into OUTDIR (the Api project's MSBuild target passes its intermediate folder):
// app.js (the TypeScript and the parts of ECharts it imports), app.css and index.html.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs OUTDIR');
  process.exit(2);
}

await mkdir(outdir, { recursive: true });
await build({
  entryPoints: [{ in: 'src/main.ts', out: 'app' }, { in: 'src/page.css', out: 'app' }],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2022'],
  outdir,
  logLevel: 'warning',
});
await copyFile('index.html', join(outdir, 'index.html'));
