/**
 * Jest transformer for dependencies that ship only ES modules (jose 6): Node itself loads them
 * through require() (Node >= 20.19), Jest's module system does not. TypeScript's transpiler
 * rewrites their import/export to CommonJS and leaves everything else as written (native class
 * fields included, which jose's error classes rely on).
 */
const { createHash } = require('node:crypto');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  useDefineForClassFields: true,
  allowJs: true,
  sourceMap: false,
};

module.exports = {
  process(source, filename) {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    return { code: outputText };
  },
  getCacheKey(source, filename) {
    return createHash('sha256')
      .update(ts.version)
      .update(JSON.stringify(compilerOptions))
      .update(filename)
      .update(source)
      .digest('hex');
  },
};
