import assert from 'node:assert/strict';
import type { TestServer } from '../../../packages/server/test/helpers/server.js';

export interface FileableCategory {
  id: string;
  parentId: string | null;
  active: boolean;
  customFields: { required: boolean }[];
}

/**
 * The complaint categories a test can file into with nothing but the common fields: active leaves
 * (a complaint is filed under the most specific category) without required custom fields.
 */
export async function fileableCategories(server: TestServer): Promise<FileableCategory[]> {
  const categories = await server.api('listComplaintCategories', {
    token: 'agent',
    query: { limit: 200 },
  });
  const all = categories.body.items as FileableCategory[];
  const parents = new Set(all.map((c) => c.parentId).filter(Boolean));
  const leaves = all.filter(
    (c) => c.active && c.parentId && !parents.has(c.id) && c.customFields.every((f) => !f.required),
  );
  assert.ok(leaves.length > 0, 'a leaf category without required fields');
  return leaves;
}
