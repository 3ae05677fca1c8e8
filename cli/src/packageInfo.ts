/** The package's version and home, read from package.json (bundled into dist/cli.js by esbuild). */
import packageJson from '../../package.json';

export const TOOL_VERSION: string = packageJson.version;

/** The repository's web address: package.json's repository URL without `git+` and `.git`. */
export const REPOSITORY_URL: string = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
