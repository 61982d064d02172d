/**
 * The files the GraphiQL page loads, all served by the gateway: an explicit allow-list of
 * prebuilt browser files from node_modules (GraphiQL 4's UMD bundle and stylesheet, React 18's
 * UMD builds, which GraphiQL's bundle expects as globals) plus the page's own start-up script.
 * Nothing else under node_modules is reachable. Each file is read once and published under a
 * name that carries a hash of its content, so browsers may cache it for good.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Asset {
  /** The public file name, content-hashed: `graphiql.min.3f2a9c1d.js`. */
  name: string;
  contentType: string;
  body: Buffer;
}

/** The browser files taken from npm packages (dev dependencies: development only). */
export const PACKAGE_FILES = {
  react: { packageName: 'react', path: 'umd/react.production.min.js' },
  reactDom: { packageName: 'react-dom', path: 'umd/react-dom.production.min.js' },
  graphiql: { packageName: 'graphiql', path: 'graphiql.min.js' },
  graphiqlCss: { packageName: 'graphiql', path: 'graphiql.min.css' },
} as const;

export type PackageFileId = keyof typeof PACKAGE_FILES;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Where an installed package lives (its package.json's folder). */
export type PackageLocator = (packageName: string) => string;

export const nodeModulesLocator: PackageLocator = (packageName) =>
  dirname(require.resolve(`${packageName}/package.json`));

/** Publishes a file under a content-hashed name (`graphiql.min.css` → `graphiql.min.<hash>.css`). */
export function asset(fileName: string, body: Buffer): Asset {
  const dot = fileName.lastIndexOf('.');
  const extension = fileName.slice(dot);
  const contentType = CONTENT_TYPES[extension];
  if (!contentType) throw new Error(`no content type for ${fileName}`);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { name: `${fileName.slice(0, dot)}.${hash}${extension}`, contentType, body };
}

/** Reads every allow-listed package file; throws naming the file when one is missing. */
export function loadPackageAssets(locate: PackageLocator): Record<PackageFileId, Asset> {
  const load = (id: PackageFileId): Asset => {
    const { packageName, path } = PACKAGE_FILES[id];
    let body: Buffer;
    try {
      body = readFileSync(join(locate(packageName), path));
    } catch (error) {
      throw new Error(
        `GraphiQL needs ${packageName}/${path}, a development dependency: run npm ci (without --omit=dev)`,
        { cause: error },
      );
    }
    return asset(path.slice(path.lastIndexOf('/') + 1), body);
  };
  return {
    react: load('react'),
    reactDom: load('reactDom'),
    graphiql: load('graphiql'),
    graphiqlCss: load('graphiqlCss'),
  };
}
