/** Package identity, kept in step with package.json by tests/meta. */
export const PACKAGE_NAME = 'eslint-plugin-trace-context';
export const PACKAGE_VERSION = '0.1.0';
