// An esbuild plugin for the server bundle: turns off, at build time, the `yaml` package's debug switches.
//
// Why: the package's parser and composer read `process.env.LOG_TOKENS` / `process.env.LOG_STREAM` once per token
// to decide whether to log it. `process.env` is a native getter, not a plain object, so those reads cost about
// 15-20% of parsing a large manifest (measured with `npm run bench`). The switches only serve the package's own
// debugging; in our bundle they are always off.
import { readFile } from 'node:fs/promises';

const SWITCHES = /\bnode_process\.env\.(LOG_TOKENS|LOG_STREAM)\b/g;

export const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(SWITCHES, 'false');
      if (contents === source) console.warn(`yaml-debug-switches-off: no switch found in ${args.path}; the yaml package changed`);
      return { contents, loader: 'js' };
    });
  },
};
