import { type AzuriteInstance, startAzurite } from './azurite';

declare global {
  var cloudbotAzurite: AzuriteInstance | undefined;
}

/**
 * One Azurite for the whole test run, in memory, on free loopback ports. Tests find it through
 * `AZURITE_CONNECTION_STRING`, which Jest's workers inherit.
 */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  globalThis.cloudbotAzurite = azurite;
  process.env.AZURITE_CONNECTION_STRING = azurite.connectionString;
}
