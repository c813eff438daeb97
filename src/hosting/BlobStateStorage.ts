import { ContainerClient, RestError, type StoragePipelineOptions } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { CreatingStorage } from '../bot/CreatingStorage';
import { eTagConflict } from '../bot/storageErrors';
import { onceUntilFailure } from '../onceUntilFailure';

/**
 * botbuilder's Blob Storage state, which reads, writes and deletes, plus `create`: an upload with
 * `If-None-Match: *`, which Blob Storage refuses where the blob already exists. `BlobsStorage`
 * keeps its container client to itself, so this holds a second one, for the same container.
 *
 * `@azure/storage-blob` is the client `botbuilder-azure-blobs` is built on; it is a direct dependency too, pinned to the same version.
 */
export class BlobStateStorage extends BlobsStorage implements CreatingStorage {
  private readonly container: ContainerClient;
  /** The container is made on first use, as BlobsStorage makes it; a failure is not kept, so the next call tries again. */
  private readonly containerReady: () => Promise<void>;

  constructor(connectionString: string, containerName: string, options: { storagePipelineOptions?: StoragePipelineOptions } = {}) {
    super(connectionString, containerName, options);
    this.container = new ContainerClient(connectionString, containerName, options.storagePipelineOptions);
    this.containerReady = onceUntilFailure(() => this.container.createIfNotExists());
  }

  async create(items: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Promise<void> {
    await this.containerReady();
    await Promise.all(
      Object.entries(items).map(async ([key, item]) => {
        // The eTag is the blob's, never part of its content, as BlobsStorage writes items.
        const body = JSON.stringify({ ...item, eTag: undefined });
        try {
          await this.container.getBlockBlobClient(blobName(key)).upload(body, Buffer.byteLength(body), {
            conditions: { ifNoneMatch: '*' },
            blobHTTPHeaders: { blobContentType: 'application/json' },
          });
        } catch (error) {
          // 409 BlobAlreadyExists is how Blob Storage refuses it; 412 is what a condition failing elsewhere gives.
          if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412)) throw eTagConflict(key);
          throw error;
        }
      }),
    );
  }

}

/**
 * The blob BlobsStorage keeps a key in (its `sanitizeBlobKey`, which the package does not export),
 * so that both name the same one: empty path segments dropped, at most 255 slashes kept, then
 * percent-encoded and cut to Blob Storage's 1024 characters.
 */
export function blobName(key: string): string {
  const [first = '', ...rest] = key.split('/');
  const joined = rest.reduce((name, part, index) => (part ? `${name}${index + 1 < 255 ? '/' : ''}${part}` : name), first);
  return encodeURIComponent(joined).slice(0, 1024);
}
