/**
 * Complaint drafts in IndexedDB, one per user and host `draft-key`. A draft holds the form's
 * values, the idempotency key it got when it was created, and (once submitted but not yet
 * confirmed by the server) the exact body to send again. Never a token. Drafts expire after
 * seven days.
 */
import type { Schema } from '@cc-kit/spec';

export interface Draft {
  /** `<userId> <draftKey>`. */
  id: string;
  values: Record<string, string>;
  /** The Idempotency-Key every attempt to file this draft uses. */
  key: string;
  created: number;
  updated: number;
  /** The body being filed: kept until the server answers. */
  queued?: Schema<'ComplaintCreate'>;
}

export const DRAFT_TTL = 7 * 86400_000;
const STORE = 'complaint-drafts';
let opening: Promise<IDBDatabase> | undefined;

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * Opens the kit's database; when another part of the kit created it without this store, opens
 * the next version to add it. Closes on `versionchange` so others can upgrade it too.
 */
function open(version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('cc-kit', version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) {
        request.result.createObjectStore(STORE, { keyPath: 'id' });
      }
    };
    request.onsuccess = () => {
      const base = request.result;
      if (!base.objectStoreNames.contains(STORE)) {
        base.close();
        return void open(base.version + 1).then(resolve, reject);
      }
      base.onversionchange = () => {
        base.close();
        opening = undefined;
      };
      resolve(base);
    };
    request.onerror = () => reject(request.error);
  });
}

function db(): Promise<IDBDatabase> {
  opening ??= open().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await db()).transaction(STORE, mode).objectStore(STORE);
}

/** The draft, or undefined when there is none or it expired (expired ones are deleted). */
export async function readDraft(id: string, now = Date.now()): Promise<Draft | undefined> {
  const draft = (await done((await store('readonly')).get(id))) as Draft | undefined;
  if (draft && now - draft.updated > DRAFT_TTL) {
    await deleteDraft(id);
    return undefined;
  }
  return draft;
}

export async function writeDraft(draft: Draft): Promise<void> {
  await done((await store('readwrite')).put(draft));
}

export async function deleteDraft(id: string): Promise<void> {
  await done((await store('readwrite')).delete(id));
}
