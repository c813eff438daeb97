import { logText } from './logger';

const METHODS = ['log', 'debug', 'info', 'warn', 'error'] as const;

/**
 * What the code under test writes to the console while the enclosing `describe` (or file) runs,
 * one line per call, kept instead of printed so that the test asserts on it. For what logs
 * through the console by itself: the instance in `src/hosting/instance.ts`, and botframework-connector.
 * The spies are set again before each test, because some tests restore every mock after theirs.
 */
export function capturedConsole(): string[] {
  const lines: string[] = [];
  let spies: jest.SpiedFunction<(...args: unknown[]) => void>[] = [];
  const capture = () => {
    spies = METHODS.map((method) =>
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => { lines.push(`${method}: ${logText(args)}`); }),
    );
  };
  beforeAll(capture);
  beforeEach(capture);
  afterAll(() => {
    for (const spy of spies) spy.mockRestore();
  });
  return lines;
}

/**
 * What the process's instance says when it is built from a test's environment, which sets
 * neither an app id nor storage: each once, at start.
 */
export const INSTANCE_START_NOTICES = [
  'info: No state storage configured: conversation memory lives in this process only.',
  'warn: MicrosoftAppId is not set: CloudBot accepts unauthenticated requests (local use and the Emulator only).',
  'info: No storage configured: records are kept in this process only, for the local staff dashboard.',
];

/** Lines other than the instance's start notices: none are expected from a test of the instance's routes. */
export const besidesInstanceNotices = (lines: readonly string[]): string[] => lines.filter((line) => !INSTANCE_START_NOTICES.includes(line));
