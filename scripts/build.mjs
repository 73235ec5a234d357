// Builds the plugin (CommonJS + declarations) and an ESM copy of the runtime wrappers.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = (project) => execFileSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });

if (process.argv.includes('--clean')) rmSync(join(root, 'dist'), { recursive: true, force: true });
run('tsconfig.build.json');
run('tsconfig.wrappers-esm.json');
mkdirSync(join(root, 'dist/wrappers-esm'), { recursive: true });
writeFileSync(join(root, 'dist/wrappers-esm/package.json'), '{ "type": "module" }\n');
chmodSync(join(root, 'dist/codemods/cli.js'), 0o755);
