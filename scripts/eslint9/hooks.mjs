// ESM resolve hook registered by register.cjs: `import 'eslint'` → `import 'eslint9'`.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'eslint' || specifier.startsWith('eslint/')) {
    return nextResolve(`eslint9${specifier.slice('eslint'.length)}`, context);
  }
  return nextResolve(specifier, context);
}
