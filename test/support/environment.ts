import { TestEnvironment } from 'jest-environment-node';

/**
 * Warnings that Node writes to stderr by itself, outside any test's console, for something a test
 * does on purpose. Each is dropped by its code and nothing else is.
 */
const EXPECTED_WARNINGS = new Set([
  // undici's Request, given the method "patch": test/dev/localRequest.test.ts checks that the local
  // request keeps it lowercase, as Request does, and Request warns that a server may not know it.
  'UNDICI-FETCH-patch',
]);

let installed = false;

/**
 * Wraps the process's own warning printer, once per Jest process. Tests cannot do this themselves:
 * their `process` is a copy, and Node's built-in fetch warns on the real one.
 */
function dropExpectedWarnings(): void {
  if (installed) return;
  installed = true;
  const printers = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error & { code?: string }) => {
    if (warning.code !== undefined && EXPECTED_WARNINGS.has(warning.code)) return;
    for (const print of printers) print.call(process, warning);
  });
}

/** Jest's Node environment, with the expected warnings above kept out of the output. */
export default class QuietWarningsEnvironment extends TestEnvironment {
  constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
    super(...args);
    dropExpectedWarnings();
  }
}
