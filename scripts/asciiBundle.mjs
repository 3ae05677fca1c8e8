// An esbuild plugin for the Node.js bundles: writes every character outside ASCII as a \uXXXX escape.
//
// Why: V8 keeps a script's source as a string for as long as the script lives, one byte per character when every
// character fits in Latin-1 and two bytes otherwise. esbuild escapes what it writes of strings, but not comments it
// keeps or regular expression literals: one arrow in a comment and one `µ` in a regular expression made the 1.9 MB
// server bundle a 3.8 MB string in the server's heap (measured: 1.5-2 MB of resident memory). An escape means the
// same in every place a JavaScript source can hold such a character (a comment, a string or template, a regular
// expression, an identifier). Columns after an escaped character in the source map are off by the escape's length.
import { readFile, writeFile } from 'node:fs/promises';

const NOT_ASCII = /[\u0080-\uffff]/g;

export const asciiBundle = {
  name: 'ascii-bundle',
  setup(build) {
    build.onEnd(async (result) => {
      const outfile = build.initialOptions.outfile;
      if (result.errors.length || !outfile) return;
      const source = await readFile(outfile, 'utf8');
      if (!NOT_ASCII.test(source)) return;
      NOT_ASCII.lastIndex = 0;
      await writeFile(outfile, source.replace(NOT_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    });
  },
};
