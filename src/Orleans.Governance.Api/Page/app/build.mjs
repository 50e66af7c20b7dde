// Bundles the page into OUTDIR (the Api project's MSBuild target passes its intermediate folder):
// app.js (the TypeScript and the parts of ECharts it imports), app.css and index.html.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const versionOf = async (name) => JSON.parse(await readFile(join('node_modules', name, 'package.json'), 'utf8')).version;
// The Apache License asks for the notice to travel with the bundle; the sources' own headers are not kept by the minifier.
const notice = `/*! Includes Apache ECharts ${await versionOf('echarts')} and ZRender ${await versionOf('zrender')}, `
  + 'Copyright The Apache Software Foundation, under the Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0). */';

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
  banner: { js: notice },
});
await copyFile('index.html', join(outdir, 'index.html'));
