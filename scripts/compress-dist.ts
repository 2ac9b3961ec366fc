/**
 * Writes .br and .gz beside every text asset of the production build, so `npm run serve`
 * (sirv) sends compressed bytes without compressing on each request.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = join('dist', 'cloudai-dashboard', 'browser');
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      yield* files(path);
    } else {
      yield path;
    }
  }
}

let count = 0;
for (const path of files(DIST)) {
  if (!COMPRESSIBLE.test(path)) {
    continue;
  }
  const contents = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(contents, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${path}.gz`, gzipSync(contents, { level: 9 }));
  count += 1;
}
console.log(`Compressed ${count} files in ${DIST} (.br and .gz).`);
